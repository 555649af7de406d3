/**
 * What a host plugs into available-to-promise: public holidays, carrier transit times and the backorders already
 * waiting for inbound stock. Interfaces and the records they exchange only.
 */
package io.omskit.atp.spi;

/**
 * The service provider interfaces a host implements to plug in its database, catalog, payment provider, carriers and
 * messaging. Only interfaces, the value types they exchange and {@link io.omskit.core.spi.SpiException} live here.
 * Every SPI has a thread-safe in-memory adapter in {@code io.omskit.core.inmemory} and a contract test in
 * {@code oms-testkit}.
 */
package io.omskit.core.spi;

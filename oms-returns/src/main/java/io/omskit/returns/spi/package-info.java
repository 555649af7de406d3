/** What a host implements for returns: where they are stored. */
package io.omskit.returns.spi;

/** The in-memory reference adapter of the returns SPI. */
package io.omskit.returns.inmemory;

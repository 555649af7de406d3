/**
 * Thread-safe in-memory reference adapters of every SPI: the defaults of {@link io.omskit.core.Oms}, the
 * reference the TCK is checked against, and fakes that fail on demand for tests.
 */
package io.omskit.core.inmemory;

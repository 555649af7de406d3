/** Thread-safe in-memory reference adapters of the sourcing SPI. */
package io.omskit.orchestration.inmemory;

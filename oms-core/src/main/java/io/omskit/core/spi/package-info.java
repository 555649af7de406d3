/**
 * The service provider interfaces a host implements to plug in its database, catalog, payment provider, carriers and
 * messaging. Only interfaces, the value types they exchange and {@link io.omskit.core.spi.SpiException} live here.
 * Every SPI has a thread-safe in-memory adapter in {@code io.omskit.core.inmemory} and a contract test in
 * {@code oms-testkit}.
 *
 * <p>Nothing here is null unless marked {@link org.jspecify.annotations.Nullable @Nullable} (JSpecify's
 * {@link org.jspecify.annotations.NullMarked @NullMarked}): a nullness-aware IDE or checker warns an adapter that
 * returns null where a value is promised. A record component that tolerates null in its constructor and stores a
 * default instead (an empty string, an empty set) is declared non-null, as its accessor never answers null.
 */
@NullMarked
package io.omskit.core.spi;

import org.jspecify.annotations.NullMarked;

/**
 * The sourcing SPI: what a retailer implements to add its own rules or feed the engine with host data.
 *
 * <p>A rule is a small, stateless, named object of one of two kinds: a {@link io.omskit.orchestration.spi.FilterRule}
 * excludes a location for one item or for the whole order, and a {@link io.omskit.orchestration.spi.CostRule} adds
 * cost terms that the optimiser minimises. Every exclusion and every cost comes with a
 * {@link io.omskit.orchestration.spi.Justification}: a record that serialises to JSON and compares by value.
 * Rules read the demand, the network and the stock through a {@link io.omskit.orchestration.spi.SourcingContext};
 * locations and items are addressed by dense {@code int} indexes so that the engine can call rules in its hot
 * path without hashing or boxing. A rule that needs the engine to do more than ask it (hold locations to their daily
 * capacity) implements the optional {@link io.omskit.orchestration.spi.DeclaresNeeds}.
 */
package io.omskit.orchestration.spi;

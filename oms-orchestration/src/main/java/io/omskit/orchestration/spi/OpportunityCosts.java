package io.omskit.orchestration.spi;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.Location;

/**
 * The host's value of keeping one unit of a SKU at a location for other demand, such as a forecast of regional
 * demand or the shadow price of a network-planning model. Thread-safe and fast.
 *
 * <p>What an adapter promises, clause by clause (the TCK {@code OpportunityCostsContract} checks each): every unit of
 * every SKU at every location costs a finite amount of at least zero, a SKU without a forecast included (§1); the same
 * question gets the same cost, from any number of threads (§2).
 */
public interface OpportunityCosts {

    /** The cost of taking one unit of {@code sku} at {@code location}: finite and at least zero. */
    double perUnit(Sku sku, Location location);
}

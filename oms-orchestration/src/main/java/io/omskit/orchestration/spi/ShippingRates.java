package io.omskit.orchestration.spi;

import io.omskit.core.network.Location;
import io.omskit.core.order.DeliveryMethod;

/**
 * Shipping prices for the shipping cost rule: a rate table, or an adapter over the host's carrier contracts.
 * Must be thread-safe and fast (called for every candidate location of every order).
 *
 * <p>What an adapter promises, clause by clause (the TCK {@code ShippingRatesContract} checks each): every location
 * has a rate for every delivery method (§1); the engine's read by index is the rate of the location at that index, a
 * matter of the location and the method only (§2); the same question gets the same rate, from any number of threads
 * (§3).
 */
public interface ShippingRates {

    /**
     * The rate for shipping from {@code from} with {@code method}.
     *
     * @return the rate; never null
     */
    ShippingRate rate(Location from, DeliveryMethod method);

    /**
     * The rate for shipping from the location at dense index {@code location} of {@code context}'s network with
     * {@code method}; what {@link #rate(Location, DeliveryMethod)} gives for that location. The engine asks this one:
     * rates that need less than the location (a table by type) override it to read only that.
     *
     * @return the rate; never null
     */
    default ShippingRate rate(SourcingContext context, int location, DeliveryMethod method) {
        return rate(context.location(location), method);
    }
}

package io.omskit.orchestration.spi;

import io.omskit.core.network.Location;
import io.omskit.core.order.DeliveryMethod;

/**
 * Shipping prices for the shipping cost rule: a rate table, or an adapter over the host's carrier contracts.
 * Must be thread-safe and fast (called for every candidate location of every order).
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

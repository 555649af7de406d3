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
}

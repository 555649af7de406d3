package io.omskit.core.backorder;

import io.omskit.core.network.LocationId;
import io.omskit.core.order.Order;
import java.time.Duration;

/**
 * How long after supply arrives at a location the customer can have the units: the order's promise for units
 * awaiting stock is the supply's expected date plus this leg. Plug in what the host knows (a carrier's transit time,
 * the ATP module's transit table); the default is the location's processing lead time from the network.
 */
@FunctionalInterface
public interface DeliveryLeg {

    /**
     * The time from arrival at {@code arrivesAt} to the customer of {@code order}, never negative.
     *
     * @throws RuntimeException only on a broken host implementation; placement then fails and is retried
     */
    Duration after(LocationId arrivesAt, Order order);
}

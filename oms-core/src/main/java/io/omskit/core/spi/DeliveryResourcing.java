package io.omskit.core.spi;

import io.omskit.core.network.LocationId;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import java.util.List;
import java.util.Map;

/**
 * Where an order's open units would be sourced if it were delivered differently: what customer service asks before
 * it changes an order's delivery address, method or pickup store, so that the order is fulfilled as the sourcing
 * would fulfil it had it been placed that way. {@code oms-orchestration}'s sourcing implements it; give it to the
 * {@code Oms} builder. Without one, a change of delivery keeps the order's fulfilments where they are.
 *
 * <p>It only plans: it allocates nothing. Implementations must be thread-safe.
 *
 * <p>What an adapter promises, clause by clause (the TCK {@code DeliveryResourcingContract} checks each): a plan places
 * every held unit at a location of the network, each line as many units as held (§1); no stock position changes (§2);
 * when the units may stay they count as available where they are held (§3); when every fulfilment is made anew only
 * free stock counts, and units it cannot cover are a refusal with a reason, not an exception (§4); a bundle line is
 * placed in whole bundles, counted in the line's units (§5); nothing held is an empty placement (§6); held units naming
 * a line the order does not have are an {@link IllegalArgumentException} naming it (§7); concurrent plans each answer
 * on their own (§8).
 */
public interface DeliveryResourcing {

    /**
     * Plans the {@code held} units of {@code order} for {@code newDelivery}.
     *
     * @param order       the order as it is now (its delivery still the old one)
     * @param newDelivery the delivery asked for, its promise the one given at checkout
     * @param held        the units the order's open (not yet picking) fulfilments hold, per location
     * @param mayStay     whether those units may stay where they are (a new address): they then count as available
     *                    at their locations, so a plan that keeps them there is one answer among others; false when
     *                    every fulfilment is made anew (a new method or pickup store) and the plan may draw on free
     *                    stock only, since the new stock is held before the old is let go
     * @return where every one of those units would go and the promise for it, or why they cannot all be placed
     * @throws IllegalArgumentException when {@code held} names a line {@code order} does not have
     * @throws SpiException             when the stock could not be read
     */
    DeliveryReplan replan(Order order, DeliveryChoice newDelivery, Map<LocationId, List<LineQuantity>> held,
                          boolean mayStay);
}

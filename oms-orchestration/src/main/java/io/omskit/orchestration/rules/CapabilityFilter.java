package io.omskit.orchestration.rules;

import io.omskit.core.network.Capability;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.orchestration.spi.FilterRule;
import io.omskit.orchestration.spi.Justification;
import io.omskit.orchestration.spi.RuleInput;
import io.omskit.orchestration.spi.SourcingContext;
import java.util.Set;

/**
 * A location must be able to do what the delivery method needs: ship for home delivery, hand over for click and
 * collect (at the pickup store), ship for the source of a ship-to-store transfer, whose pickup store must receive
 * transfers. Named {@value #NAME}.
 */
public final class CapabilityFilter implements FilterRule {

    /** The rule's name. */
    public static final String NAME = "capability";

    /** The location lacks the capability the method needs. */
    public record MissingCapability(LocationId location, Capability required, DeliveryMethod method) implements Justification {
        @Override
        public String summary() {
            return location + " lacks capability " + required + " needed for " + method;
        }
    }

    /** The pickup store of a ship-to-store order cannot receive transfers (or is not in the network). */
    public record PickupStoreCannotReceive(LocationId location, LocationId pickupStore) implements Justification {
        @Override
        public String summary() {
            return "pickup store " + pickupStore + " cannot receive a transfer from " + location;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    /** True: the answer depends only on the location, the channel, the delivery method and the pickup store. */

    @Override
    public Set<RuleInput> inputs() {
        return RuleInput.DELIVERY_ONLY;
    }

    /** True for the same method, and for standard and express delivery: both need a location that ships. */
    @Override
    public boolean alike(DeliveryMethod a, DeliveryMethod b) {
        return a == b || shipsToAddress(a) && shipsToAddress(b);
    }

    private static boolean shipsToAddress(DeliveryMethod method) {
        return method == DeliveryMethod.STANDARD_DELIVERY || method == DeliveryMethod.EXPRESS_DELIVERY;
    }

    @Override
    public Justification excludeOrder(SourcingContext context, int location) {
        Location l = context.location(location);
        DeliveryMethod method = context.delivery().method();
        Capability required;
        switch (method) {
            case STANDARD_DELIVERY, EXPRESS_DELIVERY -> required = Capability.SHIP;
            case EXPRESS_CLICK_AND_COLLECT -> required = Capability.PICKUP;
            case SHIP_TO_STORE -> {
                if (location == context.pickupStore()) {
                    required = Capability.PICKUP;
                } else {
                    int store = context.pickupStore();
                    if (store < 0 || !context.location(store).can(Capability.RECEIVE_TRANSFER)) {
                        return new PickupStoreCannotReceive(l.id(), context.delivery().pickupStore());
                    }
                    required = Capability.SHIP;
                }
            }
            default -> throw new IllegalStateException("unknown delivery method " + method);
        }
        return l.can(required) ? null : new MissingCapability(l.id(), required, method);
    }
}

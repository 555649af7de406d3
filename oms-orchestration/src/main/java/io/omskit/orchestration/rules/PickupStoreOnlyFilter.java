package io.omskit.orchestration.rules;

import io.omskit.core.network.LocationId;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.orchestration.spi.FilterRule;
import io.omskit.orchestration.spi.Justification;
import io.omskit.orchestration.spi.RuleInput;
import io.omskit.orchestration.spi.SourcingContext;
import java.util.Set;

/**
 * Express click and collect is ready within hours from the pickup store's own stock: every other location is
 * excluded. The engine applies it to express click and collect orders; it is named {@value #NAME}.
 */
public final class PickupStoreOnlyFilter implements FilterRule {

    /** The rule's name. */
    public static final String NAME = "pickup-store-only";

    /** The location is not the pickup store (null when the order names no known store). */
    public record NotThePickupStore(LocationId location, LocationId pickupStore) implements Justification {
        @Override
        public String summary() {
            return location + " is not the pickup store " + pickupStore + "; express click and collect uses the store's own stock";
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

    /** True when neither method or both are express click and collect, the only method the filter restricts. */
    @Override
    public boolean alike(DeliveryMethod a, DeliveryMethod b) {
        return (a == DeliveryMethod.EXPRESS_CLICK_AND_COLLECT) == (b == DeliveryMethod.EXPRESS_CLICK_AND_COLLECT);
    }

    @Override
    public Justification excludeOrder(SourcingContext context, int location) {
        if (context.delivery().method() != DeliveryMethod.EXPRESS_CLICK_AND_COLLECT || location == context.pickupStore()) {
            return null;
        }
        return new NotThePickupStore(context.location(location).id(), context.delivery().pickupStore());
    }
}

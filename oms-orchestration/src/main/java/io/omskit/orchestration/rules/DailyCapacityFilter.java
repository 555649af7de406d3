package io.omskit.orchestration.rules;

import io.omskit.core.network.LocationId;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.orchestration.spi.DeclaresNeeds;
import io.omskit.orchestration.spi.FilterRule;
import io.omskit.orchestration.spi.Justification;
import io.omskit.orchestration.spi.RuleInput;
import io.omskit.orchestration.spi.RuleNeed;
import io.omskit.orchestration.spi.SourcingContext;
import java.util.Set;

/**
 * A location that has taken as many fulfilments today (its local day) as its daily capacity allows may not take
 * another: excluded when planning, and refused when a plan is applied ({@link RuleNeed#DAILY_CAPACITY}). Named
 * {@value #NAME}.
 */
public final class DailyCapacityFilter implements FilterRule, DeclaresNeeds {

    /** The rule's name. */
    public static final String NAME = "daily-capacity";

    /** The location's capacity for today is used up. */
    public record CapacityReached(LocationId location, int dailyCapacity) implements Justification {
        @Override
        public String summary() {
            return location + " has taken its " + dailyCapacity + " fulfilment(s) for today";
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    /** True: the rule never reads the delivery method. */
    @Override
    public boolean alike(DeliveryMethod a, DeliveryMethod b) {
        return true;
    }

    @Override
    public boolean excludesOrder(SourcingContext context, int location) {
        return context.remainingCapacity(location) <= 0;
    }

    @Override
    public Set<RuleInput> inputs() {
        return Set.of(RuleInput.DELIVERY, RuleInput.CAPACITY);
    }

    /** {@link RuleNeed#DAILY_CAPACITY}. */
    @Override
    public Set<RuleNeed> needs() {
        return Set.of(RuleNeed.DAILY_CAPACITY);
    }

    @Override
    public Justification excludeOrder(SourcingContext context, int location) {
        return context.remainingCapacity(location) > 0
                ? null
                : new CapacityReached(context.location(location).id(), context.location(location).dailyCapacity());
    }
}

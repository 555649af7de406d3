package io.omskit.orchestration.rules;

import io.omskit.core.network.LocationId;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.LineId;
import io.omskit.orchestration.spi.DeclaresNeeds;
import io.omskit.orchestration.spi.FilterRule;
import io.omskit.orchestration.spi.Justification;
import io.omskit.orchestration.spi.RuleInput;
import io.omskit.orchestration.spi.RuleNeed;
import io.omskit.orchestration.spi.SourcingContext;
import java.util.Set;

/**
 * Excludes the locations the request excluded (after a rejection or a short pick there). The engine applies it
 * to every rule set; it is named {@value #NAME}.
 */
public final class ExcludedByRequestFilter implements FilterRule, DeclaresNeeds {

    /** The rule's name. */
    public static final String NAME = "excluded-by-request";

    /** The request excluded the location for the line. */
    public record ExcludedByRequest(LocationId location, LineId line) implements Justification {
        @Override
        public String summary() {
            return location + " is excluded for line " + line + " by the request (rejected or short-picked there before)";
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
    public boolean excludesItem(SourcingContext context, int item, int location) {
        return context.isExcluded(item, location);
    }

    @Override
    public Set<RuleInput> inputs() {
        return Set.of(RuleInput.DELIVERY, RuleInput.ITEMS, RuleInput.EXCLUSIONS);
    }

    /** {@link RuleNeed#REQUEST_EXCLUSIONS}: it excludes nothing else. */
    @Override
    public Set<RuleNeed> needs() {
        return Set.of(RuleNeed.REQUEST_EXCLUSIONS);
    }

    @Override
    public Justification excludeItem(SourcingContext context, int item, int location) {
        return context.isExcluded(item, location)
                ? new ExcludedByRequest(context.location(location).id(), context.item(item).line())
                : null;
    }
}

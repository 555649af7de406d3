package io.omskit.orchestration.rules;

import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.orchestration.spi.CostRule;
import io.omskit.orchestration.spi.CostSink;
import io.omskit.orchestration.spi.Justification;
import io.omskit.orchestration.spi.RuleInput;
import io.omskit.orchestration.spi.SourcingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The retailer's preferred order of locations: the location at rank r (from 0) costs {@code r * step} per shipment;
 * locations not listed rank after all listed ones. Named {@value #NAME}.
 */
public final class LocationPriority implements CostRule {

    /** The rule's name. */
    public static final String NAME = "location-priority";

    /** The location's rank in the list. */
    public record Rank(LocationId location, int rank, boolean listed, double cost) implements Justification {
        @Override
        public String summary() {
            return listed
                    ? String.format(java.util.Locale.ROOT, "%s is priority %d: %.2f", location, rank + 1, cost)
                    : String.format(java.util.Locale.ROOT, "%s is not in the priority list: %.2f", location, cost);
        }
    }

    private final List<LocationId> ranked;
    private final Map<LocationId, Integer> rankOf;
    private final double step;

    /** Ranks {@code ranked} (most preferred first) with {@code step} (finite, at least 0) per rank. */
    public LocationPriority(List<LocationId> ranked, double step) {
        this.ranked = Checks.list(ranked, "ranked");
        this.step = Costs.nonNegative(step, "step");
        this.rankOf = new HashMap<>();
        for (int r = 0; r < this.ranked.size(); r++) {
            if (rankOf.putIfAbsent(this.ranked.get(r), r) != null) {
                throw new IllegalArgumentException("ranked must not repeat a location, " + this.ranked.get(r) + " appears twice");
            }
        }
    }

    /** The ranked locations. */
    public List<LocationId> ranked() {
        return ranked;
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
    public Set<RuleInput> inputs() {
        return RuleInput.DELIVERY_ONLY;
    }

    private int rank(SourcingContext context, int location) {
        Integer r = rankOf.get(context.location(location).id());
        return r == null ? ranked.size() : r;
    }

    @Override
    public void price(SourcingContext context, int location, CostSink sink) {
        sink.perShipment(step * rank(context, location));
    }

    @Override
    public Justification justify(SourcingContext context, int location) {
        int r = rank(context, location);
        return new Rank(context.location(location).id(), r, r < ranked.size(), step * r);
    }
}

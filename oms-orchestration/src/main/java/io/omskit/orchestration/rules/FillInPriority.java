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
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The retailer's order of locations, filled one after the other: every unit taken at the location of rank r (from 0)
 * costs {@code r * perUnit}; locations not listed rank after all listed ones. With priority [W2, W1], an order of 5
 * where W2 holds 3 takes W2's 3 and then 2 from W1. Named {@value #NAME}.
 *
 * <p>{@link LocationPriority} prices a shipment by rank, so it only decides which locations ship, and the cheapest
 * split of units between them follows the other costs (W1 4 + W2 1 just as well). This rule prices units instead:
 * moving a unit from a lower-priority location to a higher one always saves {@code perUnit} per rank, so the least
 * costly plan takes every unit a higher-priority location may give before it takes one at the next. The optimiser
 * stays one cost minimisation; no separate stage is needed. How strict the priority is follows from the step:
 * <ul>
 * <li>when {@code perUnit} exceeds what any other rule of the set charges for one more shipment (its per-shipment
 *     costs and split penalty) plus the largest difference in their per-unit costs, the priority decides and the
 *     other costs only choose among plans it ranks alike: a lexicographic order, priority first;</li>
 * <li>a smaller step makes the priority a preference that other costs may outweigh.</li>
 * </ul>
 * Filters still apply (an excluded location is skipped, whatever its rank), and so does the most shipments a rule set
 * allows. Rule sets without this rule are priced as before.
 */
public final class FillInPriority implements CostRule {

    /** The rule's name. */
    public static final String NAME = "fill-in-priority";

    /**
     * The location's rank and what each unit taken there costs.
     *
     * @param location the location
     * @param rank     its rank from 0 (the list's size when not listed)
     * @param listed   whether it is in the priority list
     * @param perUnit  the cost of each unit taken there
     */
    public record FillRank(LocationId location, int rank, boolean listed, double perUnit) implements Justification {
        @Override
        public String summary() {
            if (listed && rank == 0) {
                return location + " is priority 1, filled first: 0.00 per unit";
            }
            return listed
                    ? String.format(Locale.ROOT, "%s is priority %d, filled once the %d before it are empty: %.2f per unit",
                    location, rank + 1, rank, perUnit)
                    : String.format(Locale.ROOT, "%s is not in the priority list, filled last: %.2f per unit", location,
                    perUnit);
        }
    }

    private final List<LocationId> ranked;
    private final Map<LocationId, Integer> rankOf;
    private final double perUnit;

    /**
     * Fills {@code ranked} (most preferred first, no location twice) in order, each rank adding {@code perUnit}
     * (finite, at least 0) to the cost of a unit.
     *
     * @throws IllegalArgumentException when a location is listed twice or {@code perUnit} is negative or not finite
     */
    public FillInPriority(List<LocationId> ranked, double perUnit) {
        this.ranked = Checks.list(ranked, "ranked");
        this.perUnit = Costs.nonNegative(perUnit, "perUnit");
        this.rankOf = new HashMap<>();
        for (int r = 0; r < this.ranked.size(); r++) {
            if (rankOf.putIfAbsent(this.ranked.get(r), r) != null) {
                throw new IllegalArgumentException("ranked must not repeat a location, " + this.ranked.get(r)
                        + " appears twice");
            }
        }
    }

    /** The ranked locations, most preferred first. */
    public List<LocationId> ranked() {
        return ranked;
    }

    /** What each rank adds to the cost of a unit. */
    public double perUnit() {
        return perUnit;
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

    /** Only the location: every item is priced alike. */
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
        int r = rank(context, location);
        if (r == 0) {
            return;
        }
        double cost = perUnit * r;
        for (int i = 0, n = context.itemCount(); i < n; i++) {
            sink.perUnit(i, cost);
        }
    }

    @Override
    public Justification justify(SourcingContext context, int location) {
        int r = rank(context, location);
        return new FillRank(context.location(location).id(), r, r < ranked.size(), perUnit * r);
    }
}

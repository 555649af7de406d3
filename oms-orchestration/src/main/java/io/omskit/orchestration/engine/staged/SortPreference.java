package io.omskit.orchestration.engine.staged;

import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.orchestration.spi.CostRule;
import io.omskit.orchestration.spi.CostSink;
import io.omskit.orchestration.spi.Justification;
import io.omskit.orchestration.spi.RuleInput;
import io.omskit.orchestration.spi.SourcingContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A stage's sort as a cost per parcel, weighted to outweigh the rule book's costs, so that the optimiser finds the
 * plan the sort prefers and, among plans it ranks alike, the cheapest. Never in a plan a host sees: the stage's plan
 * is priced again without it.
 */
final class SortPreference implements CostRule {

    /** Cost per km of a parcel's leg for {@link StageSort.By#DISTANCE}. */
    static final double PER_KM = 1_000;
    /** Cost of a whole step of the other sorts (one rank, the whole capacity, one unit against none). */
    static final double PER_STEP = 100_000;

    record Preference(LocationId location, StageSort sort, double cost) implements Justification {
        @Override
        public String summary() {
            return location + " ranks " + cost + " by " + sort;
        }
    }

    private final StageSort sort;
    private final Map<LocationId, Integer> ranks = new HashMap<>();

    SortPreference(StageSort sort) {
        this.sort = sort;
        for (int r = 0; r < sort.ranked().size(); r++) {
            ranks.putIfAbsent(sort.ranked().get(r), r);
        }
    }

    @Override
    public String name() {
        return "stage-sort-" + sort.by().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    @Override
    public Set<RuleInput> inputs() {
        return switch (sort.by()) {
            case DISTANCE -> RuleInput.PER_DESTINATION;
            case PRIORITY, COST -> RuleInput.DELIVERY_ONLY;
            case STOCK_ON_HAND -> Set.of(RuleInput.DELIVERY, RuleInput.ITEMS, RuleInput.STOCK);
            case LOAD -> Set.of(RuleInput.DELIVERY, RuleInput.CAPACITY);
        };
    }

    @Override
    public void price(SourcingContext context, int location, CostSink sink) {
        sink.perShipment(cost(context, location));
    }

    double cost(SourcingContext context, int location) {
        switch (sort.by()) {
            case DISTANCE: {
                double km = context.distanceKm(location);
                return km == km ? PER_KM * km : 0;
            }
            case PRIORITY:
                return PER_STEP * ranks.getOrDefault(context.location(location).id(), ranks.size());
            case STOCK_ON_HAND: {
                long units = 0;
                for (int i = 0; i < context.itemCount(); i++) {
                    units += context.available(i, location);
                }
                return PER_STEP / (1.0 + units);
            }
            case LOAD: {
                Location l = context.location(location);
                int daily = l.dailyCapacity();
                return daily <= 0 ? PER_STEP : PER_STEP * (daily - Math.min(daily, context.remainingCapacity(location)))
                        / (double) daily;
            }
            default:
                return 0;
        }
    }

    @Override
    public Justification justify(SourcingContext context, int location) {
        return new Preference(context.location(location).id(), sort, cost(context, location));
    }
}

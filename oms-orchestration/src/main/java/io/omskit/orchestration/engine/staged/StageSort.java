package io.omskit.orchestration.engine.staged;

import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import java.util.List;

/**
 * The order in which a stage prefers the locations its filters let through. The stage takes the plan that is best
 * by the sort and, among plans the sort ranks alike, cheapest under the rule book's costs. With a split allowed,
 * the sort ranks a plan by the sum over its parcels (two near stores before one far warehouse).
 *
 * @param by     what the locations are ranked by
 * @param ranked for {@link By#PRIORITY}, the locations from most to least preferred (locations not listed come after
 *               them all); empty otherwise
 */
public record StageSort(By by, List<LocationId> ranked) {

    /** What a stage ranks locations by. */
    public enum By {
        /** Nearest to the destination (the address, or the pickup store) first. */
        DISTANCE,
        /** Most units of the demand's SKUs on hand (after safety stock) first. */
        STOCK_ON_HAND,
        /** The merchant's ranking of locations first. */
        PRIORITY,
        /** Cheapest under the rule book's costs: the optimiser's least-cost plan within the stage. */
        COST,
        /** Least loaded first: the smallest share of today's capacity used. */
        LOAD
    }

    public StageSort {
        Checks.notNull(by, "by");
        ranked = List.copyOf(Checks.notNull(ranked, "ranked"));
        if (by == By.PRIORITY && ranked.isEmpty()) {
            throw new IllegalArgumentException("ranked must name at least one location for a PRIORITY sort");
        }
        if (by != By.PRIORITY && !ranked.isEmpty()) {
            throw new IllegalArgumentException("ranked must be empty for a " + by + " sort, was " + ranked);
        }
    }

    /** Nearest first. */
    public static StageSort distance() {
        return new StageSort(By.DISTANCE, List.of());
    }

    /** Most stock on hand first. */
    public static StageSort stockOnHand() {
        return new StageSort(By.STOCK_ON_HAND, List.of());
    }

    /** The given locations first, in this order. */
    public static StageSort priority(List<LocationId> ranked) {
        return new StageSort(By.PRIORITY, ranked);
    }

    /** Cheapest first. */
    public static StageSort cost() {
        return new StageSort(By.COST, List.of());
    }

    /** Least loaded first. */
    public static StageSort load() {
        return new StageSort(By.LOAD, List.of());
    }

    @Override
    public String toString() {
        return by == By.PRIORITY ? "PRIORITY " + ranked : by.name();
    }
}

package io.omskit.orchestration.engine.shadow;

import io.omskit.core.common.Checks;
import io.omskit.orchestration.engine.OrchestrationEngine;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The difference between two engines over the same demands: in total over every demand compared, and per demand for
 * those kept (a replay keeps them all; a live run keeps the largest cost differences, see {@link ShadowRun#of(
 * OrchestrationEngine, OrchestrationEngine, int, java.util.function.Consumer)}). The totals never depend on how many
 * are kept. Immutable.
 *
 * @param live   the live engine's name (whose plans are allocated)
 * @param shadow the shadow engine's name (whose plans are only compared)
 * @param totals the figures over every demand compared
 * @param orders the differences kept, in the order they were decided
 */
public record ShadowReport(String live, String shadow, ShadowTotals totals, List<OrderDifference> orders) {

    public ShadowReport {
        Checks.notBlank(live, "live");
        Checks.notBlank(shadow, "shadow");
        Checks.notNull(totals, "totals");
        orders = List.copyOf(Checks.notNull(orders, "orders"));
        if (orders.size() > totals.orders()) {
            throw new IllegalArgumentException("orders must be at most the " + totals.orders()
                    + " demand(s) the totals count, was " + orders.size());
        }
    }

    /** The report over {@code orders}, every one kept. */
    public ShadowReport(String live, String shadow, List<OrderDifference> orders) {
        this(live, shadow, ShadowTotals.of(orders), orders);
    }

    /** Demands compared, kept or not. */
    public int ordersCompared() {
        return totals.orders();
    }

    /** The live plans' total cost. */
    public double liveCost() {
        return totals.liveCost();
    }

    /** The shadow plans' total cost. */
    public double shadowCost() {
        return totals.shadowCost();
    }

    /** The sum of the per-demand cost differences: what the live plans cost more (negative: less). */
    public double costDifference() {
        return totals.costDifference();
    }

    /** How much more the live plans cost, as a percentage of the shadow's cost; 0 when the shadow cost nothing. */
    public double costDifferencePercent() {
        double base = shadowCost();
        return base == 0 ? 0 : 100 * costDifference() / base;
    }

    /** The sum of the per-demand parcel differences. */
    public int parcelDifference() {
        return totals.parcelDifference();
    }

    /** The sum of the per-demand km differences. */
    public double kmDifference() {
        return totals.kmDifference();
    }

    /** Demands whose live plan keeps the promise (ships every unit now). */
    public int livePromisesKept() {
        return totals.livePromisesKept();
    }

    /** Demands whose shadow plan keeps the promise. */
    public int shadowPromisesKept() {
        return totals.shadowPromisesKept();
    }

    /** Demands whose two plans differ in some measure. */
    public int ordersThatDiffer() {
        return totals.ordersThatDiffer();
    }

    /**
     * The cost difference per step that decided the live plan (a staged engine's stage), in the order first seen;
     * adds up to {@link #costDifference()}.
     */
    public Map<String, Double> costDifferenceByDecider() {
        return totals.costDifferenceByDecider();
    }

    /**
     * The report in one sentence, such as "merchant-rules cost 4.1% more than optimiser on 120 order(s), mostly in
     * stage 2 'warehouses' (+310.00 of +412.00); 3 more parcel(s), 1,204 km more, promises kept 118 against 120".
     */
    public String summary() {
        double diff = costDifference();
        StringBuilder sb = new StringBuilder(live).append(" cost ")
                .append(String.format(Locale.ROOT, "%.1f%% %s", Math.abs(costDifferencePercent()), diff >= 0 ? "more" : "less"))
                .append(" than ").append(shadow).append(" on ").append(ordersCompared()).append(" order(s)");
        String most = null;
        double mostAmount = 0;
        for (Map.Entry<String, Double> e : costDifferenceByDecider().entrySet()) {
            if (most == null || Math.signum(diff) * e.getValue() > Math.signum(diff) * mostAmount) {
                most = e.getKey();
                mostAmount = e.getValue();
            }
        }
        if (most != null && diff != 0) {
            sb.append(", mostly in ").append(most).append(String.format(Locale.ROOT, " (%+.2f of %+.2f)", mostAmount, diff));
        }
        int parcels = parcelDifference();
        double km = kmDifference();
        sb.append(String.format(Locale.ROOT, "; %d %s parcel(s), %,.0f km %s, promises kept %d against %d",
                Math.abs(parcels), parcels >= 0 ? "more" : "fewer", Math.abs(km), km >= 0 ? "more" : "less",
                livePromisesKept(), shadowPromisesKept()));
        return sb.toString();
    }

    @Override
    public String toString() {
        return summary();
    }
}

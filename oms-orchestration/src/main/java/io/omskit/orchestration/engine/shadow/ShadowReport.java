package io.omskit.orchestration.engine.shadow;

import io.omskit.core.common.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The difference between two engines over the same demands: per demand, and in total (every total is the sum of
 * the per-demand figures). Immutable.
 *
 * @param live   the live engine's name (whose plans are allocated)
 * @param shadow the shadow engine's name (whose plans are only compared)
 * @param orders one difference per demand, in the order they were decided
 */
public record ShadowReport(String live, String shadow, List<OrderDifference> orders) {

    public ShadowReport {
        Checks.notBlank(live, "live");
        Checks.notBlank(shadow, "shadow");
        orders = List.copyOf(Checks.notNull(orders, "orders"));
    }

    /** The live plans' total cost. */
    public double liveCost() {
        double sum = 0;
        for (OrderDifference d : orders) {
            sum += d.liveCost();
        }
        return sum;
    }

    /** The shadow plans' total cost. */
    public double shadowCost() {
        double sum = 0;
        for (OrderDifference d : orders) {
            sum += d.shadowCost();
        }
        return sum;
    }

    /** The sum of the per-demand cost differences: what the live plans cost more (negative: less). */
    public double costDifference() {
        double sum = 0;
        for (OrderDifference d : orders) {
            sum += d.costDifference();
        }
        return sum;
    }

    /** How much more the live plans cost, as a percentage of the shadow's cost; 0 when the shadow cost nothing. */
    public double costDifferencePercent() {
        double base = shadowCost();
        return base == 0 ? 0 : 100 * costDifference() / base;
    }

    /** The sum of the per-demand parcel differences. */
    public int parcelDifference() {
        int sum = 0;
        for (OrderDifference d : orders) {
            sum += d.parcelDifference();
        }
        return sum;
    }

    /** The sum of the per-demand km differences. */
    public double kmDifference() {
        double sum = 0;
        for (OrderDifference d : orders) {
            sum += d.kmDifference();
        }
        return sum;
    }

    /** Demands whose live plan keeps the promise (ships every unit now). */
    public int livePromisesKept() {
        int n = 0;
        for (OrderDifference d : orders) {
            n += d.livePromiseKept() ? 1 : 0;
        }
        return n;
    }

    /** Demands whose shadow plan keeps the promise. */
    public int shadowPromisesKept() {
        int n = 0;
        for (OrderDifference d : orders) {
            n += d.shadowPromiseKept() ? 1 : 0;
        }
        return n;
    }

    /** Demands whose two plans differ in some measure. */
    public int ordersThatDiffer() {
        int n = 0;
        for (OrderDifference d : orders) {
            n += d.differs() ? 1 : 0;
        }
        return n;
    }

    /**
     * The cost difference per step that decided the live plan (a staged engine's stage), in the order first seen;
     * adds up to {@link #costDifference()}.
     */
    public Map<String, Double> costDifferenceByDecider() {
        Map<String, Double> by = new LinkedHashMap<>();
        for (OrderDifference d : orders) {
            by.merge(d.decidedBy(), d.costDifference(), Double::sum);
        }
        return Collections.unmodifiableMap(by);
    }

    /**
     * The report in one sentence, such as "merchant-rules cost 4.1% more than optimiser on 120 order(s), mostly in
     * stage 2 'warehouses' (+310.00 of +412.00); 3 more parcel(s), 1,204 km more, promises kept 118 against 120".
     */
    public String summary() {
        double diff = costDifference();
        StringBuilder sb = new StringBuilder(live).append(" cost ")
                .append(String.format(Locale.ROOT, "%.1f%% %s", Math.abs(costDifferencePercent()), diff >= 0 ? "more" : "less"))
                .append(" than ").append(shadow).append(" on ").append(orders.size()).append(" order(s)");
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

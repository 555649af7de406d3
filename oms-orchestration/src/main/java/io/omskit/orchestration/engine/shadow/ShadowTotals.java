package io.omskit.orchestration.engine.shadow;

import io.omskit.core.common.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A shadow run's figures over every demand compared, whether or not its difference is still kept: each is the sum of
 * the per-demand figures, added without rounding (and rounded once, here), so the totals do not depend on the order
 * the demands came in nor on how many differences are kept. Immutable.
 *
 * @param orders                  demands compared
 * @param liveCost                the live plans' total cost
 * @param shadowCost              the shadow plans' total cost
 * @param costDifference          the sum of the per-demand cost differences (live minus shadow)
 * @param parcelDifference        the sum of the per-demand parcel differences
 * @param kmDifference            the sum of the per-demand km differences
 * @param livePromisesKept        demands whose live plan ships every unit now
 * @param shadowPromisesKept      demands whose shadow plan does
 * @param ordersThatDiffer        demands whose two plans differ in some measure
 * @param costDifferenceByDecider the cost difference per step that decided the live plan, in the order first seen;
 *                                adds up to {@code costDifference}
 */
public record ShadowTotals(int orders, double liveCost, double shadowCost, double costDifference, int parcelDifference,
                           double kmDifference, int livePromisesKept, int shadowPromisesKept, int ordersThatDiffer,
                           Map<String, Double> costDifferenceByDecider) {

    public ShadowTotals {
        Checks.notNegative(orders, "orders");
        costDifferenceByDecider = Collections.unmodifiableMap(new LinkedHashMap<>(
                Checks.notNull(costDifferenceByDecider, "costDifferenceByDecider")));
    }

    /** The totals of {@code differences}. */
    public static ShadowTotals of(Iterable<OrderDifference> differences) {
        Sums sums = new Sums();
        for (OrderDifference d : Checks.notNull(differences, "differences")) {
            sums.add(d);
        }
        return sums.totals();
    }
}

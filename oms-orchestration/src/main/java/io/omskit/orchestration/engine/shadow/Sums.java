package io.omskit.orchestration.engine.shadow;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Running sums of per-demand differences, exact: a double converts to a {@code BigDecimal} without loss, so adding and
 * taking away in any order ends on the same totals. Not thread-safe.
 */
final class Sums {

    private int orders;
    private BigDecimal liveCost = BigDecimal.ZERO;
    private BigDecimal shadowCost = BigDecimal.ZERO;
    private BigDecimal costDifference = BigDecimal.ZERO;
    private int parcelDifference;
    private BigDecimal kmDifference = BigDecimal.ZERO;
    private int livePromisesKept;
    private int shadowPromisesKept;
    private int ordersThatDiffer;
    private final Map<String, BigDecimal> byDecider = new LinkedHashMap<>();
    private final Map<String, Integer> decided = new LinkedHashMap<>();

    void add(OrderDifference d) {
        apply(d, 1);
    }

    /** Takes back a difference added before (an earlier decision a retry replaces). */
    void remove(OrderDifference d) {
        apply(d, -1);
    }

    private void apply(OrderDifference d, int sign) {
        orders += sign;
        liveCost = liveCost.add(exact(d.liveCost(), sign));
        shadowCost = shadowCost.add(exact(d.shadowCost(), sign));
        costDifference = costDifference.add(exact(d.costDifference(), sign));
        parcelDifference += sign * d.parcelDifference();
        kmDifference = kmDifference.add(exact(d.kmDifference(), sign));
        livePromisesKept += d.livePromiseKept() ? sign : 0;
        shadowPromisesKept += d.shadowPromiseKept() ? sign : 0;
        ordersThatDiffer += d.differs() ? sign : 0;
        byDecider.merge(d.decidedBy(), exact(d.costDifference(), sign), BigDecimal::add);
        // a decider whose every demand was taken back decided nothing
        if (decided.merge(d.decidedBy(), sign, Integer::sum) == 0) {
            decided.remove(d.decidedBy());
            byDecider.remove(d.decidedBy());
        }
    }

    private static BigDecimal exact(double v, int sign) {
        BigDecimal b = new BigDecimal(v);
        return sign < 0 ? b.negate() : b;
    }

    ShadowTotals totals() {
        Map<String, Double> by = new LinkedHashMap<>();
        byDecider.forEach((k, v) -> by.put(k, v.doubleValue()));
        return new ShadowTotals(orders, liveCost.doubleValue(), shadowCost.doubleValue(), costDifference.doubleValue(),
                parcelDifference, kmDifference.doubleValue(), livePromisesKept, shadowPromisesKept, ordersThatDiffer, by);
    }
}

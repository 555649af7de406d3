package io.omskit.orchestration.rulebook;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.orchestration.demand.Demand;
import io.omskit.orchestration.demand.DemandLine;
import io.omskit.orchestration.plan.Unsourced;
import io.omskit.orchestration.result.SourcingPlan;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.joda.money.Money;

/**
 * What a rule set counts for each unit it leaves unsourced, so that the engine weighs leaving a unit against
 * shipping it: with a cost, a unit whose shipping would cost more than leaving it is left unsourced (and reported
 * with {@link io.omskit.orchestration.plan.UnsourcedReason#NOT_WORTH_SHIPPING}). A rule set without one fills every
 * unit it can before it looks at cost (the default).
 *
 * <p>A unit's cost is, in this order: the cost set for its SKU, else {@link #perUnit()} plus
 * {@link #shareOfLineValue()} times the unit value of its line. A bundle's component units each count the bundle's
 * value: price bundle components by SKU where that overstates them. Immutable.
 *
 * <pre>{@code
 * UnsourcedCost lostSale = UnsourcedCost.builder(UnsourcedPolicy.LOST_SALE)
 *         .perUnit(2.0)                 // handling the refund
 *         .shareOfLineValue(0.30)       // the margin lost
 *         .sku(Sku.of("GIFT-CARD"), 0)  // never worth a shipment on its own
 *         .build();
 * }</pre>
 */
public final class UnsourcedCost {

    /** The name the cost goes by in a plan's figures and in the rule book's JSON: {@value}. */
    public static final String NAME = "unsourced";

    private final UnsourcedPolicy policy;
    private final double perUnit;
    private final double shareOfLineValue;
    private final Map<Sku, Double> bySku;

    private UnsourcedCost(Builder b) {
        this.policy = b.policy;
        this.perUnit = b.perUnit;
        this.shareOfLineValue = b.shareOfLineValue;
        this.bySku = Map.copyOf(b.bySku);
    }

    /** The same cost {@code perUnit} for every unit left unsourced, under {@code policy}. */
    public static UnsourcedCost perUnit(UnsourcedPolicy policy, double perUnit) {
        return builder(policy).perUnit(perUnit).build();
    }

    /** A builder of the cost of units left under {@code policy}; by default they cost nothing. */
    public static Builder builder(UnsourcedPolicy policy) {
        return new Builder(policy);
    }

    /** What becomes of the units left unsourced. */
    public UnsourcedPolicy policy() {
        return policy;
    }

    /** The cost of each unit of a SKU with no cost of its own, besides its share of the line value. */
    public double perUnit() {
        return perUnit;
    }

    /** The share of the line's unit value a unit left unsourced costs (0.3: 30 % of the value). */
    public double shareOfLineValue() {
        return shareOfLineValue;
    }

    /** The costs set per SKU. */
    public Map<Sku, Double> bySku() {
        return bySku;
    }

    /**
     * The cost of one unit of {@code sku} left unsourced, on a line whose unit value is {@code unitValue} (null when
     * unknown) shared by {@code unitsPerLineUnit} units (1 for a plain line, the component units of a bundle).
     */
    public double unitCost(Sku sku, Money unitValue, int unitsPerLineUnit) {
        Double own = bySku.get(sku);
        if (own != null) {
            return own;
        }
        double cost = perUnit;
        if (shareOfLineValue > 0 && unitValue != null) {
            cost += shareOfLineValue * unitValue.getAmount().doubleValue() / Math.max(1, unitsPerLineUnit);
        }
        return cost;
    }

    /**
     * What the units {@code plan} leaves unsourced of {@code demand} cost: added to {@link SourcingPlan#totalCost()}
     * it is the cost the engine minimises for a rule set with this cost.
     */
    public double costOf(SourcingPlan plan, Demand demand) {
        Checks.notNull(plan, "plan");
        Checks.notNull(demand, "demand");
        double total = 0;
        for (Unsourced u : plan.unsourced()) {
            DemandLine line = demand.line(u.line()).orElse(null);
            Money value = line == null ? null : line.unitValue();
            total += u.quantity() * unitCost(u.sku(), value, 1);
        }
        return total;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnsourcedCost c && c.policy == policy && c.perUnit == perUnit
                && c.shareOfLineValue == shareOfLineValue && c.bySku.equals(bySku);
    }

    @Override
    public int hashCode() {
        return Objects.hash(policy, perUnit, shareOfLineValue, bySku);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "UnsourcedCost[%s, %.4f per unit + %.4f of line value, %d SKU(s) priced apart]",
                policy, perUnit, shareOfLineValue, bySku.size());
    }

    /** Builds an {@link UnsourcedCost}. */
    public static final class Builder {
        private final UnsourcedPolicy policy;
        private double perUnit;
        private double shareOfLineValue;
        private final Map<Sku, Double> bySku = new HashMap<>();

        private Builder(UnsourcedPolicy policy) {
            this.policy = Checks.notNull(policy, "policy");
        }

        /**
         * Sets the cost of every unit without a cost of its own.
         *
         * @throws IllegalArgumentException when {@code cost} is negative, infinite or NaN
         */
        public Builder perUnit(double cost) {
            this.perUnit = cost("perUnit", cost);
            return this;
        }

        /**
         * Sets the share of the line's unit value a unit costs, from 0 to 10.
         *
         * @throws IllegalArgumentException when {@code share} is outside [0, 10] or NaN
         */
        public Builder shareOfLineValue(double share) {
            if (!(share >= 0 && share <= 10)) {
                throw new IllegalArgumentException("shareOfLineValue must be from 0 to 10, was " + share);
            }
            this.shareOfLineValue = share;
            return this;
        }

        /**
         * Sets the cost of each unit of {@code sku}, in place of the per-unit cost and the share of the line value.
         *
         * @throws IllegalArgumentException when {@code cost} is negative, infinite or NaN
         */
        public Builder sku(Sku sku, double cost) {
            bySku.put(Checks.notNull(sku, "sku"), cost("cost of " + sku, cost));
            return this;
        }

        /** The cost. */
        public UnsourcedCost build() {
            return new UnsourcedCost(this);
        }

        private static double cost(String field, double cost) {
            if (!(cost >= 0) || Double.isInfinite(cost)) {
                throw new IllegalArgumentException(field + " must be finite and >= 0, was " + cost);
            }
            return cost;
        }
    }
}

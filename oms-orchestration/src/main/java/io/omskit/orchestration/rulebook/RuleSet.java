package io.omskit.orchestration.rulebook;

import io.omskit.core.common.Checks;
import io.omskit.orchestration.spi.CostRule;
import io.omskit.orchestration.spi.FilterRule;
import io.omskit.orchestration.spi.RuleNeed;
import io.omskit.orchestration.spi.SourcingRule;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules one kind of order is sourced under: filters, cost terms, the split policy and the maximum number of
 * shipments. Immutable and thread-safe. Built with {@link #builder(String)} or loaded by {@link RuleBookJson}.
 *
 * <pre>{@code
 * RuleSet home = RuleSet.builder("home-delivery")
 *         .filter(new CapabilityFilter())
 *         .filter(new MaxDistanceFilter(800))
 *         .cost(new ShippingCost(rates))
 *         .cost(new SplitPenalty(4.0))
 *         .maxShipments(3)
 *         .build();
 * }</pre>
 */
public final class RuleSet {

    private final String name;
    private final List<FilterRule> filters;
    private final List<CostRule> costs;
    private final SplitPolicy split;
    private final int maxShipments;
    private final boolean keepsGroupsTogether;
    private final boolean keepsItemsWhole;
    private final Set<RuleNeed> needs;
    private final UnsourcedCost unsourcedCost;

    private RuleSet(Builder b) {
        this.unsourcedCost = b.unsourcedCost;
        this.name = b.name;
        this.filters = List.copyOf(b.filters);
        this.costs = List.copyOf(b.costs);
        this.split = b.split;
        this.maxShipments = split == SplitPolicy.SHIP_COMPLETE ? 1 : b.maxShipments;
        boolean together = false;
        boolean whole = false;
        for (FilterRule f : filters) {
            together |= f.keepsGroupsTogether();
            whole |= f.keepsItemsWhole();
        }
        this.keepsGroupsTogether = together;
        this.keepsItemsWhole = whole;
        Set<RuleNeed> all = EnumSet.noneOf(RuleNeed.class);
        filters.forEach(f -> all.addAll(RuleNeed.of(f)));
        costs.forEach(c -> all.addAll(RuleNeed.of(c)));
        this.needs = Set.copyOf(all);
    }

    /** A builder of a rule set named {@code name}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The rule set's name, shown in plans. */
    public String name() {
        return name;
    }

    /** The filters, in the order they are checked. */
    public List<FilterRule> filters() {
        return filters;
    }

    /** The cost rules, in the order of the cost breakdown. */
    public List<CostRule> costs() {
        return costs;
    }

    /** Whether the order may ship in parts. */
    public SplitPolicy split() {
        return split;
    }

    /** The most shipments (fulfilling locations) a plan may have; 1 under {@link SplitPolicy#SHIP_COMPLETE}. */
    public int maxShipments() {
        return maxShipments;
    }

    /** Whether one of the filters keeps item groups together. */
    public boolean keepsGroupsTogether() {
        return keepsGroupsTogether;
    }

    /** Whether one of the filters keeps each item whole (from one location). */
    public boolean keepsItemsWhole() {
        return keepsItemsWhole;
    }

    /**
     * What leaving a unit unsourced costs, when priced: the engine then leaves a unit unsourced when shipping it costs
     * more. Empty (the default): every unit that can be sourced is, whatever it costs.
     */
    public Optional<UnsourcedCost> unsourcedCost() {
        return Optional.ofNullable(unsourcedCost);
    }

    /** What the rules need the engine to do besides asking them: the union of their {@link RuleNeed}s. */
    public Set<RuleNeed> needs() {
        return needs;
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        filters.forEach(f -> names.add(f.name()));
        costs.forEach(c -> names.add(c.name()));
        return "RuleSet[" + name + ", " + split + ", max " + maxShipments + " shipment(s), rules " + names
                + (unsourcedCost == null ? "" : ", " + unsourcedCost) + "]";
    }

    /** Builds a {@link RuleSet}; defaults: ship partial, at most 5 shipments, no rules. */
    public static final class Builder {
        private final String name;
        private final List<FilterRule> filters = new ArrayList<>();
        private final List<CostRule> costs = new ArrayList<>();
        private SplitPolicy split = SplitPolicy.SHIP_PARTIAL;
        private int maxShipments = 5;
        private UnsourcedCost unsourcedCost;

        private Builder(String name) {
            this.name = Checks.notBlank(name, "name");
        }

        /** Adds a filter, checked after those added before. */
        public Builder filter(FilterRule filter) {
            filters.add(Checks.notNull(filter, "filter"));
            return this;
        }

        /** Adds a cost rule. */
        public Builder cost(CostRule cost) {
            costs.add(Checks.notNull(cost, "cost"));
            return this;
        }

        /** Sets the split policy. */
        public Builder split(SplitPolicy split) {
            this.split = Checks.notNull(split, "split");
            return this;
        }

        /** Sets the most shipments a plan may have; at least 1. */
        public Builder maxShipments(int maxShipments) {
            this.maxShipments = Checks.positive(maxShipments, "maxShipments");
            return this;
        }

        /**
         * Prices the units left unsourced with {@code cost}, so that a unit is left when shipping it costs more; null
         * restores the default (fill every unit that can be sourced first).
         */
        public Builder unsourcedCost(UnsourcedCost cost) {
            this.unsourcedCost = cost;
            return this;
        }

        /**
         * The rule set.
         *
         * @throws IllegalArgumentException when two rules share a name
         */
        public RuleSet build() {
            Set<String> names = new HashSet<>();
            List<SourcingRule> all = new ArrayList<>(filters);
            all.addAll(costs);
            for (SourcingRule r : all) {
                String n = Checks.notBlank(r.name(), "rule name");
                if (!names.add(n)) {
                    throw new IllegalArgumentException("rule names must be unique within rule set " + name + ", '" + n
                            + "' appears twice");
                }
            }
            return new RuleSet(this);
        }
    }
}

package io.omskit.orchestration.internal;

import io.omskit.orchestration.demand.Demand;
import io.omskit.orchestration.demand.DemandLine;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rulebook.UnsourcedCost;
import io.omskit.orchestration.rulebook.SplitPolicy;
import io.omskit.orchestration.spi.CostRule;
import io.omskit.orchestration.spi.CostSink;
import io.omskit.orchestration.spi.FilterRule;
import io.omskit.orchestration.spi.SourcingItem;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One order's sourcing problem compiled into flat arrays: items, the candidate locations that hold their stock,
 * what the filters allow, and the cost terms the cost rules priced. Item {@code i} at eligible location {@code j}
 * lives at index {@code i * m + j} of the per-pair arrays.
 */
final class Problem {

    final Context ctx;
    final RuleSet ruleSet;
    final List<FilterRule> filters;
    final List<CostRule> costRules;

    // items
    final int n;
    final int[] qty;
    final int[] slotOf;
    final int slots;
    final int[] groupOf;
    final int groups;

    // every location holding stock of some item, dense network indexes ascending
    final int[] candidates;

    // eligible locations: the candidates some item may be taken at (or, restricted, those of them kept)
    final int m;
    /** How many locations are eligible: {@link #m} unless restricted. */
    final int eligibleCount;
    final int[] loc;
    final int[] candidateOf;
    final int[] stock;
    final boolean[] allowed;

    // cost terms (of the locations priced)
    final double[] fixed;
    final double[] unit;
    final int[] protect;
    final double[] tail;
    final double penalty;
    final int maxShipments;
    /** What leaving a unit of each item unsourced costs; null when the rule set fills every unit it can first. */
    final double[] unsourcedUnit;

    /** What was judged, and with which filters: the whole problem of a restricted one is built from them. */
    private final Eligibility judged;
    private final FilterPlan filterPlan;
    /** Whether only some eligible locations are columns ({@link #whole} has them all). */
    final boolean restricted;

    /**
     * The items by group: group {@code g}'s items are {@code items[start[g]]} to {@code items[start[g + 1] - 1]}, in
     * item order; {@code ungrouped} the items of no group.
     */
    record GroupIndex(int[] start, int[] items, int[] ungrouped) {
    }

    /** The items of each group and those of none, for searches that take a group's items together. */
    GroupIndex groupIndex() {
        int[] start = new int[groups + 1];
        int[] items = new int[n];
        int ungroupedCount = 0;
        for (int i = 0; i < n; i++) {
            if (groupOf[i] >= 0) {
                start[groupOf[i] + 1]++;
            } else {
                ungroupedCount++;
            }
        }
        for (int g = 0; g < groups; g++) {
            start[g + 1] += start[g];
        }
        int[] fill = java.util.Arrays.copyOf(start, groups);
        int[] ungrouped = new int[ungroupedCount];
        int u = 0;
        for (int i = 0; i < n; i++) {
            if (groupOf[i] >= 0) {
                items[fill[groupOf[i]]++] = i;
            } else {
                ungrouped[u++] = i;
            }
        }
        return new GroupIndex(start, items, ungrouped);
    }

    Problem(Context ctx, RuleSet ruleSet, FilterPlan filterPlan) {
        this(Eligibility.judge(ctx, ruleSet, filterPlan), filterPlan);
    }

    /** The problem of what {@code e} judged (with {@code filterPlan}, on its context): its eligible locations, priced. */
    Problem(Eligibility e, FilterPlan filterPlan) {
        this(e, filterPlan, true);
    }

    /**
     * The problem of what {@code e} judged, its eligible locations priced now or, when not {@code priceNow}, as
     * {@link #price} and {@link #priceAll} are asked.
     */
    Problem(Eligibility e, FilterPlan filterPlan, boolean priceNow) {
        this(e, filterPlan, priceNow, null);
    }

    /**
     * The problem of what {@code e} judged with only the eligible locations at the candidate indexes {@code keep}
     * (ascending) as columns (all of them when null), priced as {@link #price} and {@link #priceAll} are asked when
     * restricted. A plan that may open only kept locations is the same on both: the columns keep their order, and
     * what a location costs does not depend on the others.
     */
    Problem(Eligibility e, FilterPlan filterPlan, int[] keep) {
        this(e, filterPlan, false, keep);
    }

    private Problem(Eligibility e, FilterPlan filterPlan, boolean priceNow, int[] keep) {
        this.judged = e;
        this.filterPlan = filterPlan;
        this.restricted = keep != null;
        this.ctx = e.ctx;
        this.ruleSet = e.ruleSet;
        this.filters = filterPlan.all;
        this.costRules = ruleSet.costs();
        List<SourcingItem> items = ctx.items();
        this.n = e.n;
        this.qty = e.qty;
        this.slotOf = e.slotOf;
        this.slots = e.slots;
        this.groupOf = new int[n];
        Map<String, Integer> groupIds = null;
        int g = 0;
        boolean complete = ruleSet.split() == SplitPolicy.SHIP_COMPLETE;
        for (int i = 0; i < n; i++) {
            SourcingItem item = items.get(i);
            if (complete) {
                groupOf[i] = 0;
                g = 1;
            } else if (item.group() != null && ruleSet.keepsGroupsTogether()) {
                if (groupIds == null) {
                    groupIds = new HashMap<>();
                }
                Integer existing = groupIds.putIfAbsent(item.group(), g);
                groupOf[i] = existing == null ? g++ : existing;
            } else if (ruleSet.keepsItemsWhole()) {
                groupOf[i] = g++;
            } else {
                groupOf[i] = -1;
            }
        }
        this.groups = g;
        this.candidates = e.candidates;

        // eligible locations: the candidates some item may be taken at (those kept, when restricted)
        int c = candidates.length;
        int[] columns = keep != null ? keep : e.eligibleColumns();
        this.m = columns.length;
        this.eligibleCount = e.eligibleCount();
        this.loc = new int[m];
        this.candidateOf = new int[m];
        this.allowed = new boolean[n * m];
        this.stock = new int[slots * m];
        for (int j = 0; j < m; j++) {
            int k = columns[j];
            loc[j] = candidates[k];
            candidateOf[j] = k;
            if (e.held != null) {
                // only items held at k have units or may be taken there
                for (long b = e.held[k]; b != 0; b &= b - 1) {
                    int i = Long.numberOfTrailingZeros(b);
                    allowed[i * m + j] = e.allowed[i * c + k];
                    stock[slotOf[i] * m + j] = e.stock[slotOf[i] * c + k];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    allowed[i * m + j] = e.allowed[i * c + k];
                    stock[slotOf[i] * m + j] = e.stock[slotOf[i] * c + k];
                }
            }
        }

        // cost terms
        this.fixed = new double[m];
        this.unit = new double[n * m];
        this.protect = new int[n * m];
        this.tail = new double[n * m];
        this.maxShipments = ruleSet.maxShipments();
        this.priced = new boolean[m];
        if (priceNow) {
            priceAll();
        }
        double p = 0;
        for (CostRule rule : costRules) {
            double extra = rule.perExtraShipment(ctx);
            checkCost(rule, extra, -1);
            p += extra;
        }
        this.penalty = p;
        this.unsourcedUnit = ruleSet.unsourcedCost().map(cost -> unsourcedCosts(cost, ctx)).orElse(null);
    }

    /** What a unit of each item costs left unsourced under {@code cost}, as {@link UnsourcedCost#costOf} counts it. */
    private static double[] unsourcedCosts(UnsourcedCost cost, Context ctx) {
        int n = ctx.itemCount();
        double[] out = new double[n];
        Demand demand = ctx.demand();
        for (int i = 0; i < n; i++) {
            SourcingItem item = ctx.item(i);
            DemandLine line = demand.line(item.line()).orElse(null);
            out[i] = cost.unitCost(item.sku(), line == null ? null : line.unitValue(), 1);
        }
        return out;
    }

    /** This problem with every eligible location a column: itself unless restricted, else a new one, priced. */
    Problem whole() {
        return restricted ? new Problem(judged, filterPlan, true, null) : this;
    }

    /** Whether each eligible location's cost terms are in the arrays. */
    private final boolean[] priced;
    private ModelSink sink;

    /** Prices every eligible location not priced yet. */
    void priceAll() {
        for (int j = 0; j < m; j++) {
            price(j);
        }
    }

    /**
     * Puts the cost terms of eligible location {@code j} in the arrays, unless they are there: each cost rule in turn
     * (the sums of a location's terms do not depend on which locations are priced, or when).
     */
    void price(int j) {
        if (priced[j]) {
            return;
        }
        priced[j] = true;
        if (sink == null) {
            sink = new ModelSink();
        }
        sink.j = j;
        for (int r = 0; r < costRules.size(); r++) {
            CostRule rule = costRules.get(r);
            sink.rule = rule;
            ctx.cursor(candidateOf[j]);
            rule.price(ctx, loc[j], sink);
        }
    }

    /** The index in {@link #candidates} of dense network index {@code location}, or -1. */
    int candidateIndex(int location) {
        int k = Arrays.binarySearch(candidates, location);
        return k >= 0 ? k : -1;
    }

    static void checkCost(CostRule rule, double cost, int location) {
        if (!(cost >= 0) || Double.isInfinite(cost)) {
            throw new IllegalStateException("cost rule " + rule.name() + " priced "
                    + (location < 0 ? "the extra shipment" : "location index " + location) + " at " + cost
                    + ": costs must be finite and >= 0");
        }
    }

    /** Writes the cost terms a rule prices into the model's arrays. */
    private final class ModelSink implements CostSink {
        CostRule rule;
        int j;

        @Override
        public void perShipment(double cost) {
            checkCost(rule, cost, loc[j]);
            fixed[j] += cost;
        }

        @Override
        public void perUnit(int item, double cost) {
            checkCost(rule, cost, loc[j]);
            unit[item * m + j] += cost;
        }

        @Override
        public void lastUnits(int item, int units, double cost) {
            checkCost(rule, cost, loc[j]);
            if (units < 0) {
                throw new IllegalStateException("cost rule " + rule.name() + " protected " + units
                        + " units: must be >= 0");
            }
            int k = item * m + j;
            protect[k] = Math.max(protect[k], units);
            tail[k] += cost;
        }
    }
}

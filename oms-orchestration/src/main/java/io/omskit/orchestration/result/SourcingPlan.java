package io.omskit.orchestration.result;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.inventory.AllocationLine;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.LineId;
import io.omskit.core.order.OrderId;
import io.omskit.orchestration.demand.Demand;
import io.omskit.orchestration.explain.Explanation;
import io.omskit.orchestration.explain.RuleAmount;
import io.omskit.orchestration.plan.PlannedFulfilment;
import io.omskit.orchestration.plan.PlannedLine;
import io.omskit.orchestration.plan.Unsourced;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The answer of the sourcing engine for one demand (an order's, or a what-if's): which locations fulfil which units, what is left unsourced and
 * why, and what it costs. Immutable and thread-safe. Its {@link #explanation()} is computed on first request, from
 * values captured when the plan was computed, so it describes the plan exactly even if stock has moved since.
 *
 * <p>Equality compares the decision (order, rule set, fulfilments, unsourced units, costs), not the explanation.
 */
public final class SourcingPlan {

    private final OrderId order;
    private final String ruleSet;
    private final List<PlannedFulfilment> fulfilments;
    private final List<Unsourced> unsourced;
    private final double totalCost;
    private final Supplier<List<RuleAmount>> breakdown;
    private volatile List<RuleAmount> costBreakdown;
    private final boolean optimal;
    private final SourcingPlan shipToStoreOffer;
    private final Supplier<Explanation> explainer;
    /** Shared with the plans derived from this one: their explainers read the same computation's state. */
    private final Object lock;
    private volatile Explanation explanation;

    private SourcingPlan(OrderId order, String ruleSet, List<PlannedFulfilment> fulfilments, List<Unsourced> unsourced,
                         double totalCost, Supplier<List<RuleAmount>> breakdown, boolean optimal,
                         SourcingPlan shipToStoreOffer, Supplier<Explanation> explainer, Object lock) {
        this.order = order;
        this.ruleSet = Checks.notNull(ruleSet, "ruleSet");
        this.fulfilments = List.copyOf(fulfilments);
        this.unsourced = List.copyOf(unsourced);
        this.totalCost = totalCost;
        this.breakdown = Checks.notNull(breakdown, "breakdown");
        this.optimal = optimal;
        this.shipToStoreOffer = shipToStoreOffer;
        this.explainer = Checks.notNull(explainer, "explainer");
        this.lock = lock;
    }

    /**
     * A plan. For engines (and tests); hosts receive plans from {@link io.omskit.orchestration.SourcingEngine}.
     *
     * @param explainer computes the explanation on first request; called at most once per plan, and never
     *                  concurrently for the plan or the plans derived from it
     */
    public static SourcingPlan of(OrderId order, String ruleSet, List<PlannedFulfilment> fulfilments,
                                  List<Unsourced> unsourced, double totalCost, List<RuleAmount> costBreakdown,
                                  boolean optimal, Supplier<Explanation> explainer) {
        List<RuleAmount> amounts = List.copyOf(costBreakdown);
        return new SourcingPlan(order, ruleSet, fulfilments, unsourced, totalCost, () -> amounts, optimal, null, explainer,
                new Object());
    }

    /**
     * A plan whose cost breakdown is computed on first request, like its explanation (promises rarely read either).
     *
     * @param costBreakdown computes the total cost per rule; called at most once per plan, and never concurrently
     *                      with itself or {@code explainer} for the plan or the plans derived from it
     * @param explainer     computes the explanation on first request; likewise
     */
    public static SourcingPlan lazy(OrderId order, String ruleSet, List<PlannedFulfilment> fulfilments,
                                    List<Unsourced> unsourced, double totalCost,
                                    Supplier<List<RuleAmount>> costBreakdown, boolean optimal,
                                    Supplier<Explanation> explainer) {
        return new SourcingPlan(order, ruleSet, fulfilments, unsourced, totalCost, costBreakdown, optimal, null, explainer,
                new Object());
    }

    /** This plan offering {@code offer} as the ship-to-store alternative. */
    public SourcingPlan withShipToStoreOffer(SourcingPlan offer) {
        return new SourcingPlan(order, ruleSet, fulfilments, unsourced, totalCost, breakdown, optimal, offer, explainer, lock);
    }

    /** This plan with {@code more} units reported unsourced (for engines combining plans, such as batch sourcing). */
    public SourcingPlan withUnsourced(List<Unsourced> more) {
        List<Unsourced> all = new ArrayList<>(unsourced);
        all.addAll(more);
        return new SourcingPlan(order, ruleSet, fulfilments, all, totalCost, breakdown, optimal, shipToStoreOffer,
                () -> {
                    Explanation e = explainer.get();
                    return new Explanation(e.order(), e.ruleSet(), e.computedAt(), e.fulfilments(), e.locations(),
                            e.locationsWithoutStock(), all, e.costBreakdown(), e.totalCost(), e.optimal());
                }, lock);
    }

    /** The order planned; null when the demand was no order's ({@link Demand#whatIf}). */
    public OrderId order() {
        return order;
    }

    /** The name of the rule set the plan was computed under. */
    public String ruleSet() {
        return ruleSet;
    }

    /** The fulfilments, one per location, in network index order. */
    public List<PlannedFulfilment> fulfilments() {
        return fulfilments;
    }

    /** The units left unsourced, with reasons. */
    public List<Unsourced> unsourced() {
        return unsourced;
    }

    /** The total cost: fulfilments' costs plus split penalties. */
    public double totalCost() {
        return totalCost;
    }

    /** The total cost per rule, in rule-set order; adds up to {@link #totalCost()}. */
    public List<RuleAmount> costBreakdown() {
        List<RuleAmount> b = costBreakdown;
        if (b == null) {
            synchronized (lock) {
                b = costBreakdown;
                if (b == null) {
                    b = List.copyOf(breakdown.get());
                    costBreakdown = b;
                }
            }
        }
        return b;
    }

    /** Whether the optimiser proved the plan optimal under the rule set. */
    public boolean isOptimal() {
        return optimal;
    }

    /**
     * For express click and collect that the pickup store cannot complete from its own stock: a ship-to-store plan
     * (transfer legs from other locations to the store) the customer can be offered instead.
     */
    public Optional<SourcingPlan> shipToStoreOffer() {
        return Optional.ofNullable(shipToStoreOffer);
    }

    /** The explanation, computed on first call. */
    public Explanation explanation() {
        Explanation e = explanation;
        if (e == null) {
            synchronized (lock) {
                e = explanation;
                if (e == null) {
                    e = explainer.get();
                    explanation = e;
                }
            }
        }
        return e;
    }

    /** Whether every requested unit is planned. */
    public boolean isComplete() {
        return unsourced.isEmpty();
    }

    /** Whether nothing at all is planned. */
    public boolean isEmpty() {
        return fulfilments.isEmpty();
    }

    /** The number of shipments (fulfilments). */
    public int shipments() {
        return fulfilments.size();
    }

    /** Shipments beyond the first: the splits. */
    public int extraShipments() {
        return Math.max(0, fulfilments.size() - 1);
    }

    /** Units planned over all fulfilments. */
    public int plannedUnits() {
        int n = 0;
        for (PlannedFulfilment f : fulfilments) {
            n += f.units();
        }
        return n;
    }

    /** Units planned for {@code line} (for a bundle line: component units). */
    public int plannedUnits(LineId line) {
        int n = 0;
        for (PlannedFulfilment f : fulfilments) {
            for (PlannedLine l : f.lines()) {
                if (l.line().equals(line)) {
                    n += l.quantity();
                }
            }
        }
        return n;
    }

    /** Units left unsourced over all lines. */
    public int unsourcedUnits() {
        int n = 0;
        for (Unsourced u : unsourced) {
            n += u.quantity();
        }
        return n;
    }

    /** The fulfilment at {@code location}, if the plan uses it. */
    public Optional<PlannedFulfilment> fulfilmentAt(LocationId location) {
        for (PlannedFulfilment f : fulfilments) {
            if (f.location().equals(location)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The stock to allocate for this plan: one line per SKU and location, in fulfilment order. */
    public List<AllocationLine> allocationLines() {
        List<AllocationLine> out = new ArrayList<>();
        for (PlannedFulfilment f : fulfilments) {
            Map<Sku, Integer> bySku = new LinkedHashMap<>();
            for (PlannedLine l : f.lines()) {
                bySku.merge(l.sku(), l.quantity(), Integer::sum);
            }
            bySku.forEach((sku, q) -> out.add(AllocationLine.of(sku, f.location(), q)));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourcingPlan p && Objects.equals(order, p.order) && ruleSet.equals(p.ruleSet)
                && fulfilments.equals(p.fulfilments) && unsourced.equals(p.unsourced)
                && Double.compare(totalCost, p.totalCost) == 0 && costBreakdown().equals(p.costBreakdown())
                && optimal == p.optimal && Objects.equals(shipToStoreOffer, p.shipToStoreOffer);
    }

    @Override
    public int hashCode() {
        return Objects.hash(order, ruleSet, fulfilments, unsourced, totalCost);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SourcingPlan[").append(order).append(" under ").append(ruleSet)
                .append(", cost ").append(String.format(java.util.Locale.ROOT, "%.2f", totalCost));
        for (PlannedFulfilment f : fulfilments) {
            sb.append(", ").append(f.kind()).append(' ').append(f.location()).append(f.lines().stream()
                    .map(l -> l.line() + "x" + l.quantity()).toList());
        }
        for (Unsourced u : unsourced) {
            sb.append(", unsourced ").append(u.line()).append('x').append(u.quantity()).append(' ').append(u.reason());
        }
        return sb.append(']').toString();
    }
}

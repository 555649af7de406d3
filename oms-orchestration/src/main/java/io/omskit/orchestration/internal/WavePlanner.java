package io.omskit.orchestration.internal;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.Network;
import io.omskit.orchestration.demand.Demand;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.explain.Explanation;
import io.omskit.orchestration.plan.PlannedFulfilment;
import io.omskit.orchestration.plan.PlannedLine;
import io.omskit.orchestration.plan.Unsourced;
import io.omskit.orchestration.plan.UnsourcedReason;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.spi.SourcingItem;
import io.omskit.orchestration.stock.StockSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Sources a wave of orders against one snapshot, each order's plan taking its units from what the earlier ones
 * left.
 *
 * <p>Together, the wave is sourced in four steps:
 * <ol>
 * <li><b>Entitlements.</b> Orders are ranked by priority (highest first), then by placement time (oldest first),
 *     then by order id, and planned first come, first served in that rank. What each order gets there, per item, is
 *     its entitlement; the wave plans every order exactly its entitlement, so no order gets fewer units than if the
 *     orders ranked before it had been served first, and the wave as a whole plans as many units as first come,
 *     first served in rank order. (When first come, first served in the order the wave was given plans more units
 *     in all, that run gives the entitlements instead: units served come before rank; not when every order's rule
 *     set prices the units it leaves unsourced, where more units are not better in themselves.)</li>
 * <li><b>Most constrained first, with shadow prices</b> ({@link WaveConstruction}). Each order's complete options
 *     are the locations its rules allow that hold all its entitled units. Orders are planned in turn, always the one
 *     with the fewest complete options left, and each position (SKU at a location) carries a shadow price: what the
 *     orders not planned yet stand to lose, in extra shipments, when the units there are taken. An order chooses its
 *     locations with the optimiser under its own rules plus these prices, fewest shipments first, then is planned
 *     under its own rules against the stock of the chosen locations only, so every plan is valid and its cost is the
 *     rule set's (its explanation counts the other locations among those without stock for it). Scarce units stay
 *     enough for the entitlements of the orders still to plan; an order that still ends short of its entitlement
 *     moves to the front in a new attempt.</li>
 * <li><b>Repair</b> ({@link WaveRepair}). For each order still split, the orders holding its SKUs at a location
 *     that could ship it complete give their units back together; the split order is planned again, then each of
 *     them. The exchange is kept when all keep their units and together they ship in fewer shipments.</li>
 * <li><b>Best.</b> The first come, first served plans of step 1 are a solution too: the wave returns the one with
 *     the fewest extra shipments, then the least cost; when every order's rule set prices the units it leaves
 *     unsourced, the one of least cost (shipments are in the cost), the other only if every order keeps its
 *     units.</li>
 * </ol>
 * Batches do not compute ship-to-store offers for express click and collect.
 */
public final class WavePlanner {

    private final Planner planner;
    private final Network network;
    private final Function<Demand, RuleSet> ruleSets;
    private final Map<RuleSet, RuleSet> priced = new ConcurrentHashMap<>();

    /** A wave planner over {@code planner}, with the rule set of each order from {@code ruleSets}. */
    public WavePlanner(Planner planner, Network network, Function<Demand, RuleSet> ruleSets) {
        this.planner = planner;
        this.network = network;
        this.ruleSets = ruleSets;
    }

    /** Plans the wave first come, first served: in the order given, each against what the earlier plans left. */
    public List<SourcingPlan> oneByOne(List<SourcingRequest> wave, StockSnapshot snapshot, Instant now) {
        int[] given = new int[wave.size()];
        for (int o = 0; o < given.length; o++) {
            given[o] = o;
        }
        return Arrays.asList(firstComeFirstServed(wave, given, snapshot, now));
    }

    /** Plans the wave together (see the class comment); the plans are returned in the order of {@code wave}. */
    public List<SourcingPlan> together(List<SourcingRequest> wave, StockSnapshot snapshot, Instant now) {
        int n = wave.size();
        int[] fair = fairRank(wave);
        SourcingPlan[] baseline = firstComeFirstServed(wave, fair, snapshot, now);
        boolean priced = pricesUnsourced(wave);
        // with units left unsourced priced, more units are not better in themselves: the rank alone is fair
        if (!priced && !isIdentity(fair)) {
            SourcingPlan[] given = oneByOne(wave, snapshot, now).toArray(new SourcingPlan[0]);
            if (plannedUnits(given) > plannedUnits(baseline)) {
                baseline = given;
            }
        }
        List<List<SourcingItem>> entitled = new ArrayList<>(n);
        for (int o = 0; o < n; o++) {
            entitled.add(entitlement(planner.items(wave.get(o)), baseline[o]));
        }

        SourcingPlan[] best = baseline;
        WaveConstruction construction = new WaveConstruction(this, wave, entitled, fair, baseline, snapshot, now);
        SourcingPlan[] built = construction.build();
        if (built == null) {
            built = baseline.clone();
        } else {
            fillEmpty(built, baseline);
        }
        ResidualStock residual = new ResidualStock(snapshot, network);
        for (SourcingPlan p : built) {
            residual.take(p);
        }
        new WaveRepair(this, wave, entitled, construction, residual, built, now).run(fair);
        if (priced ? cheaperKeepingUnits(built, best) : better(built, best)) {
            best = built;
        }

        SourcingPlan[] out = new SourcingPlan[n];
        for (int o = 0; o < n; o++) {
            out[o] = withUnsourced(best[o], relabel(baseline[o].unsourced(), snapshot));
        }
        return Arrays.asList(out);
    }

    /** Orders by priority (highest first), then placement time (oldest first), then order id, then position. */
    static int[] fairRank(List<SourcingRequest> wave) {
        Integer[] fair = new Integer[wave.size()];
        for (int o = 0; o < fair.length; o++) {
            fair[o] = o;
        }
        Arrays.sort(fair, Comparator.<Integer>comparingInt(o -> -wave.get(o).priority())
                .thenComparing(o -> wave.get(o).demand().placedAt())
                .thenComparing(o -> wave.get(o).demand().order(), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingInt(o -> o));
        int[] out = new int[fair.length];
        for (int r = 0; r < out.length; r++) {
            out[r] = fair[r];
        }
        return out;
    }

    private static boolean isIdentity(int[] order) {
        for (int r = 0; r < order.length; r++) {
            if (order[r] != r) {
                return false;
            }
        }
        return true;
    }

    private SourcingPlan[] firstComeFirstServed(List<SourcingRequest> wave, int[] sequence, StockSnapshot snapshot,
                                                Instant now) {
        ResidualStock residual = new ResidualStock(snapshot, network);
        SourcingPlan[] out = new SourcingPlan[wave.size()];
        for (int o : sequence) {
            SourcingRequest r = wave.get(o);
            SourcingPlan p = plan(r, planner.items(r), residual, now);
            residual.take(p);
            out[o] = p;
        }
        return out;
    }

    /** Whether every order's rule set prices the units it leaves unsourced: the wave then minimises the cost alone. */
    private boolean pricesUnsourced(List<SourcingRequest> wave) {
        for (SourcingRequest r : wave) {
            if (ruleSets.apply(r.demand()).unsourcedCost().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code a} costs less than {@code b} while every order plans at least the units it plans in {@code b}:
     * the units left unsourced then cost no more, so the total cost with them is lower too.
     */
    private static boolean cheaperKeepingUnits(SourcingPlan[] a, SourcingPlan[] b) {
        for (int o = 0; o < a.length; o++) {
            if (a[o].plannedUnits() < b[o].plannedUnits()) {
                return false;
            }
        }
        return totalCost(a) < totalCost(b) - 1e-9;
    }

    /** Fewer extra shipments, then less cost (units are the same: every order plans its entitlement). */
    private static boolean better(SourcingPlan[] a, SourcingPlan[] b) {
        int ea = extraShipments(a);
        int eb = extraShipments(b);
        if (ea != eb) {
            return ea < eb;
        }
        return totalCost(a) < totalCost(b) - 1e-9;
    }

    static int extraShipments(SourcingPlan[] plans) {
        int n = 0;
        for (SourcingPlan p : plans) {
            n += p.extraShipments();
        }
        return n;
    }

    private static double totalCost(SourcingPlan[] plans) {
        double c = 0;
        for (SourcingPlan p : plans) {
            c += p.totalCost();
        }
        return c;
    }

    private static long plannedUnits(SourcingPlan[] plans) {
        long n = 0;
        for (SourcingPlan p : plans) {
            n += p.plannedUnits();
        }
        return n;
    }

    /** Orders entitled to nothing keep their (empty) first come, first served plan. */
    private static void fillEmpty(SourcingPlan[] built, SourcingPlan[] baseline) {
        for (int o = 0; o < built.length; o++) {
            if (built[o] == null) {
                built[o] = baseline[o];
            }
        }
    }

    /** The items, each cut to the units {@code plan} took of its line and SKU (items in turn), dropping empty ones. */
    private static List<SourcingItem> entitlement(List<SourcingItem> items, SourcingPlan plan) {
        Map<PlannedKey, Integer> planned = new HashMap<>();
        for (PlannedFulfilment f : plan.fulfilments()) {
            for (PlannedLine l : f.lines()) {
                planned.merge(new PlannedKey(l.line().value(), l.sku()), l.quantity(), Integer::sum);
            }
        }
        List<SourcingItem> out = new ArrayList<>(items.size());
        for (SourcingItem item : items) {
            PlannedKey key = new PlannedKey(item.line().value(), item.sku());
            int left = planned.getOrDefault(key, 0);
            int q = Math.min(left, item.quantity());
            if (q > 0) {
                planned.put(key, left - q);
                out.add(q == item.quantity() ? item : new SourcingItem(item.line(), item.sku(), q, item.group()));
            }
        }
        return out;
    }

    private record PlannedKey(String line, Sku sku) {
    }

    /** {@code plan} reporting {@code unsourced} instead of what it reported. */
    private static SourcingPlan withUnsourced(SourcingPlan plan, List<Unsourced> unsourced) {
        if (plan.unsourced().equals(unsourced)) {
            return plan;
        }
        return SourcingPlan.of(plan.order(), plan.ruleSet(), plan.fulfilments(), unsourced, plan.totalCost(),
                plan.costBreakdown(), plan.isOptimal(), () -> {
                    Explanation e = plan.explanation();
                    return new Explanation(e.order(), e.ruleSet(), e.computedAt(), e.fulfilments(), e.locations(),
                            e.locationsWithoutStock(), unsourced, e.costBreakdown(), e.totalCost(), e.optimal());
                });
    }

    /** Units left unsourced because orders ranked before took the stock say so. */
    private static List<Unsourced> relabel(List<Unsourced> unsourced, StockSnapshot snapshot) {
        List<Unsourced> out = new ArrayList<>(unsourced.size());
        for (Unsourced u : unsourced) {
            if (u.reason() == UnsourcedReason.NO_STOCK && snapshot.stock(u.sku()).total() >= u.quantity()) {
                out.add(new Unsourced(u.line(), u.sku(), u.quantity(), UnsourcedReason.NO_STOCK,
                        u.quantity() + " unit(s) kept for orders ranked before this one in the wave (priority, then age)"));
            } else {
                out.add(u);
            }
        }
        return out;
    }

    /** Plans {@code items} of {@code request} under its own rule set. */
    SourcingPlan plan(SourcingRequest request, List<SourcingItem> items, StockSnapshot stock, Instant now) {
        return plan(request, items, ruleSets.apply(request.demand()), stock, now);
    }

    /** Plans {@code items} of {@code request} under {@code ruleSet}. */
    SourcingPlan plan(SourcingRequest request, List<SourcingItem> items, RuleSet ruleSet, StockSnapshot stock,
                      Instant now) {
        return planner.plan(request, items, request.demand().delivery(), ruleSet, stock, now);
    }

    /** The compiled problem of {@code items} of {@code request} under its rule set, against {@code stock}. */
    Problem compile(SourcingRequest request, List<SourcingItem> items, StockSnapshot stock, Instant now) {
        return planner.compile(request, items, request.demand().delivery(), ruleSets.apply(request.demand()), stock, now);
    }

    /** {@code own} with the wave's shadow prices (see {@link WaveRules#priced}), one per rule set. */
    RuleSet pricedRuleSet(RuleSet own) {
        return priced.computeIfAbsent(own, WaveRules::priced);
    }

    RuleSet ruleSetFor(SourcingRequest request) {
        return ruleSets.apply(request.demand());
    }

    Network network() {
        return network;
    }
}

package io.omskit.orchestration.internal;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.Network;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderLine;
import io.omskit.orchestration.RuleSet;
import io.omskit.orchestration.SkuStock;
import io.omskit.orchestration.SourcingPlan;
import io.omskit.orchestration.SourcingRequest;
import io.omskit.orchestration.StockSnapshot;
import io.omskit.orchestration.Unsourced;
import io.omskit.orchestration.UnsourcedReason;
import io.omskit.orchestration.spi.SourcingItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Sources a wave of orders against one snapshot, each order's plan taking its units from what the earlier ones
 * left.
 *
 * <p>Together, the wave is sourced in three steps:
 * <ol>
 * <li><b>Fair shares.</b> Orders are ranked by priority (highest first), then by placement time (oldest first), then
 *     by order id. In that rank each order's lines are granted the units the network still holds of their SKUs
 *     (components for bundles); what a line cannot be granted is reported unsourced, kept for orders ranked before
 *     it. So no order loses units to an order ranked after it, whatever happens in the later steps.</li>
 * <li><b>Most constrained first.</b> The granted units are planned order by order, starting with the orders that
 *     the fewest locations could ship complete (an order only one warehouse can ship whole goes before a one-line
 *     order any store can ship), ties in fair rank; orders no single location can ship complete go last. Flexible
 *     orders thus take their units where they do not break a constrained order's only complete shipment, which is
 *     what splits orders sourced first come, first served.</li>
 * <li><b>Repair.</b> For each order still split, the orders holding its SKUs at a location that could ship it
 *     complete are asked, one at a time, to give their units back; the split order is planned again, then the
 *     other one. The exchange is kept only when neither plans fewer units, the two ship in fewer shipments and cost
 *     no more (see {@link #repair}).</li>
 * </ol>
 * Location eligibility differs per order (filters), so the fair shares are network-wide: an order can still end
 * with fewer units than granted when the locations it may use ran dry. Batches do not compute ship-to-store offers
 * for express click and collect.
 */
public final class WavePlanner {

    private final Planner planner;
    private final Network network;
    private final Function<Order, RuleSet> ruleSets;

    /** A wave planner over {@code planner}, with the rule set of each order from {@code ruleSets}. */
    public WavePlanner(Planner planner, Network network, Function<Order, RuleSet> ruleSets) {
        this.planner = planner;
        this.network = network;
        this.ruleSets = ruleSets;
    }

    /** Plans the wave first come, first served: in the order given, each against what the earlier plans left. */
    public List<SourcingPlan> oneByOne(List<SourcingRequest> wave, StockSnapshot snapshot, Instant now) {
        ResidualStock residual = new ResidualStock(snapshot, network);
        List<SourcingPlan> out = new ArrayList<>(wave.size());
        for (SourcingRequest r : wave) {
            SourcingPlan p = plan(r, planner.items(r), residual, now);
            residual.take(p);
            out.add(p);
        }
        return out;
    }

    /** Plans the wave together (see the class comment); the plans are returned in the order of {@code wave}. */
    public List<SourcingPlan> together(List<SourcingRequest> wave, StockSnapshot snapshot, Instant now) {
        int n = wave.size();
        Integer[] fair = new Integer[n];
        for (int o = 0; o < n; o++) {
            fair[o] = o;
        }
        Arrays.sort(fair, Comparator.<Integer>comparingInt(o -> -wave.get(o).priority())
                .thenComparing(o -> wave.get(o).order().placedAt())
                .thenComparing(o -> wave.get(o).order().id())
                .thenComparingInt(o -> o));

        Map<Sku, Long> left = new HashMap<>();
        List<List<SourcingItem>> granted = new ArrayList<>(n);
        List<List<Unsourced>> kept = new ArrayList<>(n);
        int[] rank = new int[n];
        for (int o = 0; o < n; o++) {
            granted.add(null);
            kept.add(null);
        }
        for (int r = 0; r < n; r++) {
            int o = fair[r];
            rank[o] = r;
            grant(wave.get(o), snapshot, left, granted, kept, o);
        }

        int[] completeAt = new int[n];
        for (int o = 0; o < n; o++) {
            completeAt[o] = locationsHoldingAll(granted.get(o), snapshot);
        }
        Integer[] sequence = Arrays.copyOf(fair, n);
        Arrays.sort(sequence, Comparator.<Integer>comparingInt(o -> completeAt[o] == 0 ? Integer.MAX_VALUE : completeAt[o])
                .thenComparingInt(o -> rank[o]));

        ResidualStock residual = new ResidualStock(snapshot, network);
        SourcingPlan[] plans = new SourcingPlan[n];
        for (int o : sequence) {
            SourcingPlan p = plan(wave.get(o), granted.get(o), residual, now);
            residual.take(p);
            plans[o] = p;
        }
        repair(wave, granted, snapshot, residual, plans, fair, now);
        for (int o = 0; o < n; o++) {
            if (!kept.get(o).isEmpty()) {
                plans[o] = plans[o].withUnsourced(kept.get(o));
            }
        }
        return Arrays.asList(plans);
    }




    /**
     * Repairs splits: for each split order A (in fair rank), the orders holding units of A's SKUs at a location that
     * could ship A complete are tried one by one; such an order B gives its units back, A is planned again and, if it
     * now ships in fewer shipments, B is planned again against what is left. The exchange is kept when neither
     * order plans fewer units than before, the wave has fewer shipments and it costs no more; otherwise both plans are
     * restored. Two passes.
     */
    private void repair(List<SourcingRequest> wave, List<List<SourcingItem>> granted, StockSnapshot snapshot,
                        ResidualStock residual, SourcingPlan[] plans, Integer[] fair, Instant now) {
        Map<Sku, Map<Integer, List<Integer>>> holders = new HashMap<>();
        for (int o = 0; o < plans.length; o++) {
            index(holders, plans[o], o, true);
        }
        for (int pass = 0; pass < REPAIR_PASSES; pass++) {
            boolean improved = false;
            for (int a : fair) {
                SourcingPlan before = plans[a];
                if (before.extraShipments() == 0) {
                    continue;
                }
                List<Integer> others = candidates(a, granted.get(a), snapshot, holders);
                for (int b : others) {
                    if (tryExchange(a, new int[] {b}, wave, granted, residual, plans, holders, now)) {
                        improved = true;
                        if (plans[a].extraShipments() == 0) {
                            break;
                        }
                    }
                }

            }
            if (!improved) {
                break;
            }
        }
    }

    private static final int REPAIR_PASSES = 2;
    private static final int REPAIR_CANDIDATES = 12;

    /** Orders holding units of A's SKUs at locations that hold all of A's items in the snapshot, nearest first in rank. */
    private List<Integer> candidates(int a, List<SourcingItem> items, StockSnapshot snapshot,
                                     Map<Sku, Map<Integer, List<Integer>>> holders) {
        List<Integer> out = new ArrayList<>();
        if (items.isEmpty()) {
            return out;
        }
        SkuStock first = snapshot.stock(items.get(0).sku());
        for (int k = 0; k < first.size() && out.size() < REPAIR_CANDIDATES; k++) {
            int location = first.location(k);
            boolean all = true;
            for (SourcingItem item : items) {
                all &= snapshot.stock(item.sku()).unitsAt(location) >= item.quantity();
            }
            if (!all) {
                continue;
            }
            for (SourcingItem item : items) {
                for (int b : holders.getOrDefault(item.sku(), Map.of()).getOrDefault(location, List.of())) {
                    if (b != a && !out.contains(b) && out.size() < REPAIR_CANDIDATES) {
                        out.add(b);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Gives back the plans of A and of the orders {@code bs}, plans A again and, if A now ships in fewer shipments,
     * plans the others again; keeps the exchange when nobody plans fewer units, the shipments fall and the cost does
     * not rise, and restores every plan otherwise.
     */
    private boolean tryExchange(int a, int[] bs, List<SourcingRequest> wave, List<List<SourcingItem>> granted,
                                ResidualStock residual, SourcingPlan[] plans, Map<Sku, Map<Integer, List<Integer>>> holders,
                                Instant now) {
        SourcingPlan oldA = plans[a];
        residual.giveBack(oldA);
        for (int b : bs) {
            residual.giveBack(plans[b]);
        }
        SourcingPlan newA = plan(wave.get(a), granted.get(a), residual, now);
        SourcingPlan[] newB = new SourcingPlan[bs.length];
        boolean ok = newA.shipments() < oldA.shipments() && newA.plannedUnits() >= oldA.plannedUnits();
        int taken = 0;
        if (ok) {
            residual.take(newA);
            int shipmentsBefore = oldA.shipments();
            int shipmentsAfter = newA.shipments();
            double costBefore = oldA.totalCost();
            double costAfter = newA.totalCost();
            for (int x = 0; x < bs.length && ok; x++) {
                SourcingPlan oldB = plans[bs[x]];
                newB[x] = plan(wave.get(bs[x]), granted.get(bs[x]), residual, now);
                residual.take(newB[x]);
                taken++;
                ok = newB[x].plannedUnits() >= oldB.plannedUnits();
                shipmentsBefore += oldB.shipments();
                shipmentsAfter += newB[x].shipments();
                costBefore += oldB.totalCost();
                costAfter += newB[x].totalCost();
            }
            ok = ok && shipmentsAfter < shipmentsBefore && costAfter <= costBefore + 1e-9;
            if (!ok) {
                for (int x = 0; x < taken; x++) {
                    residual.giveBack(newB[x]);
                }
                residual.giveBack(newA);
            }
        }
        if (!ok) {
            residual.take(oldA);
            for (int b : bs) {
                residual.take(plans[b]);
            }
            return false;
        }
        index(holders, oldA, a, false);
        index(holders, newA, a, true);
        plans[a] = newA;
        for (int x = 0; x < bs.length; x++) {
            index(holders, plans[bs[x]], bs[x], false);
            index(holders, newB[x], bs[x], true);
            plans[bs[x]] = newB[x];
        }
        return true;
    }

    private void index(Map<Sku, Map<Integer, List<Integer>>> holders, SourcingPlan plan, int o, boolean add) {
        for (io.omskit.orchestration.PlannedFulfilment f : plan.fulfilments()) {
            int location = network.indexOf(f.location());
            for (io.omskit.orchestration.PlannedLine l : f.lines()) {
                List<Integer> list = holders.computeIfAbsent(l.sku(), x -> new HashMap<>())
                        .computeIfAbsent(location, x -> new ArrayList<>());
                if (add) {
                    if (!list.contains(o)) {
                        list.add(o);
                    }
                } else {
                    list.remove(Integer.valueOf(o));
                }
            }
        }
    }

    private SourcingPlan plan(SourcingRequest request, List<SourcingItem> items, StockSnapshot stock, Instant now) {
        Order order = request.order();
        return planner.plan(request, items, order.delivery(), ruleSets.apply(order), stock, now);
    }

    /** Grants the order's lines what the network still holds; records the rest as kept for fairer orders. */
    private void grant(SourcingRequest request, StockSnapshot snapshot, Map<Sku, Long> left,
                       List<List<SourcingItem>> granted, List<List<Unsourced>> kept, int o) {
        Order order = request.order();
        List<SourcingItem> items = new ArrayList<>();
        List<Unsourced> cut = new ArrayList<>();
        for (OrderLine line : order.lines()) {
            int q = request.quantityOf(line);
            if (q <= 0) {
                continue;
            }
            List<SourcingItem> perUnit = planner.items(request.withQuantities(List.of(LineQuantity.of(line.id(), 1))));
            int grant = q;
            for (SourcingItem c : perUnit) {
                long have = left.computeIfAbsent(c.sku(), s -> snapshot.stock(s).total());
                grant = (int) Math.min(grant, have / c.quantity());
            }
            for (SourcingItem c : perUnit) {
                left.merge(c.sku(), -(long) grant * c.quantity(), Long::sum);
                if (grant > 0) {
                    items.add(new SourcingItem(c.line(), c.sku(), grant * c.quantity(), c.group()));
                }
            }
            if (grant < q) {
                cut.add(new Unsourced(line.id(), line.sku(), q - grant, UnsourcedReason.NO_STOCK,
                        (q - grant) + " unit(s) kept for orders ranked before this one in the wave (priority, then age)"));
            }
        }
        granted.set(o, items);
        kept.set(o, cut);
    }
    /** The number of locations holding every item whole. */
    private static int locationsHoldingAll(List<SourcingItem> items, StockSnapshot snapshot) {
        if (items.isEmpty()) {
            return 0;
        }
        SkuStock first = snapshot.stock(items.get(0).sku());
        SkuStock[] others = new SkuStock[items.size()];
        for (int i = 1; i < items.size(); i++) {
            others[i] = snapshot.stock(items.get(i).sku());
        }
        int count = 0;
        for (int k = 0; k < first.size(); k++) {
            if (first.units(k) < items.get(0).quantity()) {
                continue;
            }
            int location = first.location(k);
            boolean all = true;
            for (int i = 1; i < items.size() && all; i++) {
                all = others[i].unitsAt(location) >= items.get(i).quantity();
            }
            if (all) {
                count++;
            }
        }
        return count;
    }
}

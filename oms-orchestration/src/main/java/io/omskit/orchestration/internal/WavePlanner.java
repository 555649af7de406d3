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
 * <p>Together, the wave is sourced in two steps:
 * <ol>
 * <li><b>Fair shares.</b> Orders are ranked by priority (highest first), then by placement time (oldest first), then
 *     by order id. In that rank each order's lines are granted the units the network still holds of their SKUs
 *     (components for bundles); what a line cannot be granted is reported unsourced, kept for orders ranked before
 *     it. So no order loses units to an order ranked after it, whatever happens in the second step.</li>
 * <li><b>Most constrained first.</b> The granted units are then planned order by order, starting with the orders
 *     that the fewest locations could ship complete (an order only one warehouse can ship whole goes before a
 *     one-line order any store can ship), ties in fair rank; orders no single location can ship complete go last.
 *     Flexible orders thus take their units where they do not break a constrained order's only complete
 *     shipment, which is what splits orders when they are sourced first come, first served.</li>
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
            plans[o] = kept.get(o).isEmpty() ? p : p.withUnsourced(kept.get(o));
        }
        return Arrays.asList(plans);
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

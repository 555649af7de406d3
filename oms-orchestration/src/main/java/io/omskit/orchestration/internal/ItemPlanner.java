package io.omskit.orchestration.internal;

import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.Network;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.LineId;
import io.omskit.core.spi.Catalog;
import io.omskit.orchestration.result.ItemPlan;
import io.omskit.orchestration.demand.ItemQuestion;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.stock.SkuStock;
import io.omskit.orchestration.rulebook.SplitPolicy;
import io.omskit.orchestration.spi.CapacityTracker;
import io.omskit.orchestration.spi.CostRule;
import io.omskit.orchestration.spi.CostSink;
import io.omskit.orchestration.spi.FilterRule;
import io.omskit.orchestration.spi.RuleInput;
import io.omskit.orchestration.spi.SourcingItem;
import io.omskit.orchestration.spi.SourcingRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What-if plans for one item supplied by one location, equal to what the {@link Planner} computes for the one-line
 * order, at the cost of a few rule calls.
 *
 * <p>Per rule set, channel, delivery method, destination and pickup store, the rules that depend on the delivery
 * and destination only ({@link RuleInput#PER_DESTINATION}) are asked once about every location: the filters' verdicts, and the per-shipment
 * and per-unit costs, which are a lower bound of a location's cost (every cost term is at least zero). A question
 * then visits the locations holding enough of the SKU by increasing lower bound, asks every rule about them exactly
 * as the planner does (so costs agree to the bit), and stops when the next lower bound exceeds the best cost found.
 * Among locations whose costs are equal within the optimiser's tolerance the choice is the optimiser's: the first
 * in network order that is strictly cheaper than those before it. A plan that may need several shipments (more than
 * one unit, and two locations together could be cheaper) is left to the planner.
 *
 * <p>Thread-safe; preparations are kept in a bounded cache (the least useful one makes room when full).
 */
public final class ItemPlanner {

    private static final int MAX_PREPARED = 2048;
    private static final LineId LINE = LineId.of("item");
    private static final SourcingItem PLACEHOLDER = new SourcingItem(LINE, Sku.of("prepared"), 1, null);
    private static final int[][] NO_EXCLUSIONS = {new int[0]};

    private final Network network;
    private final Catalog catalog;
    private final CapacityTracker capacity;
    private final double[] unitVectors;
    private final Context.Sites sites;
    private final BoundedCache<Key, Prepared> prepared = BoundedCache.ofMaximumSize(MAX_PREPARED);

    /**
     * @param network  the network
     * @param catalog  the catalog the planner expands bundles with; null for none
     * @param capacity counts fulfilments against daily capacity; null for none counted
     */
    public ItemPlanner(Network network, Catalog catalog, CapacityTracker capacity) {
        this.network = network;
        this.catalog = catalog;
        this.capacity = capacity;
        this.unitVectors = Context.unitVectors(network);
        this.sites = Context.Sites.of(network);
    }

    private record Key(RuleSet ruleSet, Channel channel, DeliveryMethod method, GeoPoint destination,
                       LocationId pickupStore) {
    }

    /** What depends on the rule set, channel and delivery only ({@link #prepare}). Immutable once built. */
    public static final class Prepared {
        final boolean usable;
        final FilterRule[] dynamicFilters;
        final CostRule[] costs;
        /** Per network location: per-shipment terms of the delivery-only cost rules; +infinity when excluded. */
        final double[] fixed;
        /** Per network location: per-unit terms of the delivery-only cost rules. */
        final double[] unit;
        final double penalty;
        final int maxShipments;
        /**
         * The locations no delivery-only filter excludes, by increasing lower bound of the cost of one unit: the
         * bound at {@code 2x}, the location at {@code 2x + 1} (one array, read in order).
         */
        final double[] walk;
        /** A context of the delivery, whose delivery-derived values (destination, pickup store) calls reuse. */
        final Context template;

        Prepared(boolean usable, FilterRule[] dynamicFilters, CostRule[] costs, double[] fixed, double[] unit,
                 double penalty, int maxShipments, Context template) {
            this.template = template;
            this.usable = usable;
            this.dynamicFilters = dynamicFilters;
            this.costs = costs;
            this.fixed = fixed;
            this.unit = unit;
            this.penalty = penalty;
            this.maxShipments = maxShipments;
            int n = 0;
            double[] bound = new double[fixed.length];
            for (int l = 0; l < fixed.length; l++) {
                if (fixed[l] != Double.POSITIVE_INFINITY) {
                    bound[l] = fixed[l] + unit[l];
                    n++;
                }
            }
            int[] order = new int[n];
            for (int l = 0, x = 0; l < fixed.length; l++) {
                if (fixed[l] != Double.POSITIVE_INFINITY) {
                    order[x++] = l;
                }
            }
            // stable by bound, ties by network index
            Integer[] boxed = new Integer[n];
            for (int x = 0; x < n; x++) {
                boxed[x] = order[x];
            }
            java.util.Arrays.sort(boxed, (a, b) -> Double.compare(bound[a], bound[b]));
            this.walk = new double[2 * n];
            for (int x = 0; x < n; x++) {
                walk[2 * x] = bound[boxed[x]];
                walk[2 * x + 1] = boxed[x];
            }
        }
    }

    /** Forgets every preparation. */
    public void clear() {
        prepared.clear();
    }

    /**
     * The plan for {@code question} under {@code ruleSet} against {@code stock} (the SKU's stock as the channel sees
     * it) at {@code now}, when one location supplies every unit; null when no location can supply them alone, when a
     * split could be cheaper, when network-wide reservations leave fewer units, when the SKU is a bundle, or when a
     * rule reads the demand itself ({@link RuleInput#DEMAND}).
     */
    public ItemPlan plan(ItemQuestion question, RuleSet ruleSet, SkuStock stock, Instant now) {
        DeliveryChoice delivery = question.delivery();
        return plan(prepare(ruleSet, question.channel(), delivery), delivery, question.sku(), question.quantity(), stock, now);
    }

    /**
     * As {@link #plan(ItemQuestion, RuleSet, SkuStock, Instant)}, for a question to the delivery {@code p} was
     * prepared for.
     *
     * @param delivery the delivery {@code p} was prepared for, or one with the same method, destination and pickup
     *                 store
     */
    public ItemPlan plan(Prepared p, DeliveryChoice delivery, Sku sku, int q, SkuStock stock, Instant now) {
        if (!p.usable || isBundle(sku)) {
            return null;
        }
        if (stock.networkLimit() < q) {
            return null;
        }
        if (q == 1) {
            return planOne(p, delivery, sku, stock, now);
        }
        int size = stock.size();
        int[] cand = new int[size];
        double[] bound = new double[size];
        int c = 0;
        double f1 = Double.POSITIVE_INFINITY;
        double f2 = Double.POSITIVE_INFINITY;
        for (int k = 0; k < size; k++) {
            int location = stock.location(k);
            double f = p.fixed[location];
            if (f == Double.POSITIVE_INFINITY) {
                continue;
            }
            if (f < f1) {
                f2 = f1;
                f1 = f;
            } else if (f < f2) {
                f2 = f;
            }
            if (stock.units(k) >= q) {
                double b = f + q * p.unit[location];
                int x = c++;
                while (x > 0 && bound[x - 1] > b) {
                    bound[x] = bound[x - 1];
                    cand[x] = cand[x - 1];
                    x--;
                }
                bound[x] = b;
                cand[x] = k;
            }
        }
        if (c == 0) {
            return null;
        }
        Context ctx = new Context(p.template, delivery, now, List.of(new SourcingItem(LINE, sku, q, null)),
                new SkuStock[] {stock}, NO_EXCLUSIONS);
        double[] cost = new double[size];
        java.util.Arrays.fill(cost, Double.NaN);
        double best = Double.POSITIVE_INFINITY;
        PriceSink sink = new PriceSink();
        for (int x = 0; x < c; x++) {
            if (bound[x] > best + margin(best)) {
                break;
            }
            int k = cand[x];
            double v = exactCost(p, ctx, stock.location(k), stock.units(k), q, sink);
            cost[k] = v;
            if (v < best) {
                best = v;
            }
        }
        if (best == Double.POSITIVE_INFINITY) {
            return null;
        }
        if (q > 1 && p.maxShipments > 1 && !(f1 + f2 + p.penalty - margin(best) >= best)) {
            return null;
        }
        int chosen = -1;
        double incumbent = Double.POSITIVE_INFINITY;
        for (int k = 0; k < size; k++) {
            double v = cost[k];
            if (v == v && v < incumbent - eps(incumbent)) {
                incumbent = v;
                chosen = k;
            }
        }
        int location = stock.location(chosen);
        return new ItemPlan(network.at(location).id(), location,
                Planner.legKind(delivery, location, ctx.pickupStore()), q, incumbent);
    }

    /**
     * One unit: walks the locations by increasing lower bound, evaluating those holding the SKU, until the bound
     * exceeds the best cost found. One unit never splits, so the best single location is the plan.
     */
    private ItemPlan planOne(Prepared p, DeliveryChoice delivery, Sku sku, SkuStock stock, Instant now) {
        int size = stock.size();
        if (size == 0) {
            return null;
        }
        long[] held = new long[(network.size() + 63) >>> 6];
        for (int k = 0; k < size; k++) {
            int l = stock.location(k);
            held[l >>> 6] |= 1L << l;
        }
        double[] walk = p.walk;
        Context ctx = null;
        PriceSink sink = null;
        int[] seen = new int[4];
        double[] seenCost = new double[4];
        int count = 0;
        double best = Double.POSITIVE_INFINITY;
        double limit = Double.POSITIVE_INFINITY;
        for (int x = 0; x < walk.length; x += 2) {
            if (walk[x] > limit) {
                break;
            }
            int l = (int) walk[x + 1];
            if ((held[l >>> 6] & (1L << l)) == 0) {
                continue;
            }
            if (ctx == null) {
                ctx = new Context(p.template, delivery, now, List.of(new SourcingItem(LINE, sku, 1, null)),
                        new SkuStock[] {stock}, NO_EXCLUSIONS);
                sink = new PriceSink();
            }
            double v = exactCost(p, ctx, l, stock.unitsAt(l), 1, sink);
            if (v != v) {
                continue;
            }
            if (count == seen.length) {
                seen = java.util.Arrays.copyOf(seen, count * 2);
                seenCost = java.util.Arrays.copyOf(seenCost, count * 2);
            }
            // kept in network order, for the optimiser's tie rule
            int y = count++;
            while (y > 0 && seen[y - 1] > l) {
                seen[y] = seen[y - 1];
                seenCost[y] = seenCost[y - 1];
                y--;
            }
            seen[y] = l;
            seenCost[y] = v;
            if (v < best) {
                best = v;
                limit = best + margin(best);
            }
        }
        if (count == 0) {
            return null;
        }
        int chosen = -1;
        double incumbent = Double.POSITIVE_INFINITY;
        for (int y = 0; y < count; y++) {
            if (seenCost[y] < incumbent - eps(incumbent)) {
                incumbent = seenCost[y];
                chosen = seen[y];
            }
        }
        return new ItemPlan(network.at(chosen).id(), chosen,
                Planner.legKind(delivery, chosen, ctx.pickupStore()), 1, incumbent);
    }

    /** The optimiser's tolerance: a plan replaces the best only when cheaper by more than this. */
    private static double eps(double cost) {
        return Double.isInfinite(cost) ? 0 : 1e-9 * Math.max(1, Math.abs(cost));
    }

    /** Well above the tolerance and the rounding of a lower bound summed in another order. */
    private static double margin(double cost) {
        return Double.isInfinite(cost) ? 0 : 1e-6 * Math.max(1, Math.abs(cost));
    }

    /** The cost of taking all {@code q} units at {@code location} alone, as the optimiser sums it; NaN when excluded. */
    private static double exactCost(Prepared p, Context ctx, int location, int units, int q, PriceSink sink) {
        FilterRule[] filters = p.dynamicFilters;
        for (FilterRule f : filters) {
            if (f.excludesOrder(ctx, location)) {
                return Double.NaN;
            }
        }
        for (FilterRule f : filters) {
            if (f.excludesItem(ctx, 0, location)) {
                return Double.NaN;
            }
        }
        sink.reset(location);
        for (CostRule rule : p.costs) {
            sink.rule = rule;
            rule.price(ctx, location, sink);
        }
        int last = Math.max(0, q - Math.max(0, units - sink.protect));
        double cost = 0;
        cost += q * sink.unit + last * sink.tail;
        cost += sink.fixed;
        return cost;
    }

    private boolean isBundle(Sku sku) {
        if (catalog == null) {
            return false;
        }
        Optional<SkuAttributes> a = catalog.find(sku);
        return a.isPresent() && a.get().isBundle();
    }

    /** What depends on the rule set, channel and delivery only (its method, destination and pickup store), kept. */
    public Prepared prepare(RuleSet ruleSet, Channel channel, DeliveryChoice delivery) {
        GeoPoint destination = delivery.method().isPickup() || delivery.address() == null ? null
                : delivery.address().position();
        Key key = new Key(ruleSet, channel, delivery.method(), destination, delivery.pickupStore());
        Prepared p = prepared.get(key);
        if (p == null) {
            p = build(ruleSet, channel, delivery);
            prepared.put(key, p);
        }
        return p;
    }

    private Prepared build(RuleSet ruleSet, Channel channel, DeliveryChoice delivery) {
        List<FilterRule> filters = Planner.filtersFor(ruleSet, delivery.method());
        List<CostRule> costs = ruleSet.costs();
        boolean usable = true;
        List<FilterRule> dynamic = new ArrayList<>();
        List<FilterRule> fixedFilters = new ArrayList<>();
        for (FilterRule f : filters) {
            usable &= !f.inputs().contains(RuleInput.DEMAND);
            (deliveryOnly(f) ? fixedFilters : dynamic).add(f);
        }
        List<CostRule> fixedCosts = new ArrayList<>();
        double penalty = 0;
        Context ctx = new Context(channel, delivery, network, Instant.EPOCH, List.of(PLACEHOLDER),
                new SkuStock[] {SkuStock.none()}, NO_EXCLUSIONS, capacity, unitVectors, sites);
        for (CostRule r : costs) {
            usable &= !r.inputs().contains(RuleInput.DEMAND);
            if (deliveryOnly(r)) {
                fixedCosts.add(r);
                penalty += r.perExtraShipment(ctx);
            }
        }
        int size = network.size();
        double[] fixed = new double[size];
        double[] unit = new double[size];
        PriceSink sink = new PriceSink();
        if (usable) {
            for (int l = 0; l < size; l++) {
                if (excluded(fixedFilters, ctx, l)) {
                    fixed[l] = Double.POSITIVE_INFINITY;
                    continue;
                }
                sink.reset(l);
                for (CostRule r : fixedCosts) {
                    sink.rule = r;
                    r.price(ctx, l, sink);
                }
                fixed[l] = sink.fixed;
                unit[l] = sink.unit;
            }
        }
        int maxShipments = ruleSet.split() == SplitPolicy.SHIP_COMPLETE ? 1 : ruleSet.maxShipments();
        return new Prepared(usable, dynamic.toArray(new FilterRule[0]), costs.toArray(new CostRule[0]), fixed, unit,
                penalty, maxShipments, ctx);
    }

    private static boolean excluded(List<FilterRule> filters, Context ctx, int location) {
        for (FilterRule f : filters) {
            if (f.excludesOrder(ctx, location) || f.excludesItem(ctx, 0, location)) {
                return true;
            }
        }
        return false;
    }

    private static boolean deliveryOnly(SourcingRule rule) {
        return RuleInput.PER_DESTINATION.containsAll(rule.inputs());
    }

    /** Sums one location's cost terms for item 0 in the order the rules give them, as the planner's model does. */
    private static final class PriceSink implements CostSink {
        CostRule rule;
        int location;
        double fixed;
        double unit;
        int protect;
        double tail;

        void reset(int location) {
            this.location = location;
            fixed = 0;
            unit = 0;
            protect = 0;
            tail = 0;
        }

        @Override
        public void perShipment(double cost) {
            Problem.checkCost(rule, cost, location);
            fixed += cost;
        }

        @Override
        public void perUnit(int item, double cost) {
            Problem.checkCost(rule, cost, location);
            if (item == 0) {
                unit += cost;
            }
        }

        @Override
        public void lastUnits(int item, int units, double cost) {
            Problem.checkCost(rule, cost, location);
            if (units < 0) {
                throw new IllegalStateException("cost rule " + rule.name() + " protected " + units + " units: must be >= 0");
            }
            if (item == 0) {
                protect = Math.max(protect, units);
                tail += cost;
            }
        }
    }
}

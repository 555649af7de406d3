package io.omskit.orchestration.lookahead;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.Network;
import io.omskit.orchestration.demand.Demand;
import io.omskit.orchestration.plan.PlannedFulfilment;
import io.omskit.orchestration.plan.PlannedLine;
import io.omskit.orchestration.plan.Unsourced;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.rulebook.UnsourcedCost;
import io.omskit.orchestration.rules.LaneTable;
import io.omskit.orchestration.spi.CostRule;
import io.omskit.orchestration.spi.CostSink;
import io.omskit.orchestration.spi.DestinationRegions;
import io.omskit.orchestration.spi.Justification;
import io.omskit.orchestration.spi.SourcingContext;
import io.omskit.orchestration.stock.StockSnapshot;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.ToIntBiFunction;

/**
 * Look-ahead sourcing: targets from a linear program over the host's demand forecast, per lane or per order pattern,
 * which guide every order the engine sources.
 *
 * <p><b>Method.</b> {@link #refresh} solves the deterministic (fluid) LP of Jasin and Sinha, "An LP-based correlated
 * rounding scheme for multi-item ecommerce order fulfillment", Operations Research 63(6), 2015 (see
 * {@link FluidPlan}), over the forecast and the stock on hand, and keeps its solution as targets: how many units of
 * each SKU each location should send to each region until the next refresh. Each order is then sourced by the engine's
 * exact optimiser with one more cost term ({@link #cost()}): a unit taken on a lane whose target is spent costs
 * {@link Builder#overrunCost} more. Units within their targets cost what the rule set says, so the optimiser still
 * chooses which targeted lanes to use together (fewest shipments, cheapest units), which rounds the LP's fractional
 * solution order by order in a correlated way (the role of the correlated rounding schemes of Jasin and Sinha and of
 * W. Ma, "Order-optimal correlated rounding for fulfilling multi-item e-commerce orders", M&amp;SOM 2023). A lane
 * stays within its target while at least half a unit of it is left: a target of 2.4 admits 2 units, one of 2.6
 * admits 3. The solution is used, not the LP's dual prices as per-unit costs: those price every unit taken, not only
 * the units that leave the plan, and source dearer than each order alone. The
 * LP is solved off the order path ({@link #refresh} on the host's schedule, e.g. hourly with the forecast of the rest
 * of the horizon); {@link #record} counts each sourced order against the targets. Without a refresh the cost term adds
 * nothing and the engine sources each order alone.
 *
 * <p><b>Order patterns.</b> In {@link Mode#ORDER_PATTERNS} {@link #refresh} solves the order-based LP instead (W. Ma,
 * M&amp;SOM 2023; the target allocation of Jasin and Kumar, "A re-solving heuristic with bounded revenue loss for
 * network revenue management with customer choice", Math. of OR 37(2), 2012): for each forecast region and basket, how
 * many of its orders should take each fulfilment pattern (each item from one location, or unsourced), every pattern
 * priced exactly, shipments shared. An order of a forecast region and basket then takes, among the patterns with at
 * least half an order left that the stock it is sourced on can serve, the one with most orders left (the cheaper on a
 * tie): a unit off that pattern costs more than any plan of the order could save, so the engine follows it whenever
 * the rule set's filters admit it; the explanation names the pattern ({@link FollowsPattern}, {@link OffPattern}).
 * When the demand is the forecast and the LP's solution whole, the orders cost the LP's optimum, in any sequence.
 * An order whose basket was not
 * forecast, or for which no such pattern is left, is sourced as in lane mode with the lane targets the pattern
 * solution adds up to.
 *
 * <p>The LP is solved with ojAlgo, an optional dependency of oms-orchestration: a host using look-ahead adds
 * {@code org.ojalgo:ojalgo} to its build. Thread-safe: {@link #refresh} replaces the targets at once; the cost rule
 * reads them without locks, and may see a concurrent {@link #record} one order late.
 */
public final class LookAhead {

    /** The name of the cost rule: {@value}. */
    public static final String NAME = "look-ahead";

    private static final long MILLI = 1000;

    /** How the LP's solution guides each order. */
    public enum Mode {
        /**
         * The fluid LP of Jasin and Sinha, its solution kept as per-(location, region, SKU) targets; a unit beyond its
         * lane's target costs {@link Builder#overrunCost} more. Each order is still the engine's optimum under that
         * cost. The default.
         */
        LANE_TARGETS,
        /**
         * The order-based LP, its solution kept as per-(region, basket, fulfilment pattern) targets; an order of a
         * forecast region and basket takes the feasible pattern with most orders left ({@link Builder#overrunCost} prices
         * only the orders no pattern serves). Closer to the LP's cost when the
         * forecast is right; the LP has a variable per pattern, up to (locations + 1) to the power of the basket size
         * per region and basket, and takes longer to solve.
         */
        ORDER_PATTERNS
    }

    private final Network network;
    private final LaneTable lanes;
    private final DestinationRegions regions;
    private final UnsourcedCost unsourcedCost;
    private final double overrunCost;
    private final Mode mode;
    private final CostRule cost = new TargetCost();
    private final ThreadLocal<Steer> lastSteer = new ThreadLocal<>();
    private volatile Map<String, Map<Sku, AtomicLongArray>> remaining = Map.of();
    private volatile PatternTargets patterns = PatternTargets.NONE;
    private volatile FluidPlan plan;

    private LookAhead(Builder b) {
        this.network = b.network;
        this.lanes = b.lanes;
        this.regions = b.regions;
        this.unsourcedCost = b.unsourcedCost;
        this.overrunCost = b.overrunCost;
        this.mode = b.mode;
    }

    /**
     * A builder over {@code network}, pricing lanes by {@code lanes} (the same figures the rule set's
     * {@link io.omskit.orchestration.rules.LaneCost} prices), regions by {@code regions}, and units left unsourced by
     * {@code unsourcedCost} (the rule set's).
     */
    public static Builder builder(Network network, LaneTable lanes, DestinationRegions regions, UnsourcedCost unsourcedCost) {
        return new Builder(network, lanes, regions, unsourcedCost);
    }

    /**
     * Solves the LP of the look-ahead's {@link Mode} over {@code forecast} (the demand expected until the stock is next replenished) and the
     * units {@code stock} holds, and replaces the targets with its solution, counted from zero. Takes from
     * milliseconds to seconds: call it off the order path.
     *
     * @return the LP's solution
     * @throws IllegalStateException when ojAlgo is not on the class path
     */
    public FluidPlan refresh(DemandForecast forecast, StockSnapshot stock) {
        Checks.notNull(forecast, "forecast");
        Checks.notNull(stock, "stock");
        try {
            Class.forName("org.ojalgo.optimisation.ExpressionsBasedModel");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("look-ahead sourcing solves its LP with ojAlgo: add org.ojalgo:ojalgo to the "
                    + "host's dependencies", e);
        }
        List<LocationId> locations = new ArrayList<>(network.size());
        for (int k = 0; k < network.size(); k++) {
            locations.add(network.at(k).id());
        }
        ToIntBiFunction<Sku, LocationId> held = (sku, location) -> stock.stock(sku).unitsAt(network.indexOf(location));
        FluidPlan solved = mode == Mode.ORDER_PATTERNS
                ? PatternLp.solve(forecast.profiles(), locations, held, lanes, unsourcedCost)
                : FluidLp.solve(forecast.profiles(), locations, held, lanes, unsourcedCost);
        Map<String, Map<Sku, AtomicLongArray>> next = new HashMap<>();
        // every lane of a region and SKU the forecast names starts spent unless the LP sends units on it
        for (DemandForecast.Profile p : forecast.profiles()) {
            for (Sku sku : p.basket()) {
                next.computeIfAbsent(p.region(), r -> new HashMap<>())
                        .computeIfAbsent(sku, x -> new AtomicLongArray(network.size()));
            }
        }
        solved.targets().forEach((region, bySku) -> bySku.forEach((sku, byLocation) -> {
            AtomicLongArray left = next.computeIfAbsent(region, r -> new HashMap<>())
                    .computeIfAbsent(sku, x -> new AtomicLongArray(network.size()));
            byLocation.forEach((location, units) -> left.set(network.indexOf(location), Math.round(units * MILLI)));
        }));
        Map<String, Map<Sku, AtomicLongArray>> frozen = new HashMap<>();
        next.forEach((region, bySku) -> frozen.put(region, Map.copyOf(bySku)));
        PatternTargets nextPatterns = mode == Mode.ORDER_PATTERNS ? patternTargets(forecast, solved) : PatternTargets.NONE;
        this.plan = solved;
        this.remaining = Map.copyOf(frozen);
        this.patterns = nextPatterns;
        return solved;
    }

    private PatternTargets patternTargets(DemandForecast forecast, FluidPlan solved) {
        Map<String, Map<List<Sku>, List<FluidPlan.PatternTarget>>> grouped = new HashMap<>();
        for (FluidPlan.PatternTarget p : solved.patterns()) {
            grouped.computeIfAbsent(p.region(), r -> new HashMap<>()).computeIfAbsent(p.basket(), b -> new ArrayList<>())
                    .add(p);
        }
        // a unit off the chosen pattern costs more than any plan of the order can save by leaving it
        double dearestLane = 0;
        for (DemandForecast.Profile p : forecast.profiles()) {
            for (int k = 0; k < network.size(); k++) {
                LaneTable.Lane lane = lanes.lane(network.at(k).id(), p.region()).orElse(null);
                if (lane != null) {
                    dearestLane = Math.max(dearestLane, lane.perShipment() + lane.perUnit());
                }
            }
        }
        Map<String, Map<List<Sku>, ProfileTargets>> byRegion = new HashMap<>();
        grouped.forEach((region, byBasket) -> {
            Map<List<Sku>, ProfileTargets> out = new HashMap<>();
            byBasket.forEach((basket, list) -> {
                list.sort(Comparator.comparingDouble(FluidPlan.PatternTarget::cost));
                int[][] from = new int[list.size()][basket.size()];
                AtomicLongArray left = new AtomicLongArray(list.size());
                Map<List<Integer>, Integer> index = new HashMap<>();
                for (int p = 0; p < list.size(); p++) {
                    for (int i = 0; i < basket.size(); i++) {
                        LocationId location = list.get(p).from().get(basket.get(i));
                        from[p][i] = location == null ? -1 : network.indexOf(location);
                    }
                    left.set(p, Math.round(list.get(p).orders() * MILLI));
                    index.put(key(from[p]), p);
                }
                out.put(basket, new ProfileTargets(region, basket, List.copyOf(list), from, left, Map.copyOf(index)));
            });
            byRegion.put(region, Map.copyOf(out));
        });
        return new PatternTargets(Map.copyOf(byRegion), dearestLane);
    }

    private static List<Integer> key(int[] from) {
        List<Integer> out = new ArrayList<>(from.length);
        for (int f : from) {
            out.add(f);
        }
        return out;
    }

    /**
     * Counts the units {@code plan} takes for {@code demand} against their lanes' targets. Call it once per order the
     * engine sources (allocates), after the allocation; a plan of a what-if should not be recorded.
     */
    public void record(Demand demand, SourcingPlan plan) {
        Checks.notNull(demand, "demand");
        Checks.notNull(plan, "plan");
        String region = regions.regionOf(demand.delivery());
        recordPattern(region, demand, plan);
        Map<Sku, AtomicLongArray> bySku = remaining.get(region);
        if (bySku == null) {
            return;
        }
        for (PlannedFulfilment f : plan.fulfilments()) {
            int k = network.indexOf(f.location());
            for (PlannedLine line : f.lines()) {
                AtomicLongArray left = bySku.get(line.sku());
                if (left != null && k >= 0) {
                    left.addAndGet(k, -line.quantity() * MILLI);
                }
            }
        }
    }

    private void recordPattern(String region, Demand demand, SourcingPlan plan) {
        Map<List<Sku>, ProfileTargets> byBasket = patterns.byRegion().get(region == null ? "" : region);
        if (byBasket == null) {
            return;
        }
        TreeSet<Sku> skus = new TreeSet<>();
        demand.lines().forEach(l -> skus.add(l.sku()));
        ProfileTargets profile = byBasket.get(List.copyOf(skus));
        if (profile == null) {
            return;
        }
        int[] from = new int[profile.basket().size()];
        boolean[] seen = new boolean[from.length];
        for (PlannedFulfilment f : plan.fulfilments()) {
            int k = network.indexOf(f.location());
            for (PlannedLine line : f.lines()) {
                if (!place(profile, from, seen, line.sku(), k)) {
                    return;
                }
            }
        }
        for (Unsourced u : plan.unsourced()) {
            if (!place(profile, from, seen, u.sku(), -1)) {
                return;
            }
        }
        Integer p = profile.index().get(key(from));
        if (p != null) {
            profile.left().addAndGet(p, -MILLI);
        }
    }

    /** Notes that the plan takes {@code sku} at {@code location}; false when it takes it at two (no single pattern). */
    private static boolean place(ProfileTargets profile, int[] from, boolean[] seen, Sku sku, int location) {
        int i = profile.basket().indexOf(sku);
        if (i < 0 || seen[i] && from[i] != location) {
            return false;
        }
        seen[i] = true;
        from[i] = location;
        return true;
    }

    /**
     * The orders of {@code basket} to {@code region} that may still take the pattern {@code from} (each shipped SKU
     * of the basket and its location; a SKU absent is left unsourced); 0 when the order-based LP sends none by it, NaN
     * before a refresh in {@link Mode#ORDER_PATTERNS}.
     */
    public double remaining(String region, List<Sku> basket, Map<Sku, LocationId> from) {
        Checks.notNull(region, "region");
        Checks.notNull(from, "from");
        if (patterns == PatternTargets.NONE) {
            return Double.NaN;
        }
        List<Sku> sorted = List.copyOf(new TreeSet<>(Checks.list(basket, "basket")));
        ProfileTargets profile = patterns.byRegion().getOrDefault(region, Map.of()).get(sorted);
        if (profile == null) {
            return 0;
        }
        int[] key = new int[sorted.size()];
        for (int i = 0; i < key.length; i++) {
            LocationId location = from.get(sorted.get(i));
            key[i] = location == null ? -1 : network.indexOf(location);
        }
        Integer p = profile.index().get(key(key));
        return p == null ? 0 : profile.left().get(p) / (double) MILLI;
    }

    /** The units of {@code sku} {@code location} may still send to {@code region} within its target; NaN without targets. */
    public double remaining(LocationId location, String region, Sku sku) {
        Map<Sku, AtomicLongArray> bySku = remaining.get(region);
        AtomicLongArray left = bySku == null ? null : bySku.get(sku);
        int k = network.indexOf(location);
        return left == null || k < 0 ? Double.NaN : left.get(k) / (double) MILLI;
    }

    /** The last LP solution; null before the first {@link #refresh}. */
    public FluidPlan plan() {
        return plan;
    }

    /** The cost rule that steers orders to the targets: add it to the rule set the orders are sourced under. */
    public CostRule cost() {
        return cost;
    }

    /** A unit taken on a lane whose target is spent: its region, SKU, what is left and what it costs more. */
    public record BeyondTarget(LocationId location, String region, Sku sku, double left, double perUnit)
            implements Justification {
        @Override
        public String summary() {
            return String.format(Locale.ROOT, "%s has %.1f unit(s) of %s left for %s in the look-ahead targets: "
                    + "%.2f per unit beyond them", location, Math.max(0, left), sku, region, perUnit);
        }
    }

    /**
     * The location ships what the order-based LP's pattern for the order's region and basket takes there.
     *
     * @param from       the pattern: where each shipped SKU comes from (the others are left unsourced)
     * @param ordersLeft the orders that may still take the pattern, this one included
     */
    public record FollowsPattern(LocationId location, String region, List<Sku> basket, Map<Sku, LocationId> from,
                                 double ordersLeft) implements Justification {
        @Override
        public String summary() {
            return String.format(Locale.ROOT, "%s ships as the look-ahead's pattern %s for %s to %s (%.1f order(s) of it "
                    + "left)", location, describe(basket, from), basket, region, ordersLeft);
        }
    }

    /**
     * The order-based LP's pattern for the order's region and basket does not take {@code sku} at the location: a unit
     * of it there costs {@code perUnit} more.
     */
    public record OffPattern(LocationId location, String region, Sku sku, List<Sku> basket, Map<Sku, LocationId> from,
                             double perUnit) implements Justification {
        @Override
        public String summary() {
            return String.format(Locale.ROOT, "%s is off the look-ahead's pattern %s for %s to %s: %.2f per unit of %s",
                    location, describe(basket, from), basket, region, perUnit, sku);
        }
    }

    private static String describe(List<Sku> basket, Map<Sku, LocationId> from) {
        StringBuilder out = new StringBuilder();
        for (Sku sku : basket) {
            LocationId location = from.get(sku);
            out.append(out.length() == 0 ? "" : ", ").append(sku).append(location == null ? " unsourced" : " from " + location);
        }
        return out.toString();
    }

    /** Every unit of the location within its lane's target. */
    public record WithinTargets(LocationId location, String region) implements Justification {
        @Override
        public String summary() {
            return location + " ships to " + region + " within its look-ahead targets";
        }
    }

    private final class TargetCost implements CostRule {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public void price(SourcingContext context, int location, CostSink sink) {
            Steer steer = steer(context);
            if (steer.pattern() >= 0) {
                for (int i = 0, n = context.itemCount(); i < n; i++) {
                    if (steer.from()[i] != location) {
                        sink.perUnit(i, steer.offPattern());
                    }
                }
                return;
            }
            Map<Sku, AtomicLongArray> bySku = remaining.get(regionOf(context));
            if (bySku == null) {
                return;
            }
            for (int i = 0, n = context.itemCount(); i < n; i++) {
                AtomicLongArray left = bySku.get(context.item(i).sku());
                if (left != null && left.get(location) < MILLI / 2) {
                    sink.perUnit(i, overrunCost);
                }
            }
        }

        @Override
        public Justification justify(SourcingContext context, int location) {
            String region = regionOf(context);
            Steer steer = steer(context);
            if (steer.pattern() >= 0) {
                FluidPlan.PatternTarget p = steer.profile().patterns().get(steer.pattern());
                LocationId id = context.location(location).id();
                for (int i = 0, n = context.itemCount(); i < n; i++) {
                    if (steer.from()[i] != location) {
                        return new OffPattern(id, region, context.item(i).sku(), p.basket(), p.from(), steer.offPattern());
                    }
                }
                return new FollowsPattern(id, region, p.basket(), p.from(),
                        steer.profile().left().get(steer.pattern()) / (double) MILLI);
            }
            Map<Sku, AtomicLongArray> bySku = remaining.get(region);
            LocationId id = context.location(location).id();
            if (bySku != null) {
                for (int i = 0, n = context.itemCount(); i < n; i++) {
                    AtomicLongArray left = bySku.get(context.item(i).sku());
                    if (left != null && left.get(location) < MILLI / 2) {
                        return new BeyondTarget(id, region, context.item(i).sku(), left.get(location) / (double) MILLI,
                                overrunCost);
                    }
                }
            }
            return new WithinTargets(id, region);
        }

        /** The pattern the order takes, worked out once per sourcing computation (the context is new for each). */
        private Steer steer(SourcingContext context) {
            Steer last = lastSteer.get();
            PatternTargets targets = patterns;
            if (last != null && last.context().get() == context && last.targets() == targets) {
                return last;
            }
            Steer next = choose(context, targets);
            lastSteer.set(next);
            return next;
        }

        private Steer choose(SourcingContext context, PatternTargets targets) {
            if (targets == PatternTargets.NONE) {
                return Steer.none(context, targets, null);
            }
            int n = context.itemCount();
            Map<List<Sku>, ProfileTargets> byBasket = targets.byRegion().get(regionOf(context));
            if (byBasket == null) {
                return Steer.none(context, targets, null);
            }
            TreeSet<Sku> skus = new TreeSet<>();
            for (int i = 0; i < n; i++) {
                skus.add(context.item(i).sku());
            }
            ProfileTargets profile = byBasket.get(List.copyOf(skus));
            if (profile == null) {
                return Steer.none(context, targets, null);
            }
            int[] position = new int[n];
            int[] wanted = new int[profile.basket().size()];
            double offPattern = 1;
            for (int i = 0; i < n; i++) {
                position[i] = profile.basket().indexOf(context.item(i).sku());
                wanted[position[i]] += context.item(i).quantity();
                offPattern += context.item(i).quantity()
                        * (targets.dearestLane() + unsourcedCost.unitCost(context.item(i).sku(), null, 1));
            }
            int best = -1;
            long most = MILLI / 2 - 1;
            for (int p = 0; p < profile.from().length; p++) {
                long left = profile.left().get(p);
                if (left > most && servable(context, profile.from()[p], position, wanted)) {
                    best = p;
                    most = left;
                }
            }
            if (best < 0) {
                return Steer.none(context, targets, profile);
            }
            int[] from = new int[n];
            for (int i = 0; i < n; i++) {
                from[i] = profile.from()[best][position[i]];
            }
            return new Steer(new WeakReference<>(context), targets, profile, best, from, offPattern);
        }

        private boolean servable(SourcingContext context, int[] from, int[] position, int[] wanted) {
            for (int i = 0, n = context.itemCount(); i < n; i++) {
                int f = from[position[i]];
                if (f >= 0 && (context.available(i, f) < wanted[position[i]] || context.isExcluded(i, f))) {
                    return false;
                }
            }
            return true;
        }

        private String regionOf(SourcingContext context) {
            String region = regions.regionOf(context.delivery());
            return region == null ? "" : region;
        }
    }

    /** The order-based LP's targets: per region and basket, its patterns and the orders each may still take. */
    private record PatternTargets(Map<String, Map<List<Sku>, ProfileTargets>> byRegion, double dearestLane) {
        static final PatternTargets NONE = new PatternTargets(Map.of(), 0);
    }

    /**
     * One region and basket: its patterns cheapest first ({@code from[pattern][item of basket]}, a location's network
     * index or -1 for unsourced), the milli-orders each may still take, and each pattern's index by its locations.
     */
    private record ProfileTargets(String region, List<Sku> basket, List<FluidPlan.PatternTarget> patterns, int[][] from,
                                  AtomicLongArray left, Map<List<Integer>, Integer> index) {
    }

    /**
     * The pattern one sourcing computation follows ({@code pattern} -1: none, lane targets apply); the context weakly
     * held, so that a thread's last order does not keep its snapshot alive.
     */
    private record Steer(WeakReference<SourcingContext> context, PatternTargets targets, ProfileTargets profile, int pattern,
                         int[] from, double offPattern) {
        /** No pattern to follow for {@code context} ({@code profile} null when the order's basket has none). */
        static Steer none(SourcingContext context, PatternTargets targets, ProfileTargets profile) {
            return new Steer(new WeakReference<>(context), targets, profile, -1, null, 0);
        }
    }

    /** Builds a {@link LookAhead}. */
    public static final class Builder {
        private final Network network;
        private final LaneTable lanes;
        private final DestinationRegions regions;
        private final UnsourcedCost unsourcedCost;
        private double overrunCost = DEFAULT_OVERRUN_COST;
        private Mode mode = Mode.LANE_TARGETS;

        /**
         * The default {@link #overrunCost}: {@value}, a fraction of a typical unit's shipping cost, so that a unit goes
         * beyond its target rather than ship in a second parcel or be left. On the paper benchmark's warm-up setup
         * (per unit $0.42 to $1.80, per shipment $8.76) values from 1 to 2 did best; 10 lost most of the gain.
         */
        public static final double DEFAULT_OVERRUN_COST = 2.0;

        private Builder(Network network, LaneTable lanes, DestinationRegions regions, UnsourcedCost unsourcedCost) {
            this.network = Checks.notNull(network, "network");
            this.lanes = Checks.notNull(lanes, "lanes");
            this.regions = Checks.notNull(regions, "regions");
            this.unsourcedCost = Checks.notNull(unsourcedCost, "unsourcedCost");
        }

        /**
         * What a unit taken beyond its lane's target costs more, in the rule set's money; from 0 (targets ignored) up.
         *
         * @throws IllegalArgumentException when negative, infinite or NaN
         */
        public Builder overrunCost(double cost) {
            if (!(cost >= 0) || Double.isInfinite(cost)) {
                throw new IllegalArgumentException("overrunCost must be finite and >= 0, was " + cost);
            }
            this.overrunCost = cost;
            return this;
        }

        /** How the LP's solution guides each order; {@link Mode#LANE_TARGETS} by default. */
        public Builder mode(Mode mode) {
            this.mode = Checks.notNull(mode, "mode");
            return this;
        }

        /** The look-ahead, without targets until its first {@link LookAhead#refresh}. */
        public LookAhead build() {
            return new LookAhead(this);
        }
    }
}

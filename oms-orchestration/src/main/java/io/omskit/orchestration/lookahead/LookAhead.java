package io.omskit.orchestration.lookahead;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.Network;
import io.omskit.orchestration.demand.Demand;
import io.omskit.orchestration.plan.PlannedFulfilment;
import io.omskit.orchestration.plan.PlannedLine;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.rulebook.UnsourcedCost;
import io.omskit.orchestration.rules.LaneTable;
import io.omskit.orchestration.spi.CostRule;
import io.omskit.orchestration.spi.CostSink;
import io.omskit.orchestration.spi.DestinationRegions;
import io.omskit.orchestration.spi.Justification;
import io.omskit.orchestration.spi.SourcingContext;
import io.omskit.orchestration.stock.StockSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Look-ahead sourcing: per-lane targets from the fluid linear program over the host's demand forecast, which guide
 * every order the engine sources.
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
 * <p>The LP is solved with ojAlgo, an optional dependency of oms-orchestration: a host using look-ahead adds
 * {@code org.ojalgo:ojalgo} to its build. Thread-safe: {@link #refresh} replaces the targets at once; the cost rule
 * reads them without locks, and may see a concurrent {@link #record} one order late.
 */
public final class LookAhead {

    /** The name of the cost rule: {@value}. */
    public static final String NAME = "look-ahead";

    private static final long MILLI = 1000;

    private final Network network;
    private final LaneTable lanes;
    private final DestinationRegions regions;
    private final UnsourcedCost unsourcedCost;
    private final double overrunCost;
    private final CostRule cost = new TargetCost();
    private volatile Map<String, Map<Sku, AtomicLongArray>> remaining = Map.of();
    private volatile FluidPlan plan;

    private LookAhead(Builder b) {
        this.network = b.network;
        this.lanes = b.lanes;
        this.regions = b.regions;
        this.unsourcedCost = b.unsourcedCost;
        this.overrunCost = b.overrunCost;
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
     * Solves the fluid LP over {@code forecast} (the demand expected until the stock is next replenished) and the
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
        FluidPlan solved = FluidLp.solve(forecast.profiles(), locations,
                (sku, location) -> stock.stock(sku).unitsAt(network.indexOf(location)), lanes, unsourcedCost);
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
        this.plan = solved;
        this.remaining = Map.copyOf(frozen);
        return solved;
    }

    /**
     * Counts the units {@code plan} takes for {@code demand} against their lanes' targets. Call it once per order the
     * engine sources (allocates), after the allocation; a plan of a what-if should not be recorded.
     */
    public void record(Demand demand, SourcingPlan plan) {
        Checks.notNull(demand, "demand");
        Checks.notNull(plan, "plan");
        Map<Sku, AtomicLongArray> bySku = remaining.get(regions.regionOf(demand.delivery()));
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

        private String regionOf(SourcingContext context) {
            String region = regions.regionOf(context.delivery());
            return region == null ? "" : region;
        }
    }

    /** Builds a {@link LookAhead}. */
    public static final class Builder {
        private final Network network;
        private final LaneTable lanes;
        private final DestinationRegions regions;
        private final UnsourcedCost unsourcedCost;
        private double overrunCost = DEFAULT_OVERRUN_COST;

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

        /** The look-ahead, without targets until its first {@link LookAhead#refresh}. */
        public LookAhead build() {
            return new LookAhead(this);
        }
    }
}

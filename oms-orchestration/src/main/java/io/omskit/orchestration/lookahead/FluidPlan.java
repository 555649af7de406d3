package io.omskit.orchestration.lookahead;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.LocationId;
import java.util.List;
import java.util.Map;

/**
 * The solution of the fluid linear program over a {@link DemandForecast}: the least expected cost of serving the
 * forecast from the stock (a lower bound of what any policy spends on that demand), and how many units of each SKU
 * each location should send to each region, and leave unsourced. Solved as the order-based program
 * ({@link LookAhead.Mode#ORDER_PATTERNS}), it also says how many orders of each region and basket should take each
 * fulfilment pattern. Immutable.
 */
public final class FluidPlan {

    private final double bound;
    private final Map<String, Map<Sku, Map<LocationId, Double>>> targets;
    private final Map<String, Map<Sku, Double>> unsourced;
    private final List<PatternTarget> patterns;

    /**
     * The orders of one region and basket the order-based program sends by one fulfilment pattern.
     *
     * @param region  the destination region
     * @param basket  the SKUs ordered together, sorted
     * @param from    where each shipped SKU of the basket comes from; a SKU of the basket absent here is left unsourced
     * @param orders  how many orders take the pattern, fractional, above 0
     * @param cost    what one order sourced by the pattern costs: per-shipment cost of each location, per-unit and
     *                unsourced costs
     */
    public record PatternTarget(String region, List<Sku> basket, Map<Sku, LocationId> from, double orders, double cost) {
        /** Copies the basket and the pattern. */
        public PatternTarget {
            basket = List.copyOf(basket);
            from = Map.copyOf(from);
        }
    }

    FluidPlan(double bound, Map<String, Map<Sku, Map<LocationId, Double>>> targets,
              Map<String, Map<Sku, Double>> unsourced) {
        this(bound, targets, unsourced, List.of());
    }

    FluidPlan(double bound, Map<String, Map<Sku, Map<LocationId, Double>>> targets,
              Map<String, Map<Sku, Double>> unsourced, List<PatternTarget> patterns) {
        this.bound = bound;
        this.targets = targets;
        this.unsourced = unsourced;
        this.patterns = List.copyOf(patterns);
    }

    /**
     * The program's least cost: per-shipment and per-unit lane costs and unsourced costs of the forecast, with
     * shipments shared by the items of a basket. For the demand that actually arrived it bounds every policy's cost
     * from below; the order-based program's bound is the tighter (at least the fluid one's).
     */
    public double bound() {
        return bound;
    }

    /** The units of {@code sku} {@code location} should send to {@code region}: fractional, 0 when none. */
    public double target(LocationId location, String region, Sku sku) {
        Map<Sku, Map<LocationId, Double>> bySku = targets.get(region);
        Map<LocationId, Double> byLocation = bySku == null ? null : bySku.get(sku);
        Double t = byLocation == null ? null : byLocation.get(location);
        return t == null ? 0 : t;
    }

    /** The units of {@code sku} to {@code region} the program leaves unsourced. */
    public double unsourced(String region, Sku sku) {
        Map<Sku, Double> bySku = unsourced.get(region);
        Double u = bySku == null ? null : bySku.get(sku);
        return u == null ? 0 : u;
    }

    /**
     * The order-based program's patterns with orders above 0; empty when the plan was solved as the fluid program
     * ({@link LookAhead.Mode#LANE_TARGETS}).
     */
    public List<PatternTarget> patterns() {
        return patterns;
    }

    /** Every target: region, then SKU, then location, in units. */
    public Map<String, Map<Sku, Map<LocationId, Double>>> targets() {
        return targets;
    }
}

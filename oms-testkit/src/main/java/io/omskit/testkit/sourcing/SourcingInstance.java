package io.omskit.testkit.sourcing;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.Network;
import io.omskit.core.order.LineId;
import io.omskit.orchestration.SourcingEngine;
import io.omskit.orchestration.demand.Demand;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rulebook.SplitPolicy;
import io.omskit.orchestration.rules.EnoughStockFilter;
import io.omskit.orchestration.rules.ExcludedLocationsFilter;
import io.omskit.orchestration.rules.KeepTogetherFilter;
import io.omskit.orchestration.rules.SplitPenalty;
import io.omskit.orchestration.stock.StockSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small, fully described sourcing problem: a network, one demand (each line a distinct SKU), the stock, explicit
 * cost tables, and the constraints. Small enough for {@link BruteForceSourcing} to enumerate every plan.
 *
 * @param network      the locations
 * @param demand       the demand, home delivery
 * @param units        units available by SKU then location
 * @param costs        the cost tables
 * @param splitPenalty cost per shipment beyond the first
 * @param maxShipments the most shipments allowed
 * @param split        ship partial or complete
 * @param excluded     locations excluded by configuration
 * @param wholeLine    whether a line may come only whole from one location
 * @param groups       lines that must ship together (kept together by the rule set)
 */
public record SourcingInstance(Network network, Demand demand, Map<Sku, Map<LocationId, Integer>> units, TableCost costs,
                               double splitPenalty, int maxShipments, SplitPolicy split, Set<LocationId> excluded,
                               boolean wholeLine, List<Set<LineId>> groups) {

    /** The instant the instance is sourced at. */
    public static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");

    public SourcingInstance {
        Checks.notNull(network, "network");
        Checks.notNull(demand, "demand");
        units = Map.copyOf(units);
        Checks.notNull(costs, "costs");
        excluded = Set.copyOf(excluded);
        groups = List.copyOf(groups);
    }

    /** Units of {@code sku} available at {@code location}. */
    public int unitsOf(Sku sku, LocationId location) {
        return units.getOrDefault(sku, Map.of()).getOrDefault(location, 0);
    }

    /** The stock as a snapshot. */
    public StockSnapshot snapshot() {
        StockSnapshot.Builder b = StockSnapshot.builder(network);
        units.forEach((sku, byLocation) -> byLocation.forEach((l, q) -> b.add(sku, l, q)));
        return b.build();
    }

    /** The rule set: exclusions, whole lines and groups as configured, the cost tables and the split penalty. */
    public RuleSet ruleSet() {
        RuleSet.Builder b = RuleSet.builder("instance").filter(new ExcludedLocationsFilter(excluded));
        if (wholeLine) {
            b.filter(EnoughStockFilter.wholeLine());
        }
        if (!groups.isEmpty()) {
            b.filter(new KeepTogetherFilter());
        }
        return b.cost(costs).cost(new SplitPenalty(splitPenalty)).split(split).maxShipments(maxShipments).build();
    }

    /** The request: every unit of the demand, with the groups. */
    public SourcingRequest request() {
        SourcingRequest r = SourcingRequest.of(demand);
        for (Set<LineId> g : groups) {
            r = r.withGroup(g);
        }
        return r;
    }

    /** An engine over the instance's network and rule set, at {@link #NOW}. */
    public SourcingEngine engine() {
        return SourcingEngine.builder().network(network).rules(RuleBook.of(ruleSet()))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SourcingInstance[locations ");
        network.locations().forEach(l -> sb.append(l.id()).append('(').append(l.type()).append(") "));
        sb.append("| lines ");
        demand.lines().forEach(l -> sb.append(l.line()).append('=').append(l.sku()).append('x').append(l.quantity()).append(' '));
        sb.append("| units ").append(new java.util.TreeMap<>(units)).append(" | ").append(costs)
                .append(" | split penalty ").append(splitPenalty).append(", max ").append(maxShipments).append(' ')
                .append(split).append(", excluded ").append(excluded).append(wholeLine ? ", whole lines" : "")
                .append(", groups ").append(groups).append(']');
        return sb.toString();
    }

    /** The engine's plan for the instance. */
    public SourcingPlan plan() {
        return engine().plan(request(), snapshot());
    }
}

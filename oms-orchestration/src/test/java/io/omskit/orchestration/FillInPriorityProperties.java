package io.omskit.orchestration;

import static io.omskit.orchestration.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.Network;
import io.omskit.core.order.Order;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.plan.PlannedFulfilment;
import io.omskit.orchestration.plan.PlannedLine;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rules.CapabilityFilter;
import io.omskit.orchestration.rules.ExcludedLocationsFilter;
import io.omskit.orchestration.rules.FillInPriority;
import io.omskit.orchestration.rules.ShippingCost;
import io.omskit.orchestration.rules.SplitPenalty;
import io.omskit.orchestration.stock.StockSnapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * A plan under {@link FillInPriority} with a step above every other cost fills locations in the retailer's order: it
 * never takes a unit of a SKU at a location while a location of higher priority, not excluded by a filter, still has
 * a unit of that SKU left; and it never takes more of a SKU at a location than the location holds.
 */
class FillInPriorityProperties {

    private static final String[] SKUS = {"A", "B", "C"};

    @Property(tries = 100)
    void a_lower_priority_location_is_used_only_once_every_higher_one_is_empty(@ForAll long seed) {
        Random random = new Random(seed);
        int size = 2 + random.nextInt(4);
        List<Location> locations = new ArrayList<>();
        for (int l = 0; l < size; l++) {
            locations.add(random.nextInt(3) == 0 ? store("S" + l, random.nextDouble() * 4)
                    : warehouse("W" + l, random.nextDouble() * 4));
        }
        Network network = Network.of(locations);
        List<LocationId> ranked = new ArrayList<>();
        locations.forEach(l -> ranked.add(l.id()));
        Collections.shuffle(ranked, random);
        // sometimes one location is left off the list: it ranks last
        if (random.nextInt(3) == 0) {
            ranked.remove(ranked.size() - 1);
        }
        Set<LocationId> excluded = new HashSet<>();
        if (random.nextInt(3) == 0) {
            excluded.add(locations.get(random.nextInt(size)).id());
        }
        RuleSet.Builder rules = RuleSet.builder("fill").filter(new CapabilityFilter())
                .cost(new ShippingCost(rates())).cost(new SplitPenalty(random.nextInt(5)))
                .cost(new FillInPriority(ranked, 1000)).maxShipments(size);
        if (!excluded.isEmpty()) {
            rules.filter(new ExcludedLocationsFilter(excluded));
        }
        List<Object> units = new ArrayList<>();
        Map<String, Map<LocationId, Integer>> held = new HashMap<>();
        for (String sku : SKUS) {
            for (Location l : locations) {
                if (random.nextInt(3) > 0) {
                    int u = 1 + random.nextInt(6);
                    units.add(sku);
                    units.add(l.id().value());
                    units.add(u);
                    held.computeIfAbsent(sku, k -> new HashMap<>()).put(l.id(), u);
                }
            }
        }
        StockSnapshot stock = stock(network, units.toArray());
        List<Object> lines = new ArrayList<>();
        int lineCount = 1 + random.nextInt(3);
        for (int k = 0; k < lineCount; k++) {
            lines.add(SKUS[random.nextInt(SKUS.length)]);
            lines.add(1 + random.nextInt(10));
        }
        Order order = order("o", home(), lines.toArray());

        SourcingPlan plan = engine(network, rules.build()).plan(SourcingRequest.of(order), stock);

        Map<String, Map<LocationId, Integer>> taken = new HashMap<>();
        for (PlannedFulfilment f : plan.fulfilments()) {
            for (PlannedLine line : f.lines()) {
                taken.computeIfAbsent(line.sku().value(), k -> new HashMap<>()).merge(f.location(), line.quantity(), Integer::sum);
            }
        }
        Map<LocationId, Integer> rankOf = new HashMap<>();
        for (Location l : locations) {
            int r = ranked.indexOf(l.id());
            rankOf.put(l.id(), r < 0 ? ranked.size() : r);
        }
        for (Map.Entry<String, Map<LocationId, Integer>> bySku : taken.entrySet()) {
            Map<LocationId, Integer> there = held.getOrDefault(bySku.getKey(), Map.of());
            for (Map.Entry<LocationId, Integer> at : bySku.getValue().entrySet()) {
                assertThat(at.getValue()).as("%s taken at %s", bySku.getKey(), at.getKey())
                        .isLessThanOrEqualTo(there.getOrDefault(at.getKey(), 0));
                assertThat(excluded).as("excluded locations are never used").doesNotContain(at.getKey());
                for (Location higher : locations) {
                    if (rankOf.get(higher.id()) < rankOf.get(at.getKey()) && !excluded.contains(higher.id())) {
                        int left = there.getOrDefault(higher.id(), 0) - bySku.getValue().getOrDefault(higher.id(), 0);
                        assertThat(left).as("%s left at %s (priority above %s, which ships %d)", bySku.getKey(),
                                higher.id(), at.getKey(), at.getValue()).isZero();
                    }
                }
            }
        }
        // and every unit that can be sourced is: the priority never costs a sale
        for (String sku : SKUS) {
            int ordered = 0;
            for (int k = 0; k < lines.size(); k += 2) {
                ordered += lines.get(k).equals(sku) ? (Integer) lines.get(k + 1) : 0;
            }
            int sellable = 0;
            for (Map.Entry<LocationId, Integer> e : held.getOrDefault(sku, Map.of()).entrySet()) {
                sellable += excluded.contains(e.getKey()) ? 0 : e.getValue();
            }
            int got = taken.getOrDefault(sku, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
            assertThat(got).as("units of %s sourced", sku).isEqualTo(Math.min(ordered, sellable));
        }
    }

    static Sku sku(String s) {
        return Sku.of(s);
    }
}

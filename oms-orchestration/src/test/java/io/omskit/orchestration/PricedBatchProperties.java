package io.omskit.orchestration;

import static io.omskit.orchestration.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.Network;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.plan.PlannedFulfilment;
import io.omskit.orchestration.plan.PlannedLine;
import io.omskit.orchestration.result.BatchPlan;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rulebook.UnsourcedCost;
import io.omskit.orchestration.rulebook.UnsourcedPolicy;
import io.omskit.orchestration.rules.ShippingCost;
import io.omskit.orchestration.rules.SplitPenalty;
import io.omskit.orchestration.stock.StockSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * A wave whose rule set prices the units it leaves unsourced costs, with them, no more than first come, first served
 * by rank; no order plans fewer units than it would there, and no location gives more than it holds.
 */
class PricedBatchProperties {

    @Property(tries = 150)
    void a_priced_wave_costs_no_more_than_first_come_first_served_and_no_order_gets_less(@ForAll long seed) {
        Random r = new Random(seed);
        List<Location> locations = new ArrayList<>();
        int count = 2 + r.nextInt(5);
        for (int k = 0; k < count; k++) {
            locations.add(warehouse("W" + k, r.nextDouble() * 30));
        }
        Network network = Network.of(locations);
        StockSnapshot.Builder b = StockSnapshot.builder(network);
        Map<Sku, Map<LocationId, Integer>> held = new HashMap<>();
        for (int s = 0; s < 5; s++) {
            for (Location l : locations) {
                int q = r.nextInt(3) == 0 ? 0 : r.nextInt(4);
                if (q > 0) {
                    b.add(sku("K" + s), l.id(), q);
                    held.computeIfAbsent(sku("K" + s), x -> new HashMap<>()).put(l.id(), q);
                }
            }
        }
        StockSnapshot stock = b.build();
        List<SourcingRequest> wave = new ArrayList<>();
        int orders = 1 + r.nextInt(10);
        for (int o = 0; o < orders; o++) {
            int lines = 1 + r.nextInt(3);
            Object[] pairs = new Object[lines * 2];
            for (int l = 0; l < lines; l++) {
                pairs[2 * l] = "K" + (l + r.nextInt(2) * 2);
                pairs[2 * l + 1] = 1 + r.nextInt(2);
            }
            wave.add(SourcingRequest.of(order("o" + o, home(), pairs)).withPriority(r.nextInt(2)));
        }
        UnsourcedCost leave = UnsourcedCost.perUnit(UnsourcedPolicy.BACKORDER, 2 + r.nextInt(12));
        SourcingEngine engine = engine(network, RuleSet.builder("priced").cost(new ShippingCost(rates()))
                .cost(new SplitPenalty(r.nextInt(3))).maxShipments(1 + r.nextInt(3)).unsourcedCost(leave).build());

        List<SourcingRequest> ranked = new ArrayList<>(wave);
        ranked.sort(Comparator.<SourcingRequest>comparingInt(q -> -q.priority()).thenComparing(q -> q.demand().order()));
        BatchPlan fcfs = engine.planOneByOne(ranked, stock);
        BatchPlan together = engine.planBatch(wave, stock);

        double fcfsCost = 0;
        double togetherCost = 0;
        Map<Sku, Map<LocationId, Integer>> taken = new HashMap<>();
        for (int o = 0; o < wave.size(); o++) {
            SourcingRequest request = wave.get(o);
            SourcingPlan mine = together.plans().get(o);
            SourcingPlan first = fcfs.plans().get(ranked.indexOf(request));
            assertThat(mine.plannedUnits()).as("units of %s", request.demand().order())
                    .isGreaterThanOrEqualTo(first.plannedUnits());
            togetherCost += mine.totalCost() + leave.costOf(mine, request.demand());
            fcfsCost += first.totalCost() + leave.costOf(first, request.demand());
            for (PlannedFulfilment f : mine.fulfilments()) {
                for (PlannedLine l : f.lines()) {
                    taken.computeIfAbsent(l.sku(), x -> new HashMap<>()).merge(f.location(), l.quantity(), Integer::sum);
                }
            }
        }
        assertThat(togetherCost).isLessThanOrEqualTo(fcfsCost + 1e-6);
        taken.forEach((sku, byLocation) -> byLocation.forEach((location, q) -> assertThat(q).as("%s at %s", sku, location)
                .isLessThanOrEqualTo(held.getOrDefault(sku, Map.of()).getOrDefault(location, 0))));
    }
}

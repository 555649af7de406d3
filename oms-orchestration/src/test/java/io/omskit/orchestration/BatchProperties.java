package io.omskit.orchestration;

import static io.omskit.orchestration.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.Network;
import io.omskit.orchestration.demand.DemandLine;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.plan.PlannedFulfilment;
import io.omskit.orchestration.plan.PlannedLine;
import io.omskit.orchestration.plan.Unsourced;
import io.omskit.orchestration.result.BatchPlan;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rules.ShippingCost;
import io.omskit.orchestration.rules.SplitPenalty;
import io.omskit.orchestration.stock.StockSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Waves sourced together never take a unit twice and account for every unit of every order. */
class BatchProperties {

    private record Wave(Network network, StockSnapshot stock, Map<Sku, Map<LocationId, Integer>> units,
                        List<SourcingRequest> requests) {
    }

    private static Wave wave(long seed) {
        Random r = new Random(seed);
        List<Location> locations = new ArrayList<>();
        int count = 2 + r.nextInt(6);
        for (int k = 0; k < count; k++) {
            locations.add(r.nextBoolean() ? warehouse("W" + k, r.nextDouble() * 3) : store("S" + k, r.nextDouble() * 3));
        }
        Network network = Network.of(locations);
        StockSnapshot.Builder b = StockSnapshot.builder(network);
        Map<Sku, Map<LocationId, Integer>> units = new HashMap<>();
        for (int s = 0; s < 6; s++) {
            for (Location l : locations) {
                int q = r.nextInt(3) == 0 ? 0 : r.nextInt(4);
                if (q > 0) {
                    b.add(sku("K" + s), l.id(), q);
                    units.computeIfAbsent(sku("K" + s), x -> new HashMap<>()).put(l.id(), q);
                }
            }
        }
        List<SourcingRequest> requests = new ArrayList<>();
        int orders = 1 + r.nextInt(12);
        for (int o = 0; o < orders; o++) {
            int lines = 1 + r.nextInt(3);
            Object[] pairs = new Object[lines * 2];
            for (int l = 0; l < lines; l++) {
                pairs[2 * l] = "K" + r.nextInt(6);
                pairs[2 * l + 1] = 1 + r.nextInt(3);
            }
            requests.add(SourcingRequest.of(order("o" + o, home(), pairs)).withPriority(r.nextInt(3)));
        }
        return new Wave(network, b.build(), units, requests);
    }

    @Property(tries = 200)
    void a_wave_never_takes_more_than_a_location_holds_and_accounts_for_every_unit(@ForAll long seed) {
        Wave w = wave(seed);
        SourcingEngine engine = engine(w.network(), RuleSet.builder("r").cost(new ShippingCost(rates()))
                .cost(new SplitPenalty(2)).build());

        for (BatchPlan batch : List.of(engine.planBatch(w.requests(), w.stock()), engine.planOneByOne(w.requests(), w.stock()))) {
            Map<Sku, Map<LocationId, Integer>> taken = new HashMap<>();
            for (int o = 0; o < w.requests().size(); o++) {
                SourcingPlan plan = batch.plans().get(o);
                assertThat(plan.order()).isEqualTo(w.requests().get(o).demand().order());
                for (PlannedFulfilment f : plan.fulfilments()) {
                    for (PlannedLine l : f.lines()) {
                        taken.computeIfAbsent(l.sku(), x -> new HashMap<>()).merge(f.location(), l.quantity(), Integer::sum);
                    }
                }
                for (DemandLine line : w.requests().get(o).demand().lines()) {
                    int unsourced = plan.unsourced().stream().filter(u -> u.line().equals(line.line()))
                            .mapToInt(Unsourced::quantity).sum();
                    assertThat(plan.plannedUnits(line.line()) + unsourced).isEqualTo(line.quantity());
                }
            }
            taken.forEach((sku, byLocation) -> byLocation.forEach((location, q) ->
                    assertThat(q).as("%s at %s", sku, location)
                            .isLessThanOrEqualTo(w.units().getOrDefault(sku, Map.of()).getOrDefault(location, 0))));
        }
    }

    @Property(tries = 100)
    void a_wave_is_planned_the_same_way_twice(@ForAll long seed) {
        Wave w = wave(seed);
        SourcingEngine engine = engine(w.network(), RuleSet.builder("r").cost(new ShippingCost(rates()))
                .cost(new SplitPenalty(2)).build());

        assertThat(engine.planBatch(w.requests(), w.stock())).isEqualTo(engine.planBatch(w.requests(), w.stock()));
    }
}

package io.omskit.testkit.sourcing;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.LocationId;
import io.omskit.orchestration.SourcingEngine;
import io.omskit.orchestration.demand.DemandLine;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.plan.PlannedFulfilment;
import io.omskit.orchestration.plan.PlannedLine;
import io.omskit.orchestration.plan.Unsourced;
import io.omskit.orchestration.result.BatchPlan;
import io.omskit.orchestration.result.SourcingPlan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Batch sourcing of waves competing for scarce stock: valid plans, no unit lost, never worse than one by one. */
class BatchWaveProperties {

    @Provide
    Arbitrary<WaveInstance> waves() {
        return SourcingArbitraries.waves(7, 14);
    }

    @Property(tries = 200)
    void a_wave_never_takes_more_than_a_position_holds(@ForAll("waves") WaveInstance w) {
        BatchPlan batch = w.engine().planBatch(w.requests(), w.snapshot());

        Map<Sku, Map<LocationId, Integer>> taken = new HashMap<>();
        for (SourcingPlan plan : batch.plans()) {
            for (PlannedFulfilment f : plan.fulfilments()) {
                for (PlannedLine l : f.lines()) {
                    taken.computeIfAbsent(l.sku(), x -> new HashMap<>()).merge(f.location(), l.quantity(), Integer::sum);
                }
            }
        }
        taken.forEach((sku, byLocation) -> byLocation.forEach((location, q) ->
                assertThat(q).as("%s at %s in %s", sku, location, w).isLessThanOrEqualTo(w.unitsOf(sku, location))));
    }

    @Property(tries = 200)
    void every_unit_of_every_order_is_planned_or_reported_unsourced(@ForAll("waves") WaveInstance w) {
        BatchPlan batch = w.engine().planBatch(w.requests(), w.snapshot());

        assertThat(batch.plans()).hasSameSizeAs(w.requests());
        for (int o = 0; o < w.requests().size(); o++) {
            SourcingPlan plan = batch.plans().get(o);
            assertThat(plan.order()).isEqualTo(w.requests().get(o).demand().order());
            for (DemandLine line : w.requests().get(o).demand().lines()) {
                int unsourced = plan.unsourced().stream().filter(u -> u.line().equals(line.line()))
                        .mapToInt(Unsourced::quantity).sum();
                assertThat(plan.plannedUnits(line.line()) + unsourced).as("line %s of %s in %s", line.line(),
                        plan.order(), w).isEqualTo(line.quantity());
            }
        }
    }

    @Property(tries = 200)
    void a_wave_plans_at_least_the_units_one_by_one_plans(@ForAll("waves") WaveInstance w) {
        SourcingEngine engine = w.engine();

        BatchPlan batch = engine.planBatch(w.requests(), w.snapshot());
        BatchPlan oneByOne = engine.planOneByOne(w.requests(), w.snapshot());

        assertThat(batch.plannedUnits()).as("%s", w).isGreaterThanOrEqualTo(oneByOne.plannedUnits());
    }

    @Property(tries = 200)
    void in_rank_order_no_order_gets_fewer_units_and_the_wave_splits_no_more_than_one_by_one(
            @ForAll("waves") WaveInstance w) {
        List<SourcingRequest> ranked = new ArrayList<>(w.requests());
        ranked.sort(Comparator.<SourcingRequest>comparingInt(r -> -r.priority())
                .thenComparing(r -> r.demand().placedAt()).thenComparing(r -> r.demand().order()));
        SourcingEngine engine = w.engine();

        BatchPlan batch = engine.planBatch(ranked, w.snapshot());
        BatchPlan oneByOne = engine.planOneByOne(ranked, w.snapshot());

        for (int o = 0; o < ranked.size(); o++) {
            assertThat(batch.plans().get(o).plannedUnits()).as("order %s in %s", ranked.get(o).demand().order(), w)
                    .isGreaterThanOrEqualTo(oneByOne.plans().get(o).plannedUnits());
        }
        assertThat(batch.extraShipments()).as("%s", w).isLessThanOrEqualTo(oneByOne.extraShipments());
    }

    @Property(tries = 200)
    void filters_and_the_shipment_limit_are_respected(@ForAll("waves") WaveInstance w) {
        BatchPlan batch = w.engine().planBatch(w.requests(), w.snapshot());

        for (int o = 0; o < w.requests().size(); o++) {
            SourcingPlan plan = batch.plans().get(o);
            assertThat(plan.shipments()).isLessThanOrEqualTo(w.maxShipments());
            for (PlannedFulfilment f : plan.fulfilments()) {
                assertThat(w.excluded()).as("%s in %s", f.location(), w).doesNotContain(f.location());
                assertThat(w.distanceKm(w.requests().get(o).demand(), f.location())).as("%s in %s", f.location(), w)
                        .isLessThanOrEqualTo(w.maxDistanceKm());
            }
        }
    }

    @Property(tries = 100)
    void a_wave_is_planned_the_same_way_twice(@ForAll("waves") WaveInstance w) {
        assertThat(w.engine().planBatch(w.requests(), w.snapshot()))
                .isEqualTo(w.engine().planBatch(w.requests(), w.snapshot()));
    }
}

package io.omskit.testkit.picking;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.orchestration.picking.PickBatch;
import io.omskit.orchestration.picking.PickLine;
import io.omskit.orchestration.picking.PickList;
import io.omskit.orchestration.picking.PickRouter;
import io.omskit.orchestration.picking.PickWavePlan;
import io.omskit.orchestration.picking.PickWavePlanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class PickWaveProperties {

    @Property(tries = 50)
    void every_fulfilment_rides_one_trolley_that_is_never_overfilled_and_every_trip_is_a_sound_route(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int fulfilments,
            @ForAll @IntRange(min = 6, max = 20) int capacity, @ForAll boolean oneWay) {
        RandomPicking generated = RandomPicking.of(seed, 6, 1 + (int) Math.floorMod(seed, 2), 6, 6);
        // with one-way aisles every trip's walk is checked on the one-way graph
        RandomPicking instance = oneWay ? generated.withOneWayAisles(seed) : generated;
        Random random = new Random(seed);
        List<PickLine> catalogue = instance.pickList().lines();
        List<PickList> wave = new ArrayList<>();
        for (int f = 0; f < fulfilments; f++) {
            List<PickLine> lines = new ArrayList<>();
            int units = 0;
            for (PickLine line : catalogue) {
                if (random.nextInt(3) == 0 && units + 2 <= capacity) {
                    int quantity = 1 + random.nextInt(2);
                    lines.add(PickLine.of(line.sku(), quantity));
                    units += quantity;
                }
            }
            if (lines.isEmpty()) {
                lines.add(PickLine.of(catalogue.get(0).sku(), 1));
            }
            wave.add(new PickList(FulfilmentId.of("W" + f), lines));
        }

        PickWavePlan plan = PickWavePlanner.of(PickRouter.of(instance.slotting()), capacity).plan(wave);

        assertThat(plan.batches()).flatExtracting(PickBatch::fulfilments)
                .containsExactlyInAnyOrderElementsOf(wave.stream().map(PickList::fulfilment).toList());
        for (PickBatch batch : plan.batches()) {
            assertThat(batch.units()).isLessThanOrEqualTo(capacity);
            List<PickList> lists = wave.stream().filter(l -> batch.fulfilments().contains(l.fulfilment())).toList();
            assertThat(batch.units()).isEqualTo(lists.stream().mapToInt(PickList::units).sum());
            assertThat(RouteVerifier.problems(instance.slotting(), lists, batch.route())).isEmpty();
        }
    }
}

package io.omskit.benchmarks.packing;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.orchestration.packing.CartonisationResult;
import io.omskit.orchestration.packing.Cartoniser;
import io.omskit.orchestration.packing.PackLine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fulfilments of {@link CartonisationBenchmark}'s 1,000 of 8 units whose proof of optimality ran out of fit search
 * budget when the complete search was the last step (indices 7, 15, 39, 191, 263, 308, 434, 440, 512, 540, 550, 583,
 * 641, 665, 698, 717, 791, 833, 915, 922). Each left one or two questions "do these 7 or 8 units fit carton C8
 * (500 x 400 x 400) or C9 (600 x 400 x 400)" open, the units filling 70-90% of the carton. Seven were proved first by
 * the steps after the complete search; the other thirteen once the complete search used its symmetries and ran
 * faster with a larger budget (their fit questions: {@code EightUnitFitQuestionsTest} in the orchestration module).
 */
class HardEightUnitFulfilmentsTest {

    @Test
    void seven_of_the_twenty_are_proved_by_extreme_points_in_every_order_or_a_part_that_fits_no_way() {
        Cartoniser cartoniser = Cartoniser.of(PackingInstances.CATALOGUE, PackingInstances.TARIFF);
        List<List<PackLine>> all = PackingInstances.fulfilments(1_000, 8, 42);

        List<Integer> proved = new ArrayList<>();
        // 7 and 665: a group fits, found by extreme points in an order the three fixed ones miss; the others: a group
        // with one or two units fewer fits no way, so the group cannot fit either
        for (int i : new int[] {7, 39, 550, 583, 665, 717, 915}) {
            CartonisationResult.Packed packed = (CartonisationResult.Packed) cartoniser.pack(all.get(i));
            if (packed.provedOptimal()) {
                proved.add(i);
            }
        }

        assertThat(proved).containsExactly(7, 39, 550, 583, 665, 717, 915);
    }

    @Test
    void the_last_thirteen_are_proved_by_the_complete_search_within_its_default_budget() {
        Cartoniser cartoniser = Cartoniser.of(PackingInstances.CATALOGUE, PackingInstances.TARIFF);
        List<List<PackLine>> all = PackingInstances.fulfilments(1_000, 8, 42);
        int[] thirteen = {15, 191, 263, 308, 434, 440, 512, 540, 641, 698, 791, 833, 922};

        List<Integer> proved = new ArrayList<>();
        for (int i : thirteen) {
            CartonisationResult.Packed packed = (CartonisationResult.Packed) cartoniser.pack(all.get(i));
            if (packed.provedOptimal()) {
                proved.add(i);
            }
        }

        assertThat(proved).containsExactly(15, 191, 263, 308, 434, 440, 512, 540, 641, 698, 791, 833, 922);
    }
}

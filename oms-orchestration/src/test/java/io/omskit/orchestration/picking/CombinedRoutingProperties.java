package io.omskit.orchestration.picking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class CombinedRoutingProperties {

    private static List<Spot> randomSpots(WarehouseLayout layout, long seed, int count) {
        Random random = new Random(seed);
        List<Spot> spots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            spots.add(Spot.of(layout, BinAddress.of(1 + random.nextInt(layout.aisles()),
                    1 + random.nextInt(layout.blocks()), 1 + random.nextInt(layout.baysPerBlock()))));
        }
        return spots;
    }

    private static double[][] matrix(WarehouseLayout layout, List<Spot> spots) {
        int n = spots.size();
        double[][] d = new double[n + 1][n + 1];
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= n; j++) {
                Spot a = i == 0 ? Spot.depot(layout) : spots.get(i - 1);
                Spot b = j == 0 ? Spot.depot(layout) : spots.get(j - 1);
                d[i][j] = Spot.distance(layout, a, b);
            }
        }
        return d;
    }

    @Property(tries = 300)
    void combined_and_combined_plus_take_every_spot_once_on_a_walk_no_shorter_than_their_order(@ForAll long seed,
            @ForAll @IntRange(min = 2, max = 5) int blocks, @ForAll @IntRange(min = 1, max = 7) int aisles,
            @ForAll @IntRange(min = 0, max = 12) int picks, @ForAll @IntRange(min = 1, max = 7) int depot) {
        WarehouseLayout layout = new WarehouseLayout(aisles, blocks, 4, 1, 2.5, 1, 2, Math.min(depot, aisles));
        List<Spot> spots = randomSpots(layout, seed, picks);
        double[][] d = matrix(layout, spots);

        for (RouteHeuristics.Walk walk : List.of(RouteHeuristics.combined(layout, spots),
                RouteHeuristics.combinedPlus(layout, spots))) {
            assertThat(walk.order()).containsExactlyInAnyOrder(IntStream.range(0, picks).boxed().toArray(Integer[]::new));
            assertThat(walk.distance()).isGreaterThanOrEqualTo(LocalSearch.tourLength(d, walk.order()) - 1e-9);
        }
    }

    @Property(tries = 200)
    void combined_and_combined_plus_never_beat_the_two_block_optimum(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 7) int aisles, @ForAll @IntRange(min = 1, max = 12) int picks) {
        WarehouseLayout layout = new WarehouseLayout(aisles, 2, 5, 1, 2.5, 1, 2, 1);
        List<Spot> spots = randomSpots(layout, seed, picks);
        double optimum = MultiBlockOptimum.solve(layout, spots).distance();

        assertThat(RouteHeuristics.combined(layout, spots).distance()).isGreaterThanOrEqualTo(optimum - 1e-9);
        assertThat(RouteHeuristics.combinedPlus(layout, spots).distance()).isGreaterThanOrEqualTo(optimum - 1e-9);
    }
}

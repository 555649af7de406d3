package io.omskit.orchestration.picking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A three-block example worked by hand, step by step along the definition in
 * {@link RouteHeuristics#combinedPlus}, next to combined on the same picks.
 *
 * <p>Layout: 5 aisles 3 m apart (x = 0, 3, 6, 9, 12), 3 blocks of 4 bays of 1 m, 2 m cross aisles, so cross aisles
 * lie at y = 0, 6, 12 and 18 and bay b of block k at y = 6(k - 1) + 1 + (b - 0.5). Depot at the head of aisle 1
 * (x = 0, y = 0). A block is 6 m from cross aisle to cross aisle.
 */
class CombinedPlusWorkedExampleTest {

    private final WarehouseLayout layout = new WarehouseLayout(5, 3, 4, 1, 3, 1, 2, 1);
    // 0: aisle 1 block 1 (y 1.5); 1: aisle 1 block 3 (y 16.5); 2: aisle 2 block 3 (y 13.5);
    // 3: aisle 5 block 3 (y 16.5); 4: aisle 2 block 2 (y 8.5)
    private final List<Spot> spots = List.of(
            Spot.of(layout, BinAddress.of(1, 1, 1)),
            Spot.of(layout, BinAddress.of(1, 3, 4)),
            Spot.of(layout, BinAddress.of(2, 3, 1)),
            Spot.of(layout, BinAddress.of(5, 3, 4)),
            Spot.of(layout, BinAddress.of(2, 2, 2)));

    @Test
    void walks_up_the_leftmost_aisle_and_visits_the_farthest_block_from_its_far_end_when_that_meets_the_next_block() {
        // Up the leftmost aisle with picks (aisle 1): 0 across, 18 up to the back of block 3, taking 0 and 1 on the way.
        // Block 3, picker at x 0 on the back cross aisle; subaisles with picks left: aisle 2 (13.5), aisle 5 (16.5).
        //   Left to right (nearest first): aisle 2 walked through (6), aisle 5 entered from the front and left there
        //   (2 x 4.5 = 9); cross aisle 3 + 9, then 9 on to aisle 2, where block 2's only pick is: 3 + 6 + 9 + 9 + 9 = 36.
        //   Right to left: aisle 5 walked through (6), aisle 2 entered from the front (2 x 1.5 = 3); cross aisle 12 + 9,
        //   and the picker already stands at aisle 2: 12 + 6 + 9 + 3 + 0 = 30. Kept: right to left, although aisle 2 is
        //   the nearer end (all 30 walked in the block).
        // Block 2, picker at x 3 on its back cross aisle: aisle 2 walked through to the front, 6.
        // Block 1: nothing left (0 was taken on the way up): 6 down aisle 2 to the front; home 3 across.
        // Total 18 + 30 + 6 + 6 + 3 = 63.
        // Up the rightmost aisle with picks (aisle 5) instead: 12 across and 18 up, taking 3. Block 3 from x 12 (aisle 1
        // at 16.5, aisle 2 at 13.5): aisle 1 first, although the farther, walked through (6), then aisle 2 from the front
        // (3): 12 + 6 + 3 + 3 = 24, ending at aisle 2 where block 2's pick is; aisle 2 first: 9 + 6 + 3 + 9 = 27, plus 3
        // back to aisle 2 = 30. Block 2: aisle 2 through, 6. Block 1: 3 across to aisle 1, 6 through it, and the picker
        // is at the depot: 12 + 18 + 24 + 6 + 9 = 69. The shorter of the two, 63, is combined+'s walk.
        RouteHeuristics.Walk plus = RouteHeuristics.combinedPlus(layout, spots);

        assertThat(plus.distance()).isCloseTo(63, within(1e-9));
        assertThat(plus.order()).containsExactly(0, 1, 3, 2, 4);
    }

    @Test
    void combined_starts_each_block_at_the_nearer_end_and_walks_six_metres_further_here() {
        // Same way up (aisle 1, 18). Block 3 from x 0: aisle 2 is nearer, so left to right: 3 + 6 + 9 + 9 = 27, ending at
        // x 12; block 2: 9 across to aisle 2 and 6 through it; block 1: 6 down, home 3: 18 + 27 + 15 + 6 + 3 = 69.
        RouteHeuristics.Walk combined = RouteHeuristics.combined(layout, spots);

        assertThat(combined.distance()).isCloseTo(69, within(1e-9));
        assertThat(combined.order()).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void neither_walk_beats_the_shortest_route_or_is_shorter_than_its_own_order() {
        double optimum = MultiBlockOptimum.solve(layout, spots).distance();
        double[][] d = new double[spots.size() + 1][spots.size() + 1];
        for (int i = 0; i <= spots.size(); i++) {
            for (int j = 0; j <= spots.size(); j++) {
                d[i][j] = Spot.distance(layout, i == 0 ? Spot.depot(layout) : spots.get(i - 1),
                        j == 0 ? Spot.depot(layout) : spots.get(j - 1));
            }
        }

        for (RouteHeuristics.Walk walk : List.of(RouteHeuristics.combinedPlus(layout, spots),
                RouteHeuristics.combined(layout, spots))) {
            assertThat(walk.distance()).isGreaterThanOrEqualTo(optimum - 1e-9)
                    .isGreaterThanOrEqualTo(LocalSearch.tourLength(d, walk.order()) - 1e-9);
        }
    }
}

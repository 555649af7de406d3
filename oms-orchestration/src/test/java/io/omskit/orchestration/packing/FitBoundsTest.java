package io.omskit.orchestration.packing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FitBoundsTest {

    // 100 x 80 x 40 carton; a 60 x 45 x 35 box only fits lying flat and is longer than 40 across the 80 mm side
    private final int[] flatCarton = {100, 80, 40};
    private final int[] flatBox = {60, 45, 35};

    @Test
    void three_boxes_that_fit_by_volume_and_in_pairs_are_refused_without_searching_when_the_middle_plane_is_too_small() {
        int[][] three = {flatBox, flatBox, flatBox};

        assertThat(Fit.pairFits(flatCarton, flatBox, flatBox)).isTrue();
        assertThat(3 * Fit.volume(flatBox)).isLessThan(Fit.volume(flatCarton));
        assertThat(Fit.middlePlanesHoldLongBoxes(flatCarton, three)).isFalse();
        // a budget of 0 would give up at the first placement: the refusal comes from the bound
        assertThat(catchUndecided(() -> Fit.exhaustive(flatCarton, three, 0))).isNull();
    }

    @Test
    void two_such_boxes_pass_the_bound_and_are_placed() throws Fit.Undecided {
        int[][] two = {flatBox, flatBox};

        assertThat(Fit.middlePlanesHoldLongBoxes(flatCarton, two)).isTrue();
        assertThat(Fit.exhaustive(flatCarton, two, 10_000)).isNotNull();
    }

    @Test
    void cubes_that_fit_by_volume_are_refused_without_searching_when_their_sides_cannot_add_up_to_the_carton() {
        // 37 cubes of 30 mm fill 99.9% of a 100 mm cube, but side by side they reach 90 mm at most: 729,000 mm3
        int[][] cubes = new int[37][];
        java.util.Arrays.fill(cubes, new int[] {30, 30, 30});
        int[] cube = {100, 100, 100};

        assertThat(Fit.usableExtents(cube, cubes)).containsExactly(90, 90, 90);
        assertThat(catchUndecided(() -> Fit.exhaustive(cube, cubes, 0))).isNull();
    }

    @Test
    void mixed_sides_can_reach_the_full_carton() {
        assertThat(Fit.usableExtents(new int[] {100, 80, 40}, new int[][] {{60, 45, 35}, {40, 20, 5}}))
                .containsExactly(100, 80, 40);
    }

    // a 500 x 350 x 250 carton; two kettles, a folded hoodie, a book and two candles take 77% of it
    private final int[] cartonC7 = {500, 350, 250};
    private final int[][] kettlesAndMore = {{250, 200, 240}, {250, 200, 240}, {350, 300, 60}, {240, 160, 35},
        {90, 90, 120}, {90, 90, 120}};

    @Test
    void dual_feasible_functions_refuse_boxes_that_pass_every_simpler_bound() {
        long volume = 0;
        for (int[] b : kettlesAndMore) {
            volume += Fit.volume(b);
        }
        assertThat(volume).isLessThan(Fit.volume(Fit.usableExtents(cartonC7, kettlesAndMore)));
        assertThat(Fit.middlePlanesHoldLongBoxes(cartonC7, kettlesAndMore)).isTrue();
        for (int i = 0; i < kettlesAndMore.length; i++) {
            for (int j = i + 1; j < kettlesAndMore.length; j++) {
                assertThat(Fit.pairFits(cartonC7, kettlesAndMore[i], kettlesAndMore[j])).isTrue();
            }
        }

        assertThat(Fit.dualFeasibleRefutes(cartonC7, kettlesAndMore)).isTrue();
        assertThat(catchUndecided(() -> Fit.exhaustive(cartonC7, kettlesAndMore, 0))).isNull();
    }

    @Test
    void dual_feasible_functions_do_not_refuse_the_same_boxes_without_a_kettle_which_are_placed() {
        int[][] oneKettle = java.util.Arrays.copyOfRange(kettlesAndMore, 1, kettlesAndMore.length);

        assertThat(Fit.dualFeasibleRefutes(cartonC7, oneKettle)).isFalse();
        assertThat(Fit.extremePointsAnyWayRound(cartonC7, oneKettle)).isNotNull();
    }

    @Test
    void dual_feasible_functions_do_not_refuse_boxes_that_fill_the_carton_exactly() {
        // eight 50 x 40 x 30 boxes are a 100 x 80 x 60 carton cut in half along each axis
        int[][] eighths = new int[8][];
        java.util.Arrays.fill(eighths, new int[] {30, 50, 40});

        assertThat(Fit.dualFeasibleRefutes(new int[] {100, 80, 60}, eighths)).isFalse();
        assertThat(Fit.dualFeasibleRefutes(new int[] {100, 80, 59}, eighths)).isTrue();
    }

    // the same carton; a book, a kettle, a toaster, shoes, a mug and a candle take 88% of it
    private final int[][] appliancesAndMore = {{250, 200, 240}, {320, 200, 220}, {340, 210, 120}, {120, 120, 110},
        {240, 160, 35}, {90, 90, 120}};

    @Test
    void the_largest_units_fitting_no_way_refuse_the_group_where_the_bounds_do_not() {
        assertThat(Fit.dualFeasibleRefutes(cartonC7, appliancesAndMore)).isFalse();
        assertThat(Fit.middlePlanesHoldLongBoxes(cartonC7, appliancesAndMore)).isTrue();

        assertThat(Fit.largestCannotFit(cartonC7, appliancesAndMore, Fit.PART_BUDGET)).isTrue();
    }

    @Test
    void the_largest_units_do_not_refuse_a_group_that_fits() {
        int[][] withoutToaster = {{250, 200, 240}, {340, 210, 120}, {120, 120, 110}, {240, 160, 35}, {90, 90, 120}};

        assertThat(Fit.largestCannotFit(cartonC7, withoutToaster, Fit.PART_BUDGET)).isFalse();
        assertThat(Fit.extremePointsAnyWayRound(cartonC7, withoutToaster)).isNotNull();
    }

    @Test
    void the_search_over_every_packing_fills_a_tray_with_a_pinwheel_and_refuses_two_squares_too_wide() throws Fit.Undecided {
        // four 60 x 40 boards round a 20 x 20 hole fill a 100 x 100 tray exactly: only a pinwheel does it
        int[] tray = {100, 100, 10};
        int[][] pinwheel = {{60, 40, 10}, {60, 40, 10}, {60, 40, 10}, {60, 40, 10}, {20, 20, 10}};

        assertThat(Fit.everyPacking(tray, pinwheel, 100_000)).isNotNull();
        // two 60 x 60 squares take 72% of the tray but do not fit side by side either way
        assertThat(Fit.everyPacking(tray, new int[][] {{60, 60, 10}, {60, 60, 10}}, 100_000)).isNull();
    }

    private interface Search {
        int[][] run() throws Fit.Undecided;
    }

    private static int[][] catchUndecided(Search search) {
        try {
            return search.run();
        } catch (Fit.Undecided e) {
            throw new AssertionError("the search gave up instead of being cut short by the bound", e);
        }
    }
}

package io.omskit.orchestration.packing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link Fit#exhaustive} decides over every packing: it agrees with a brute force over every unit-grid position,
 * never refuses boxes that a carton was cut into, and settles the groups of the benchmark catalogue that the loader
 * search could not.
 */
class ExactFitTest {

    @Property(tries = 200)
    void agrees_with_a_brute_force_over_every_grid_position(@ForAll long seed,
                                                            @ForAll @IntRange(min = 2, max = 6) int count) throws Fit.Undecided {
        Random random = new Random(seed);
        int[] container = {2 + random.nextInt(3), 2 + random.nextInt(3), 2 + random.nextInt(3)};
        int[][] boxes = new int[count][];
        for (int i = 0; i < count; i++) {
            boxes[i] = new int[] {1 + random.nextInt(3), 1 + random.nextInt(3), 1 + random.nextInt(2)};
        }

        int[][] places = Fit.exhaustive(container, boxes, 5_000_000);

        assertThat(places != null).as("fits %s in %s", java.util.Arrays.deepToString(boxes),
                java.util.Arrays.toString(container)).isEqualTo(GridBruteForce.fits(container, boxes));
        if (places != null) {
            FitBoundProperties.assertPlacedInside(container, boxes, places);
        }
    }

    @Property(tries = 200)
    void the_search_by_pairs_alone_agrees_with_the_brute_force(@ForAll long seed,
                                                               @ForAll @IntRange(min = 2, max = 6) int count) throws Fit.Undecided {
        Random random = new Random(seed);
        int[] container = {2 + random.nextInt(3), 2 + random.nextInt(3), 2 + random.nextInt(3)};
        int[][] boxes = new int[count][];
        for (int i = 0; i < count; i++) {
            boxes[i] = new int[] {1 + random.nextInt(3), 1 + random.nextInt(3), 1 + random.nextInt(2)};
        }

        int[][] places = Fit.everyPacking(container, boxes, 5_000_000);

        assertThat(places != null).as("fits %s in %s", java.util.Arrays.deepToString(boxes),
                java.util.Arrays.toString(container)).isEqualTo(GridBruteForce.fits(container, boxes));
        if (places != null) {
            FitBoundProperties.assertPlacedInside(container, boxes, places);
        }
    }

    @Property(tries = 100)
    void never_refuses_boxes_cut_from_the_carton(@ForAll long seed, @ForAll @IntRange(min = 1, max = 7) int cuts)
            throws Fit.Undecided {
        Random random = new Random(seed);
        int[] carton = {20 + random.nextInt(200), 20 + random.nextInt(200), 20 + random.nextInt(200)};
        List<int[]> pieces = FitBoundProperties.guillotine(carton, cuts, random);
        Collections.shuffle(pieces, random);
        int[][] boxes = FitBoundProperties.turnedAtRandom(pieces, random);

        int[][] places = Fit.exhaustive(carton, boxes, 5_000_000);

        assertThat(places).as("a packing of %d boxes that fill the carton exactly", boxes.length).isNotNull();
        FitBoundProperties.assertPlacedInside(carton, boxes, places);
    }

    @Property(tries = 150)
    void extreme_points_in_every_order_place_boxes_only_where_they_fit(@ForAll long seed,
                                                                      @ForAll @IntRange(min = 2, max = 6) int count) {
        Random random = new Random(seed);
        int[] container = {2 + random.nextInt(3), 2 + random.nextInt(3), 2 + random.nextInt(3)};
        int[][] boxes = new int[count][];
        for (int i = 0; i < count; i++) {
            boxes[i] = new int[] {1 + random.nextInt(3), 1 + random.nextInt(3), 1 + random.nextInt(2)};
        }

        int[][] places = Fit.extremePointsEveryOrder(container, boxes, Fit.EVERY_ORDER_LIMIT);

        if (places != null) {
            FitBoundProperties.assertPlacedInside(container, boxes, places);
            assertThat(GridBruteForce.fits(container, boxes)).isTrue();
        }
        // one order is among those tried, so whatever the three fixed orders place, every order places too
        if (Fit.extremePoints(container, boxes) != null) {
            assertThat(places).isNotNull();
        }
    }

    @Property(tries = 150)
    void refutes_boxes_by_a_part_only_when_they_fit_no_way(@ForAll long seed,
                                                           @ForAll @IntRange(min = 3, max = 6) int count) {
        Random random = new Random(seed);
        int[] container = {2 + random.nextInt(3), 2 + random.nextInt(3), 2 + random.nextInt(3)};
        int[][] boxes = new int[count][];
        for (int i = 0; i < count; i++) {
            boxes[i] = new int[] {1 + random.nextInt(3), 1 + random.nextInt(3), 1 + random.nextInt(2)};
        }

        if (Fit.partCannotFit(container, boxes, 5_000_000, 2)) {
            assertThat(GridBruteForce.fits(container, boxes)).as("fits %s in %s",
                    java.util.Arrays.deepToString(boxes), java.util.Arrays.toString(container)).isFalse();
        }
    }

    @Example
    void settles_by_a_smaller_part_a_group_the_complete_search_cannot_refute_within_its_budget() throws Fit.Undecided {
        // four toasters, two T-shirts and two candles in carton C8 of the benchmark: 76% of its volume
        int[] c8 = {500, 400, 400};
        int[] toaster = {320, 200, 220};
        int[] tshirt = {300, 220, 20};
        int[] candle = {90, 90, 120};
        int[][] group = {toaster, toaster, toaster, toaster, tshirt, tshirt, candle, candle};
        // the search by pairs alone refutes it after some 160,000 orders of pairs; a part needs far fewer
        int budget = 100_000;

        assertThatThrownBy(() -> Fit.everyPacking(c8, group, budget)).isInstanceOf(Fit.Undecided.class);
        assertThat(Fit.partCannotFit(c8, group, Fit.PART_BUDGET, 2)).isTrue();
        assertThat(Fit.exhaustive(c8, group, budget)).isNull();
    }

    @Example
    void finds_the_pinwheel_no_loader_builds() throws Fit.Undecided {
        // four 60 x 40 boards round a 20 x 20 hole fill a 100 x 100 tray exactly: only a pinwheel does it
        int[] tray = {100, 100, 10};
        int[][] pinwheel = {{60, 40, 10}, {60, 40, 10}, {60, 40, 10}, {60, 40, 10}, {20, 20, 10}};

        int[][] places = Fit.exhaustive(tray, pinwheel, Cartoniser.DEFAULT_FIT_SEARCH_BUDGET);

        assertThat(places).isNotNull();
        FitBoundProperties.assertPlacedInside(tray, pinwheel, places);
    }

    @Example
    void settles_the_groups_that_left_eight_unit_fulfilments_unproved() throws Fit.Undecided {
        // groups of the benchmark catalogue that filled 70-95% of a carton and beat the old loader-only search
        int[] c5 = {400, 300, 200};
        int[] c3 = {310, 230, 150};
        int[] c6 = {400, 300, 300};
        int[] toaster = {340, 210, 120};
        int[] hoodie = {350, 300, 60};
        int[] jeans = {350, 280, 50};
        int[] book = {240, 160, 35};
        int[] tshirt = {300, 220, 20};
        int[] candle = {90, 90, 120};
        int[] mug = {120, 120, 110};
        int[] kettle = {250, 200, 240};
        int budget = Cartoniser.DEFAULT_FIT_SEARCH_BUDGET;

        assertThat(Fit.exhaustive(c5, new int[][] {toaster, hoodie, book, book, book}, budget)).isNull();
        assertThat(Fit.exhaustive(c5, new int[][] {toaster, jeans, book, book, candle}, budget)).isNull();
        assertThat(Fit.exhaustive(c3, new int[][] {book, book, tshirt, candle, candle}, budget)).isNull();
        assertThat(Fit.exhaustive(c6, new int[][] {kettle, kettle, jeans, candle, candle}, budget)).isNull();
        assertThat(Fit.exhaustive(c6, new int[][] {toaster, hoodie, jeans, mug, mug}, budget)).isNull();
        assertThat(Fit.exhaustive(c3, new int[][] {mug, mug, tshirt, tshirt, tshirt, candle, candle, candle},
                5_000_000)).isNull();
    }

    /** Every unit-grid packing, boxes placed at the first empty cell (z, then y, then x) or that cell left empty. */
    static final class GridBruteForce {
        private final int[] container;
        private final int[][] boxes;
        private final long slack;

        private GridBruteForce(int[] container, int[][] boxes) {
            this.container = container;
            this.boxes = boxes;
            long volume = (long) container[0] * container[1] * container[2];
            for (int[] b : boxes) {
                volume -= (long) b[0] * b[1] * b[2];
            }
            this.slack = volume;
        }

        static boolean fits(int[] container, int[][] boxes) {
            GridBruteForce search = new GridBruteForce(container, boxes);
            return search.slack >= 0 && search.fill(0L, 0, new boolean[boxes.length], 0);
        }

        private boolean fill(long occupied, int from, boolean[] used, int emptied) {
            int cells = container[0] * container[1] * container[2];
            int cell = from;
            while (cell < cells && (occupied & (1L << cell)) != 0) {
                cell++;
            }
            boolean all = true;
            for (boolean u : used) {
                all &= u;
            }
            if (all) {
                return true;
            }
            if (cell == cells) {
                return false;
            }
            int x = cell % container[0];
            int y = cell / container[0] % container[1];
            int z = cell / (container[0] * container[1]);
            for (int i = 0; i < boxes.length; i++) {
                if (used[i]) {
                    continue;
                }
                for (int o = 0; o < 6; o++) {
                    int[] e = Fit.turned(boxes[i], o);
                    long mask = mask(x, y, z, e);
                    if (mask != 0 && (mask & occupied) == 0) {
                        used[i] = true;
                        if (fill(occupied | mask, cell + 1, used, emptied)) {
                            return true;
                        }
                        used[i] = false;
                    }
                }
            }
            return emptied < slack && fill(occupied | (1L << cell), cell + 1, used, emptied + 1);
        }

        /** The cells a box of extents {@code e} with its corner at x, y, z covers; 0 when it sticks out. */
        private long mask(int x, int y, int z, int[] e) {
            if (x + e[0] > container[0] || y + e[1] > container[1] || z + e[2] > container[2]) {
                return 0;
            }
            long mask = 0;
            for (int dz = 0; dz < e[2]; dz++) {
                for (int dy = 0; dy < e[1]; dy++) {
                    for (int dx = 0; dx < e[0]; dx++) {
                        mask |= 1L << (x + dx + container[0] * (y + dy + container[1] * (z + dz)));
                    }
                }
            }
            return mask;
        }
    }
}

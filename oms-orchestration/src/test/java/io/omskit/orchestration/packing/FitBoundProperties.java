package io.omskit.orchestration.packing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The no-fit bounds never refuse boxes that a placement shows to fit. */
class FitBoundProperties {

    @Property(tries = 100)
    void no_bound_refuses_boxes_cut_from_the_carton(@ForAll long seed, @ForAll @IntRange(min = 1, max = 7) int cuts,
                                                    @ForAll @IntRange(min = 0, max = 3) int dropped) {
        Random random = new Random(seed);
        int[] carton = {20 + random.nextInt(100), 20 + random.nextInt(100), 20 + random.nextInt(100)};
        List<int[]> pieces = guillotine(carton, cuts, random);
        Collections.shuffle(pieces, random);
        int[][] boxes = turnedAtRandom(pieces.subList(0, Math.max(1, pieces.size() - dropped)), random);

        assertNoBoundRefuses(carton, boxes);
    }

    @Property(tries = 100)
    void the_search_over_every_packing_never_refuses_boxes_cut_from_the_carton(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 6) int cuts) {
        Random random = new Random(seed);
        int[] carton = {10 + random.nextInt(60), 10 + random.nextInt(60), 10 + random.nextInt(60)};
        List<int[]> pieces = guillotine(carton, cuts, random);
        int[][] boxes = turnedAtRandom(pieces, random);

        int[][] places;
        try {
            places = Fit.everyPacking(carton, boxes, 50_000);
        } catch (Fit.Undecided e) {
            places = null;
            Assume.that(false);
        }
        assertThat(places).as("a packing of boxes that fill the carton exactly").isNotNull();
        assertPlacedInside(carton, boxes, places);
    }

    @Property(tries = 100)
    void no_bound_refuses_boxes_that_the_search_places(@ForAll long seed,
                                                       @ForAll @IntRange(min = 2, max = 6) int count) throws Fit.Undecided {
        Random random = new Random(seed);
        int[] carton = {30 + random.nextInt(90), 30 + random.nextInt(90), 30 + random.nextInt(90)};
        int[][] boxes = new int[count][];
        for (int i = 0; i < count; i++) {
            boxes[i] = new int[] {5 + random.nextInt(carton[0]), 5 + random.nextInt(carton[1]), 5 + random.nextInt(carton[2] / 2 + 1)};
        }
        int[][] places = Fit.extremePointsAnyWayRound(carton, boxes);
        if (places == null) {
            places = searchOrNull(carton, boxes);
        }
        Assume.that(places != null);
        assertPlacedInside(carton, boxes, places);

        assertNoBoundRefuses(carton, boxes);
    }

    private static int[][] searchOrNull(int[] carton, int[][] boxes) {
        try {
            return Fit.exhaustive(carton, boxes, 20_000);
        } catch (Fit.Undecided e) {
            return null;
        }
    }

    private static void assertNoBoundRefuses(int[] carton, int[][] boxes) {
        long volume = 0;
        for (int[] b : boxes) {
            volume += Fit.volume(b);
        }
        assertThat(Fit.dualFeasibleRefutes(carton, boxes)).as("dual feasible functions refute").isFalse();
        assertThat(Fit.largestCannotFit(carton, boxes, 2_000)).as("the largest boxes fit no way").isFalse();
        assertThat(Fit.middlePlanesHoldLongBoxes(carton, boxes)).as("middle planes hold the long boxes").isTrue();
        assertThat(Fit.volume(Fit.usableExtents(carton, boxes))).as("usable volume").isGreaterThanOrEqualTo(volume);
        for (int i = 0; i < boxes.length; i++) {
            for (int j = i + 1; j < boxes.length; j++) {
                assertThat(Fit.pairFits(carton, boxes[i], boxes[j])).as("pair %d, %d fits", i, j).isTrue();
            }
        }
    }

    static void assertPlacedInside(int[] carton, int[][] boxes, int[][] places) {
        int[][] extents = new int[boxes.length][];
        for (int i = 0; i < boxes.length; i++) {
            extents[i] = Fit.turned(boxes[i], places[i][3]);
            for (int k = 0; k < 3; k++) {
                assertThat(places[i][k]).isNotNegative();
                assertThat(places[i][k] + extents[i][k]).isLessThanOrEqualTo(carton[k]);
            }
            for (int j = 0; j < i; j++) {
                boolean apart = false;
                for (int k = 0; k < 3; k++) {
                    apart |= places[i][k] + extents[i][k] <= places[j][k] || places[j][k] + extents[j][k] <= places[i][k];
                }
                assertThat(apart).as("boxes %d and %d apart", i, j).isTrue();
            }
        }
    }

    /** The carton cut {@code cuts} times, each time one piece across one axis: the pieces fill it exactly. */
    static List<int[]> guillotine(int[] carton, int cuts, Random random) {
        List<int[]> pieces = new ArrayList<>(List.of(carton.clone()));
        for (int c = 0; c < cuts; c++) {
            int[] piece = pieces.get(random.nextInt(pieces.size()));
            int axis = random.nextInt(3);
            if (piece[axis] < 2) {
                continue;
            }
            int at = 1 + random.nextInt(piece[axis] - 1);
            int[] other = piece.clone();
            other[axis] = piece[axis] - at;
            piece[axis] = at;
            pieces.add(other);
        }
        return pieces;
    }

    static int[][] turnedAtRandom(List<int[]> pieces, Random random) {
        int[][] out = new int[pieces.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = Fit.turned(pieces.get(i), random.nextInt(6));
        }
        return out;
    }
}

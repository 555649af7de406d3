package io.omskit.orchestration.packing;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.orchestration.packing.ExactFitTest.GridBruteForce;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The complete search by pairs leaves out packings that are a turn, a mirror image or a relabelling of twins of one it
 * keeps. These instances are made to use those rules most (containers with two or three equal sides, a few kinds of
 * box, so many twins, and enough boxes that every axis is ordered before the last twins come), and the search must
 * still agree with a brute force over every grid position: it never refuses boxes that fit.
 */
class FitSymmetryProperties {

    @Property(tries = 200)
    void the_search_by_pairs_agrees_with_the_brute_force_in_containers_with_equal_sides(@ForAll long seed,
            @ForAll @IntRange(min = 3, max = 7) int count, @ForAll @IntRange(min = 1, max = 3) int kinds)
            throws Fit.Undecided {
        Random random = new Random(seed);
        int[][] boxes = twins(random, count, kinds);
        int[] container = equalSided(random);

        int[][] places = Fit.everyPacking(container, boxes, 5_000_000);

        assertThat(places != null).as("fits %s in %s", Arrays.deepToString(boxes), Arrays.toString(container))
                .isEqualTo(GridBruteForce.fits(container, boxes));
        if (places != null) {
            FitBoundProperties.assertPlacedInside(container, boxes, places);
        }
    }

    @Property(tries = 150)
    void a_container_turned_another_way_holds_the_same_boxes(@ForAll long seed,
            @ForAll @IntRange(min = 4, max = 8) int count, @ForAll @IntRange(min = 1, max = 3) int kinds) {
        // larger than the brute force can check: the search in the container turned six ways must agree with itself
        Random random = new Random(seed);
        int[][] kind = new int[kinds][];
        for (int k = 0; k < kinds; k++) {
            kind[k] = new int[] {2 + random.nextInt(5), 2 + random.nextInt(5), 1 + random.nextInt(4)};
        }
        int[][] boxes = new int[count][];
        for (int i = 0; i < count; i++) {
            boxes[i] = kind[random.nextInt(kinds)];
        }
        int equal = 5 + random.nextInt(5);
        int[] container = {5 + random.nextInt(5), equal, equal};

        Boolean first = null;
        for (int turn = 0; turn < 6; turn++) {
            int[] turned = Fit.turned(container, turn);
            int[][] places;
            try {
                places = Fit.everyPacking(turned, boxes, 200_000);
            } catch (Fit.Undecided e) {
                continue;
            }
            if (places != null) {
                FitBoundProperties.assertPlacedInside(turned, boxes, places);
            }
            if (first == null) {
                first = places != null;
            }
            assertThat(places != null).as("fits %s in %s as in %s", Arrays.deepToString(boxes),
                    Arrays.toString(turned), Arrays.toString(container)).isEqualTo(first);
        }
    }

    @Example
    void six_flat_twins_fill_a_cube_though_no_axis_is_ordered_before_the_twins_come() throws Fit.Undecided {
        // every box is a twin of the first: relabelling them before the mirror symmetry is used up would refuse this
        int[] cube = {3, 3, 3};
        int[] flat = {2, 2, 1};
        int[][] six = {flat, flat, flat, flat, flat, flat};

        int[][] places = Fit.everyPacking(cube, six, 5_000_000);

        assertThat(places).isNotNull();
        FitBoundProperties.assertPlacedInside(cube, six, places);
    }

    @Example
    void four_twins_round_a_hole_fit_a_carton_with_two_equal_sides() throws Fit.Undecided {
        // a pinwheel: two twins lie one way, two the other; turning only the first box to the equal sides would lose it
        int[] carton = {3, 3, 2};
        int[] board = {1, 2, 2};
        int[][] four = {board, board, board, board};

        int[][] places = Fit.everyPacking(carton, four, 5_000_000);

        assertThat(places).isNotNull();
        FitBoundProperties.assertPlacedInside(carton, four, places);
    }

    /** {@code count} boxes of 1 to {@code kinds} sizes, sides 1 to 3. */
    private static int[][] twins(Random random, int count, int kinds) {
        int[][] kind = new int[kinds][];
        for (int k = 0; k < kinds; k++) {
            kind[k] = new int[] {1 + random.nextInt(3), 1 + random.nextInt(3), 1 + random.nextInt(2)};
        }
        int[][] boxes = new int[count][];
        for (int i = 0; i < count; i++) {
            int[] size = kind[random.nextInt(kinds)];
            // mostly the same size, so twins; now and then the same box given turned, so not a twin to the search
            boxes[i] = random.nextInt(4) == 0 ? Fit.turned(size, random.nextInt(6)) : size;
        }
        return boxes;
    }

    /** A container of at most 64 cells with two or three equal sides, the odd side along a random axis. */
    private static int[] equalSided(Random random) {
        int equal = 2 + random.nextInt(3);
        int odd = 2 + random.nextInt(3);
        int[] container = {equal, equal, equal};
        container[random.nextInt(3)] = odd;
        return container;
    }
}

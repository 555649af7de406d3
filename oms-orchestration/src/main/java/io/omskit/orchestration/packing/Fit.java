package io.omskit.orchestration.packing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Does a set of boxes fit in a container? Boxes are given as int[3] sizes; an answer is one int[4] per box,
 * {x, y, z, orientation ordinal}, in the boxes' order.
 */
final class Fit {

    private Fit() {
    }

    /** The six ways to turn a box, as permutations of its sides (in {@link Orientation} order). */
    private static final int[][] TURNS = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};

    static int[] turned(int[] size, int orientation) {
        int[] t = TURNS[orientation];
        return new int[] {size[t[0]], size[t[1]], size[t[2]]};
    }

    /** Orientation ordinals giving distinct extents (a cube has one). */
    static int[] distinctTurns(int[] size) {
        int[] out = new int[6];
        int n = 0;
        outer:
        for (int o = 0; o < 6; o++) {
            int[] e = turned(size, o);
            for (int k = 0; k < n; k++) {
                if (Arrays.equals(e, turned(size, out[k]))) {
                    continue outer;
                }
            }
            out[n++] = o;
        }
        return Arrays.copyOf(out, n);
    }

    /** Whether one box fits the container alone, turned some way. */
    static boolean fitsAlone(int[] container, int[] size) {
        int[] c = container.clone();
        int[] s = size.clone();
        Arrays.sort(c);
        Arrays.sort(s);
        return s[0] <= c[0] && s[1] <= c[1] && s[2] <= c[2];
    }

    /**
     * Extreme-point packing, one box after another: each box goes to the lowest, then frontmost, then leftmost free
     * corner point where it fits in any orientation. Fast; may miss a fit.
     */
    static final class ExtremePoints {
        private final int[] container;
        private final List<int[]> points = new ArrayList<>();
        private final List<int[]> boxes = new ArrayList<>(); // x, y, z, ex, ey, ez, orientation

        ExtremePoints(int[] container) {
            this.container = container;
            points.add(new int[] {0, 0, 0});
        }

        /** Places a box if it fits anywhere; its position, or null (nothing changes). */
        int[] place(int[] size) {
            int[] turns = distinctTurns(size);
            for (int[] p : points) {
                for (int o : turns) {
                    int[] e = turned(size, o);
                    if (p[0] + e[0] <= container[0] && p[1] + e[1] <= container[1] && p[2] + e[2] <= container[2]
                            && free(p[0], p[1], p[2], e)) {
                        boxes.add(new int[] {p[0], p[1], p[2], e[0], e[1], e[2], o});
                        addPoint(p[0] + e[0], p[1], p[2]);
                        addPoint(p[0], p[1] + e[1], p[2]);
                        addPoint(p[0], p[1], p[2] + e[2]);
                        return new int[] {p[0], p[1], p[2], o};
                    }
                }
            }
            return null;
        }

        private void addPoint(int x, int y, int z) {
            if (x >= container[0] || y >= container[1] || z >= container[2]) {
                return;
            }
            int at = 0;
            while (at < points.size()) {
                int[] q = points.get(at);
                int c = q[2] != z ? Integer.compare(q[2], z) : q[1] != y ? Integer.compare(q[1], y)
                        : Integer.compare(q[0], x);
                if (c == 0) {
                    return;
                }
                if (c > 0) {
                    break;
                }
                at++;
            }
            points.add(at, new int[] {x, y, z});
        }

        private boolean free(int x, int y, int z, int[] e) {
            for (int[] b : boxes) {
                if (x < b[0] + b[3] && b[0] < x + e[0] && y < b[1] + b[4] && b[1] < y + e[1]
                        && z < b[2] + b[5] && b[2] < z + e[2]) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * All boxes by extreme points, trying three orders in turn (largest volume, longest side, largest face first);
     * null when none of them fits every box.
     */
    static int[][] extremePoints(int[] container, int[][] sizes) {
        int[][] out = extremePoints(container, sizes, byVolumeDescending(sizes));
        if (out == null && sizes.length > 1) {
            out = extremePoints(container, sizes, byDescending(sizes, s -> Math.max(s[0], Math.max(s[1], s[2]))));
        }
        if (out == null && sizes.length > 1) {
            out = extremePoints(container, sizes, byDescending(sizes, Fit::largestFace));
        }
        return out;
    }

    /**
     * As {@link #extremePoints(int[], int[][])}, then, when that fails, the same with the container turned each other
     * way (which changes which corner points are preferred), the answer turned back; null when none fits every box.
     */
    static int[][] extremePointsAnyWayRound(int[] container, int[][] sizes) {
        int[][] out = extremePoints(container, sizes);
        for (int turn = 1; out == null && turn < 6 && sizes.length > 1; turn++) {
            int[][] placed = extremePoints(turned(container, turn), sizes);
            if (placed != null) {
                out = turnedBack(sizes, placed, turn);
            }
        }
        return out;
    }

    /** Placements made in the container turned by {@code turn}, given in the container as it is. */
    private static int[][] turnedBack(int[][] sizes, int[][] placed, int turn) {
        int[] axes = TURNS[turn];
        int[][] out = new int[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            int[] extents = turned(sizes[i], placed[i][3]);
            int[] at = new int[3];
            int[] e = new int[3];
            for (int k = 0; k < 3; k++) {
                at[axes[k]] = placed[i][k];
                e[axes[k]] = extents[k];
            }
            out[i] = new int[] {at[0], at[1], at[2], orientationGiving(sizes[i], e)};
        }
        return out;
    }

    /**
     * Extreme points in every order of the boxes that differs by more than swapping identical boxes (at most
     * {@code maxOrders} orders, largest volume first in lexicographic order), each with the container turned each of
     * six ways; the first packing found, or null. Finds packings the three fixed orders miss, at up to
     * {@code 6 * maxOrders} extreme-point runs.
     */
    static int[][] extremePointsEveryOrder(int[] container, int[][] sizes, int maxOrders) {
        Integer[] byVolume = byVolumeDescending(sizes);
        int[] kind = new int[sizes.length];
        int[] first = new int[sizes.length];
        int kinds = 0;
        for (int r = 0; r < sizes.length; r++) {
            int same = -1;
            for (int q = 0; q < r && same < 0; q++) {
                if (Arrays.equals(sizes[byVolume[q]], sizes[byVolume[r]])) {
                    same = kind[q];
                }
            }
            kind[r] = same >= 0 ? same : kinds++;
        }
        // kind by rank; each kind's boxes in rank order, handed out in turn as the kind recurs in an order
        List<List<Integer>> members = new ArrayList<>();
        for (int k = 0; k < kinds; k++) {
            members.add(new ArrayList<>());
        }
        for (int r = 0; r < sizes.length; r++) {
            members.get(kind[r]).add(byVolume[r]);
        }
        int[] sequence = kind.clone();
        Arrays.sort(sequence);
        Integer[] order = new Integer[sizes.length];
        for (int tried = 0; tried < maxOrders; tried++) {
            Arrays.fill(first, 0);
            for (int p = 0; p < sequence.length; p++) {
                order[p] = members.get(sequence[p]).get(first[sequence[p]]++);
            }
            for (int turn = 0; turn < 6; turn++) {
                int[][] placed = extremePoints(turned(container, turn), sizes, order);
                if (placed != null) {
                    return turnedBack(sizes, placed, turn);
                }
            }
            if (!nextPermutation(sequence)) {
                return null;
            }
        }
        return null;
    }

    /** Rearranges {@code a} into its next permutation in lexicographic order; false when it was the last. */
    private static boolean nextPermutation(int[] a) {
        int i = a.length - 2;
        while (i >= 0 && a[i] >= a[i + 1]) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        int j = a.length - 1;
        while (a[j] <= a[i]) {
            j--;
        }
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
        for (int l = i + 1, r = a.length - 1; l < r; l++, r--) {
            t = a[l];
            a[l] = a[r];
            a[r] = t;
        }
        return true;
    }

    private static int orientationGiving(int[] size, int[] extents) {
        for (int o = 0; o < 6; o++) {
            if (Arrays.equals(turned(size, o), extents)) {
                return o;
            }
        }
        throw new IllegalStateException("no turn of " + Arrays.toString(size) + " gives " + Arrays.toString(extents));
    }

    private static int[][] extremePoints(int[] container, int[][] sizes, Integer[] order) {
        ExtremePoints packer = new ExtremePoints(container);
        int[][] out = new int[sizes.length][];
        for (int i : order) {
            out[i] = packer.place(sizes[i]);
            if (out[i] == null) {
                return null;
            }
        }
        return out;
    }

    private static long largestFace(int[] s) {
        int[] t = s.clone();
        Arrays.sort(t);
        return (long) t[1] * t[2];
    }

    private static Integer[] byDescending(int[][] sizes, java.util.function.ToLongFunction<int[]> key) {
        Integer[] order = new Integer[sizes.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(key.applyAsLong(sizes[b]), key.applyAsLong(sizes[a])));
        return order;
    }

    /** Whether two boxes fit the container together: side by side along some axis, each turned some way. */
    static boolean pairFits(int[] container, int[] a, int[] b) {
        for (int oa = 0; oa < 6; oa++) {
            int[] ea = turned(a, oa);
            for (int ob = 0; ob < 6; ob++) {
                int[] eb = turned(b, ob);
                for (int axis = 0; axis < 3; axis++) {
                    boolean ok = true;
                    for (int d = 0; d < 3 && ok; d++) {
                        ok = d == axis ? ea[d] + eb[d] <= container[d] : Math.max(ea[d], eb[d]) <= container[d];
                    }
                    if (ok) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static Integer[] byVolumeDescending(int[][] sizes) {
        Integer[] order = new Integer[sizes.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(volume(sizes[b]), volume(sizes[a])));
        return order;
    }

    static long volume(int[] s) {
        return (long) s[0] * s[1] * s[2];
    }

    /** The search ran out of nodes before it could say whether the boxes fit. */
    static final class Undecided extends Exception {
        Undecided() {
            super(null, null, false, false);
        }
    }

    /**
     * Whether the boxes fit, decided exactly (over every packing, rotations allowed) unless the budget runs out. The
     * bounds and {@link #largestCannotFit} may refuse the boxes first; a quick loader search (up to
     * {@value #LOADER_BUDGET} placements) may find a packing; otherwise the complete {@link PairSearch} decides. When
     * it runs out of budget, {@link #extremePointsEveryOrder} or the loader search given up to
     * {@value #LATE_LOADER_BUDGET} placements may still find a packing and {@link #partCannotFit} still refute the
     * boxes. Null when the boxes fit in no packing at all.
     *
     * @throws Undecided when the budget ran out and neither of those settled it
     */
    static int[][] exhaustive(int[] container, int[][] sizes, int budget) throws Undecided {
        for (int[] s : sizes) {
            if (!fitsAlone(container, s)) {
                return null;
            }
        }
        long total = 0;
        for (int[] s : sizes) {
            total += volume(s);
        }
        if (total > volume(container) || total > volume(usableExtents(container, sizes))) {
            return null;
        }
        for (int i = 0; i < sizes.length; i++) {
            for (int j = i + 1; j < sizes.length; j++) {
                if (!pairFits(container, sizes[i], sizes[j])) {
                    return null;
                }
            }
        }
        if (!middlePlanesHoldLongBoxes(container, sizes) || dualFeasibleRefutes(container, sizes)) {
            return null;
        }
        if (largestCannotFit(container, sizes, Math.min(PART_BUDGET, budget))) {
            return null;
        }
        Search loader = new Search(container, sizes, Math.min(budget, LOADER_BUDGET));
        try {
            if (loader.run(0)) {
                return loader.result();
            }
        } catch (Undecided e) {
            // the complete search below settles it
        }
        try {
            return everyPacking(container, sizes, budget);
        } catch (Undecided e) {
            int[][] found = extremePointsEveryOrder(container, sizes, EVERY_ORDER_LIMIT);
            if (found != null) {
                return found;
            }
            Search longer = new Search(container, sizes, Math.min(budget, LATE_LOADER_BUDGET));
            try {
                if (longer.run(0)) {
                    return longer.result();
                }
            } catch (Undecided again) {
                // a part may still refute the boxes
            }
            if (partCannotFit(container, sizes, Math.min(PART_BUDGET, budget), 2)) {
                return null;
            }
            throw e;
        }
    }

    /**
     * Whether some part of the boxes with 1 to {@code most} fewer of them (each such part once, whichever identical
     * boxes are left out; parts of at least two boxes) fits in no packing at all, by {@link #everyPacking} with
     * {@code budget} orders of pairs per part; then the boxes cannot fit either. A part that leaves a box out is often
     * far easier to refute than the whole.
     */
    static boolean partCannotFit(int[] container, int[][] sizes, int budget, int most) {
        int n = sizes.length;
        java.util.Set<String> tried = new java.util.HashSet<>();
        for (int drop = 1; drop <= most && n - drop >= 2; drop++) {
            int[] left = new int[drop];
            for (int k = 0; k < drop; k++) {
                left[k] = k;
            }
            while (true) {
                List<int[]> part = new ArrayList<>();
                List<String> key = new ArrayList<>();
                for (int i = 0, k = 0; i < n; i++) {
                    if (k < drop && left[k] == i) {
                        k++;
                    } else {
                        part.add(sizes[i]);
                        key.add(Arrays.toString(sizes[i]));
                    }
                }
                java.util.Collections.sort(key);
                if (tried.add(key.toString())) {
                    try {
                        if (everyPacking(container, part.toArray(new int[0][]), budget) == null) {
                            return true;
                        }
                    } catch (Undecided e) {
                        // another part may still be settled
                    }
                }
                int k = drop - 1;
                while (k >= 0 && left[k] == n - drop + k) {
                    k--;
                }
                if (k < 0) {
                    break;
                }
                left[k]++;
                for (int j = k + 1; j < drop; j++) {
                    left[j] = left[j - 1] + 1;
                }
            }
        }
        return false;
    }

    /** Orders of the boxes that extreme points try, when the complete search gave up, before the group counts as undecided. */
    static final int EVERY_ORDER_LIMIT = 2_000;

    /**
     * The complete {@link PairSearch} alone, no bound or quicker search before it: a packing, or null when the boxes fit
     * in no packing at all.
     *
     * @throws Undecided when more than {@code budget} orders of pairs were tried
     */
    static int[][] everyPacking(int[] container, int[][] sizes, int budget) throws Undecided {
        for (int[] s : sizes) {
            if (!fitsAlone(container, s)) {
                return null;
            }
        }
        PairSearch search = new PairSearch(container, sizes, budget);
        return search.run(0, -1, new int[3][sizes.length], new int[3][sizes.length]) ? search.result() : null;
    }

    /** Placements the quick loader search may try before the complete search over the pairs of boxes runs. */
    static final int LOADER_BUDGET = 20_000;
    /**
     * Placements the loader search may try again, longer, once the complete search gave up: only the rare groups that
     * exhaust the complete search pay for it.
     */
    static final int LATE_LOADER_BUDGET = 300_000;
    /** Orders of pairs the search over every packing may try for one part of a group before it counts as undecided. */
    static final int PART_BUDGET = 20_000;

    /**
     * Whether the largest boxes (by volume: all but the smallest, all but the two smallest, and so on down to two)
     * fit in no packing at all, by {@link #everyPacking} with {@code budget} orders of pairs per part; then the group
     * cannot fit either. Stops at the first part that is shown to fit, as smaller parts fit too.
     */
    static boolean largestCannotFit(int[] container, int[][] sizes, int budget) {
        Integer[] order = byVolumeDescending(sizes);
        for (int k = sizes.length - 1; k >= 2; k--) {
            int[][] part = new int[k][];
            for (int i = 0; i < k; i++) {
                part[i] = sizes[order[i]];
            }
            try {
                if (everyPacking(container, part, budget) == null) {
                    return true;
                }
                return false;
            } catch (Undecided e) {
                // a smaller part may still be settled
            }
        }
        return false;
    }

    /**
     * Whether the boxes still to place (those without a placement in {@code placed}), whose corners go at height
     * {@code floor} or above, fit by volume and each alone in the part of the carton above {@code floor} that the
     * {@code depth} boxes placed so far (indices in {@code stack}) leave free.
     */
    private static boolean roomAbove(int[] container, int[][] sizes, int[][] placed, int[] stack, int floor, int depth) {
        long free = (long) container[0] * container[1] * (container[2] - floor);
        for (int k = 0; k < depth; k++) {
            int[] b = placed[stack[k]];
            int top = b[2] + b[5];
            if (top > floor) {
                free -= (long) b[3] * b[4] * (top - Math.max(b[2], floor));
            }
        }
        int[] above = {container[0], container[1], container[2] - floor};
        for (int i = 0; i < sizes.length; i++) {
            if (placed[i] == null) {
                free -= volume(sizes[i]);
                if (free < 0 || !fitsAlone(above, sizes[i])) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * How far along each axis boxes can reach in any packing: pushed towards the corner until each touches a wall or
     * another box, every box's far side is a sum of extents of some of the boxes (one side of each), so along each
     * axis the boxes fill at most the largest such sum that is not over the container's side.
     */
    static int[] usableExtents(int[] container, int[][] sizes) {
        int[] usable = new int[3];
        for (int axis = 0; axis < 3; axis++) {
            int side = container[axis];
            boolean[] reach = new boolean[side + 1];
            reach[0] = true;
            for (int[] s : sizes) {
                boolean[] next = reach.clone();
                for (int d : s) {
                    for (int v = side - d; v >= 0; v--) {
                        if (reach[v]) {
                            next[v + d] = true;
                        }
                    }
                }
                reach = next;
            }
            int v = side;
            while (!reach[v]) {
                v--;
            }
            usable[axis] = v;
        }
        return usable;
    }

    /**
     * A per-dimension bound: a box longer than half the container along an axis in every turn that fits crosses the
     * plane through the container's middle across that axis, and such boxes cross it side by side, so their smallest
     * cross sections must fit in the plane's area. False when some axis breaks that (then the boxes cannot fit).
     */
    static boolean middlePlanesHoldLongBoxes(int[] container, int[][] sizes) {
        for (int axis = 0; axis < 3; axis++) {
            int b = (axis + 1) % 3;
            int c = (axis + 2) % 3;
            long area = 0;
            for (int[] s : sizes) {
                boolean alwaysLong = true;
                boolean fits = false;
                long section = Long.MAX_VALUE;
                for (int o = 0; o < 6 && alwaysLong; o++) {
                    int[] e = turned(s, o);
                    if (e[0] > container[0] || e[1] > container[1] || e[2] > container[2]) {
                        continue;
                    }
                    fits = true;
                    alwaysLong = 2L * e[axis] > container[axis];
                    section = Math.min(section, (long) e[b] * e[c]);
                }
                if (fits && alwaysLong) {
                    area += section;
                }
            }
            if (area > (long) container[b] * container[c]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Fekete and Schepers' bound with dual feasible functions: if boxes fit, then after mapping each box's extent
     * along each axis by a dual feasible function of that axis (a map under which side lengths that fit along the
     * side still fit along the mapped side), the mapped volumes still fit in the mapped container. Boxes turn, so
     * each counts with its smallest mapped volume over the turns that fit the container. Tries, per axis, the
     * identity, the threshold functions (small extents count as nothing, large as the whole side) at every extent of
     * a box up to half the side, and Fekete and Schepers' staircase functions u(k) for k up to
     * {@value #STAIRCASES}. True when some combination proves the boxes cannot fit.
     */
    static boolean dualFeasibleRefutes(int[] container, int[][] sizes) {
        int n = sizes.length;
        // per box, the turns that fit the container, as extents
        int[][][] extents = new int[n][][];
        for (int i = 0; i < n; i++) {
            List<int[]> fitting = new ArrayList<>();
            for (int o : distinctTurns(sizes[i])) {
                int[] e = turned(sizes[i], o);
                if (e[0] <= container[0] && e[1] <= container[1] && e[2] <= container[2]) {
                    fitting.add(e);
                }
            }
            if (fitting.isEmpty()) {
                return true;
            }
            extents[i] = fitting.toArray(new int[0][]);
        }
        // per axis, each candidate function's value at every extent a box may show along it, and its mapped side
        List<long[]>[] mapped = new List[3];
        long[][] sides = new long[3][];
        for (int axis = 0; axis < 3; axis++) {
            int side = container[axis];
            java.util.TreeSet<Integer> lengths = new java.util.TreeSet<>();
            for (int[][] turns : extents) {
                for (int[] e : turns) {
                    lengths.add(e[axis]);
                }
            }
            List<long[]> functions = new ArrayList<>();
            List<Long> mappedSides = new ArrayList<>();
            functions.add(table(side, lengths, x -> x));
            mappedSides.add((long) side);
            for (int t : lengths) {
                if (2 * t > side) {
                    break;
                }
                functions.add(table(side, lengths, x -> x > side - t ? side : x < t ? 0 : x));
                mappedSides.add((long) side);
            }
            for (int k = 1; k <= STAIRCASES; k++) {
                final int kk = k;
                functions.add(table(side, lengths,
                        x -> (long) (kk + 1) * x % side == 0 ? (long) kk * x : (long) (kk + 1) * x / side * side));
                mappedSides.add((long) k * side);
            }
            mapped[axis] = functions;
            sides[axis] = mappedSides.stream().mapToLong(Long::longValue).toArray();
        }
        for (int a = 0; a < mapped[0].size(); a++) {
            for (int b = 0; b < mapped[1].size(); b++) {
                for (int c = 0; c < mapped[2].size(); c++) {
                    if (a == 0 && b == 0 && c == 0) {
                        continue;
                    }
                    long capacity = sides[0][a] * sides[1][b] * sides[2][c];
                    long total = 0;
                    for (int i = 0; i < n && total <= capacity; i++) {
                        long least = Long.MAX_VALUE;
                        for (int[] e : extents[i]) {
                            least = Math.min(least, mapped[0].get(a)[e[0]] * mapped[1].get(b)[e[1]]
                                    * mapped[2].get(c)[e[2]]);
                        }
                        total += least;
                    }
                    if (total > capacity) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Largest k of the staircase functions u(k) {@link #dualFeasibleRefutes} tries. */
    static final int STAIRCASES = 6;

    private static long[] table(int side, java.util.Set<Integer> lengths, java.util.function.IntToLongFunction f) {
        long[] values = new long[side + 1];
        for (int x : lengths) {
            values[x] = f.applyAsLong(x);
        }
        return values;
    }

    /**
     * A complete search by the pairs of boxes: in any packing every two boxes lie one before the other along at least
     * one axis, and, conversely, once each box has a turn and each pair such an order, the boxes fit exactly when along
     * each axis the longest chain of boxes ordered one after another fits the container's side (each box then goes
     * where the chain before it ends). Boxes are taken largest first, each given a turn, then its order against each
     * box before it. The branches for a pair exclude each other: ordered along the axis with the most room; else side
     * by side across that axis and ordered along the next; else side by side across both and ordered along the third.
     * A pair already ordered through a third box is not branched on. A branch ends when a chain is too long for its
     * side, when two boxes known to be side by side across an axis become ordered along it, or when boxes side by side
     * two by two across an axis (so all crossing one plane) show more cross section than the container's. Two
     * symmetries are used: the first order chosen along each axis is taken one way only (a packing mirrored along an
     * axis is a packing), and an identical box is turned no less than the one before it (identical boxes can swap).
     * Three more: when two of the container's sides are equal, a packing turned to swap them is one, so the first box
     * without a twin shows the longer extent along the first of them (or, when every box has a twin, the first
     * boxes' turns are the lesser list of the two); and twins turned alike, once every axis has an order, are ordered
     * lower rank first along the first axis they do not share (see {@link #orderedAsTwins}).
     */
    private static final class PairSearch {
        private final int[] container;
        private final int[][] sizes;
        private final int[] order;
        private final int[][] extents;
        private final int[] turn;
        private final int budget;
        /** Two axes along which the container's sides are equal (a packing turned to swap them is one), or null. */
        private final int[] equalSides;
        /** The rank of the first box with no identical twin when {@link #equalSides} are used on it, else -1. */
        private final int single;
        /** The last rank of the first boxes, all identical, when {@link #equalSides} are used on them, else -1. */
        private final int firstGroupEnd;
        /** Per rank, whether boxes of lower rank were ordered along every axis when that box was added. */
        private final boolean[] axesUsed;
        private int nodes;
        private int[][] answer;

        PairSearch(int[] container, int[][] sizes, int budget) {
            this.container = container;
            this.sizes = sizes;
            this.budget = budget;
            Integer[] byVolume = byVolumeDescending(sizes);
            // identical boxes next to each other (see the turns they may take)
            Arrays.sort(byVolume, (a, b) -> volume(sizes[a]) != volume(sizes[b])
                    ? Long.compare(volume(sizes[b]), volume(sizes[a])) : Arrays.compare(sizes[a], sizes[b]));
            this.order = new int[sizes.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = byVolume[i];
            }
            this.extents = new int[sizes.length][];
            this.turn = new int[sizes.length];
            this.axesUsed = new boolean[sizes.length];
            int[] equal = null;
            for (int i = 0; i < 3 && equal == null; i++) {
                for (int j = i + 1; j < 3 && equal == null; j++) {
                    if (container[i] == container[j]) {
                        equal = new int[] {i, j};
                    }
                }
            }
            this.equalSides = equal;
            int single = -1;
            for (int r = 0; r < order.length && single < 0; r++) {
                boolean twin = false;
                for (int q = 0; q < order.length && !twin; q++) {
                    twin = q != r && Arrays.equals(sizes[order[q]], sizes[order[r]]);
                }
                single = twin ? -1 : r;
            }
            this.single = equal == null ? -1 : single;
            int firstGroupEnd = 0;
            while (firstGroupEnd + 1 < order.length && Arrays.equals(sizes[order[firstGroupEnd + 1]], sizes[order[0]])) {
                firstGroupEnd++;
            }
            this.firstGroupEnd = equal != null && single < 0 ? firstGroupEnd : -1;
        }

        /**
         * @param rank    the box being added, by rank in {@code order}
         * @param against the box before it whose order against it is decided next; -1: its turn is
         * @param before per axis, per box (by rank in {@code order}), the boxes known to lie wholly before it: a
         *               transitively closed relation, as bit sets of ranks
         */
        boolean run(int rank, int against, int[][] before, int[][] across) throws Undecided {
            if (rank == sizes.length) {
                answer = positions(before);
                return true;
            }
            if (against == rank) {
                return run(rank + 1, -1, before, across);
            }
            if (against < 0) {
                axesUsed[rank] = orderedAlongEveryAxis(before, rank);
                int box = order[rank];
                // identical boxes can swap places: turned no less than the one before them, they miss no packing
                boolean likePrevious = rank > 0 && Arrays.equals(sizes[order[rank - 1]], sizes[box]);
                for (int o : distinctTurns(sizes[box])) {
                    if (likePrevious && o < turn[rank - 1]) {
                        continue;
                    }
                    int[] e = turned(sizes[box], o);
                    if (e[0] > container[0] || e[1] > container[1] || e[2] > container[2]) {
                        continue;
                    }
                    extents[rank] = e;
                    turn[rank] = o;
                    if (rank == single && e[equalSides[0]] < e[equalSides[1]]
                            || rank == firstGroupEnd && swappedTurnsComeFirst()) {
                        continue;
                    }
                    if (run(rank, 0, before, across)) {
                        return true;
                    }
                }
                extents[rank] = null;
                return false;
            }
            int bit = 1 << against;
            int rankBit = 1 << rank;
            for (int axis = 0; axis < 3; axis++) {
                if ((before[axis][rank] & bit) != 0 || (before[axis][against] & rankBit) != 0) {
                    return run(rank, against + 1, before, across);
                }
            }
            if (interchangeable(against, rank)) {
                return orderedAsTwins(rank, against, before, across);
            }
            // the branches exclude each other: ordered along x; else side by side across x and ordered along y; ...
            // each order of the pair, and how much of its axis's side the longest chain then leaves free
            int[][] room = new int[3][2];
            int[] best = new int[3];
            for (int axis = 0; axis < 3; axis++) {
                boolean firstOnAxis = true;
                for (int k = 0; k <= rank && firstOnAxis; k++) {
                    firstOnAxis = before[axis][k] == 0;
                }
                // a chain through the new order runs to the end of the lower box, then on from the higher one
                int[] start = starts(before[axis], axis, rank);
                int[] rest = chainsFrom(before[axis], axis, rank);
                int longest = 0;
                for (int k = 0; k <= rank; k++) {
                    longest = Math.max(longest, start[k] + extents[k][axis]);
                }
                room[axis][0] = container[axis]
                        - Math.max(longest, start[against] + extents[against][axis] + rest[rank]);
                room[axis][1] = firstOnAxis ? Integer.MIN_VALUE : container[axis]
                        - Math.max(longest, start[rank] + extents[rank][axis] + rest[against]);
                best[axis] = Math.max(room[axis][0], room[axis][1]);
            }
            // most room first finds a packing sooner; the branches exclude each other whatever the order
            int[] axes = {0, 1, 2};
            for (int i = 1; i < 3; i++) {
                for (int j = i; j > 0 && best[axes[j]] > best[axes[j - 1]]; j--) {
                    int t = axes[j];
                    axes[j] = axes[j - 1];
                    axes[j - 1] = t;
                }
            }
            int[][] sideBySide = across;
            for (int axis : axes) {
                int first = room[axis][1] > room[axis][0] ? 1 : 0;
                for (int w = 0; w < 2; w++) {
                    int way = w == 0 ? first : 1 - first;
                    if (room[axis][way] < 0) {
                        continue;
                    }
                    if (++nodes > budget) {
                        throw new Undecided();
                    }
                    int[][] next = before.clone();
                    next[axis] = way == 0 ? ordered(before[axis], against, rank, rank)
                            : ordered(before[axis], rank, against, rank);
                    if (keepsSideBySide(next[axis], sideBySide[axis], rank) && run(rank, against + 1, next, sideBySide)) {
                        return true;
                    }
                }
                sideBySide = sideBySide(sideBySide, axis, rank, against);
                if (!crossSectionsFit(sideBySide[axis], axis, rank)) {
                    return false;
                }
            }
            return false;
        }

        /** Whether, for some {@code k < rank}, a box lies before box k along each axis. */
        private static boolean orderedAlongEveryAxis(int[][] before, int rank) {
            for (int[] axis : before) {
                boolean any = false;
                for (int k = 0; k < rank && !any; k++) {
                    any = axis[k] != 0;
                }
                if (!any) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Whether the first boxes' turns (ranks 0 to {@link #firstGroupEnd}, identical boxes, turns in increasing
         * order), with the two equal sides swapped and put in increasing order again, come first lexicographically.
         * Turning a packing to swap the equal sides swaps them in every box, so of the two lists one packing or the
         * other has the list that comes first: only that one is searched.
         */
        private boolean swappedTurnsComeFirst() {
            int[] size = sizes[order[0]];
            int[] swapped = new int[firstGroupEnd + 1];
            for (int r = 0; r <= firstGroupEnd; r++) {
                int[] e = extents[r].clone();
                e[equalSides[0]] = extents[r][equalSides[1]];
                e[equalSides[1]] = extents[r][equalSides[0]];
                swapped[r] = orientationGiving(size, e);
            }
            Arrays.sort(swapped);
            for (int r = 0; r <= firstGroupEnd; r++) {
                if (swapped[r] != turn[r]) {
                    return swapped[r] < turn[r];
                }
            }
            return false;
        }

        /**
         * Whether box {@code rank} and the box just before it are twins that may swap labels without changing any
         * earlier choice: identical, turned the same way, as are all boxes of the run of such twins they end, and
         * boxes of lower rank than the run were already ordered along every axis when the run began (so the mirror
         * symmetry was used up before it).
         */
        private boolean interchangeable(int against, int rank) {
            if (against != rank - 1 || turn[against] != turn[rank]
                    || !Arrays.equals(sizes[order[against]], sizes[order[rank]])) {
                return false;
            }
            int start = against;
            while (start > 0 && turn[start - 1] == turn[rank]
                    && Arrays.equals(sizes[order[start - 1]], sizes[order[rank]])) {
                start--;
            }
            return axesUsed[start];
        }

        /**
         * The order of two interchangeable twins (see {@link #interchangeable}): with the axes taken x, y, z, the
         * lower rank goes before along the first axis along which they do not lie side by side. In any packing, read
         * each pair of such twins that way; every pair is then ordered one way, and some sequence of all the run's
         * twins has each one before the next (a tournament has a path through all its vertices), so giving the twins
         * their ranks in that sequence gives a packing this branch keeps.
         */
        private boolean orderedAsTwins(int rank, int against, int[][] before, int[][] across) throws Undecided {
            int[][] sideBySide = across;
            for (int axis = 0; axis < 3; axis++) {
                int[] ordered = ordered(before[axis], against, rank, rank);
                if (longestChain(ordered, axis, rank) <= container[axis]) {
                    if (++nodes > budget) {
                        throw new Undecided();
                    }
                    int[][] next = before.clone();
                    next[axis] = ordered;
                    if (keepsSideBySide(ordered, sideBySide[axis], rank) && run(rank, against + 1, next, sideBySide)) {
                        return true;
                    }
                }
                sideBySide = sideBySide(sideBySide, axis, rank, against);
                if (!crossSectionsFit(sideBySide[axis], axis, rank)) {
                    return false;
                }
            }
            return false;
        }

        /** Whether no two boxes known to be side by side across the axis are ordered along it. */
        private static boolean keepsSideBySide(int[] before, int[] sideBySide, int rank) {
            for (int k = 0; k <= rank; k++) {
                if ((before[k] & sideBySide[k]) != 0) {
                    return false;
                }
            }
            return true;
        }

        /** {@code across} with boxes {@code rank} and {@code against} known to lie side by side across {@code axis}. */
        private static int[][] sideBySide(int[][] across, int axis, int rank, int against) {
            int[][] out = across.clone();
            out[axis] = across[axis].clone();
            out[axis][rank] |= 1 << against;
            out[axis][against] |= 1 << rank;
            return out;
        }

        /**
         * Boxes side by side across an axis two by two all cross one plane across it (intervals that meet two by two
         * share a point), so their cross sections must fit in the container's: false when the boxes side by side with
         * {@code rank} and each other show more area than that.
         */
        private boolean crossSectionsFit(int[] sideBySide, int axis, int rank) {
            int b = (axis + 1) % 3;
            int c = (axis + 2) % 3;
            long room = (long) container[b] * container[c];
            int neighbours = sideBySide[rank];
            for (int subset = neighbours; subset != 0; subset = (subset - 1) & neighbours) {
                long area = (long) extents[rank][b] * extents[rank][c];
                boolean clique = true;
                for (int k = 0; k < rank && clique; k++) {
                    if ((subset & (1 << k)) != 0) {
                        clique = (sideBySide[k] & (subset & ~(1 << k))) == (subset & ~(1 << k));
                        area += (long) extents[k][b] * extents[k][c];
                    }
                }
                if (clique && area > room) {
                    return false;
                }
            }
            return true;
        }

        /** {@code before} with {@code low} before {@code high} and all that follows, closed again. */
        private static int[] ordered(int[] before, int low, int high, int rank) {
            int[] out = before.clone();
            int lowAndBefore = before[low] | (1 << low);
            for (int k = 0; k <= rank; k++) {
                if (k == high || (before[k] & (1 << high)) != 0) {
                    out[k] |= lowAndBefore;
                }
            }
            return out;
        }

        /** How long the longest chain of boxes (ranks up to {@code rank}) one before the other along the axis is. */
        private int longestChain(int[] before, int axis, int rank) {
            int[] start = starts(before, axis, rank);
            int longest = 0;
            for (int k = 0; k <= rank; k++) {
                longest = Math.max(longest, start[k] + extents[k][axis]);
            }
            return longest;
        }

        /** Per box, the length of the longest chain along the axis that starts with it (its extent included). */
        private int[] chainsFrom(int[] before, int axis, int rank) {
            int[] from = new int[rank + 1];
            // a box after another has more boxes before it: most first is an order that works
            for (int count = rank; count >= 0; count--) {
                for (int k = 0; k <= rank; k++) {
                    if (Integer.bitCount(before[k]) == count) {
                        int longest = 0;
                        for (int next = 0; next <= rank; next++) {
                            if ((before[next] & (1 << k)) != 0) {
                                longest = Math.max(longest, from[next]);
                            }
                        }
                        from[k] = longest + extents[k][axis];
                    }
                }
            }
            return from;
        }

        /** Where each box starts along the axis when it goes right after the boxes before it. */
        private int[] starts(int[] before, int axis, int rank) {
            int[] start = new int[rank + 1];
            // a box has more boxes before it than any box before it has: fewest first is an order that works
            int[] byCount = new int[rank + 1];
            int sorted = 0;
            for (int count = 0; sorted <= rank; count++) {
                for (int k = 0; k <= rank; k++) {
                    if (Integer.bitCount(before[k]) == count) {
                        byCount[sorted++] = k;
                    }
                }
            }
            for (int k : byCount) {
                int s = 0;
                for (int p = 0; p <= rank; p++) {
                    if ((before[k] & (1 << p)) != 0) {
                        s = Math.max(s, start[p] + extents[p][axis]);
                    }
                }
                start[k] = s;
            }
            return start;
        }

        private int[][] positions(int[][] before) {
            int last = sizes.length - 1;
            int[][] at = {starts(before[0], 0, last), starts(before[1], 1, last), starts(before[2], 2, last)};
            int[][] out = new int[sizes.length][];
            for (int k = 0; k <= last; k++) {
                out[order[k]] = new int[] {at[0][k], at[1][k], at[2][k], turn[k]};
            }
            return out;
        }

        int[][] result() {
            return answer;
        }
    }

    /**
     * A quick search, not complete, tried before {@link PairSearch}: the packings a loader builds bottom-up, boxes
     * going in by the position of their corner (lowest, then back, then left), each coordinate 0 or the far side of an
     * earlier box that it touches there.
     */
    private static final class Search {
        private final int[] container;
        private final int[][] sizes;
        private final int[] type;
        private final int[][] turns;
        private final int[][] placed; // per box: x, y, z, ex, ey, ez, o (null when not placed)
        private final int[] stack;
        private final int budget;
        private int nodes;

        Search(int[] container, int[][] sizes, int budget) {
            this.container = container;
            this.sizes = sizes;
            this.budget = budget;
            this.type = new int[sizes.length];
            this.turns = new int[sizes.length][];
            for (int i = 0; i < sizes.length; i++) {
                type[i] = i;
                for (int j = 0; j < i; j++) {
                    if (Arrays.equals(sizes[i], sizes[j])) {
                        type[i] = type[j];
                        break;
                    }
                }
                turns[i] = distinctTurns(sizes[i]);
            }
            this.placed = new int[sizes.length][];
            this.stack = new int[sizes.length];
        }

        boolean run(int depth) throws Undecided {
            if (depth == sizes.length) {
                return true;
            }
            if (depth > 0 && !roomAbove(placed[stack[depth - 1]][2], depth)) {
                return false;
            }
            return fits(depth);
        }

        private boolean fits(int depth) throws Undecided {
            int[] xs = coordinates(0, depth);
            int[] ys = coordinates(1, depth);
            int[] zs = coordinates(2, depth);
            int[] last = depth > 0 ? placed[stack[depth - 1]] : null;
            long triedTypes = 0;
            for (int i = 0; i < sizes.length; i++) {
                if (placed[i] != null || (triedTypes & (1L << type[i])) != 0) {
                    continue;
                }
                triedTypes |= 1L << type[i];
                for (int o : turns[i]) {
                    int[] e = turned(sizes[i], o);
                    for (int z : zs) {
                        if (z + e[2] > container[2] || last != null && z < last[2]) {
                            continue;
                        }
                        for (int y : ys) {
                            if (y + e[1] > container[1] || last != null && z == last[2] && y < last[1]) {
                                continue;
                            }
                            for (int x : xs) {
                                if (x + e[0] > container[0]
                                        || last != null && z == last[2] && y == last[1] && x < last[0]) {
                                    continue;
                                }
                                if (++nodes > budget) {
                                    throw new Undecided();
                                }
                                int[] box = {x, y, z, e[0], e[1], e[2], o};
                                if (supported(box, depth) && free(box, depth)) {
                                    placed[i] = box;
                                    stack[depth] = i;
                                    if (run(depth + 1)) {
                                        return true;
                                    }
                                    placed[i] = null;
                                }
                            }
                        }
                    }
                }
            }
            return false;
        }

        /** See {@link Fit#roomAbove(int[], int[][], int[][], int[], int, int)}. */
        private boolean roomAbove(int floor, int depth) {
            return Fit.roomAbove(container, sizes, placed, stack, floor, depth);
        }

        private int[] coordinates(int axis, int depth) {
            int[] out = new int[depth + 1];
            int n = 0;
            out[n++] = 0;
            for (int k = 0; k < depth; k++) {
                int[] b = placed[stack[k]];
                out[n++] = b[axis] + b[axis + 3];
            }
            int[] sorted = Arrays.copyOf(out, n);
            Arrays.sort(sorted);
            int m = 0;
            for (int v : sorted) {
                if (m == 0 || sorted[m - 1] != v) {
                    sorted[m++] = v;
                }
            }
            return Arrays.copyOf(sorted, m);
        }

        private boolean supported(int[] box, int depth) {
            for (int axis = 0; axis < 3; axis++) {
                if (box[axis] == 0) {
                    continue;
                }
                boolean found = false;
                for (int k = 0; k < depth && !found; k++) {
                    int[] b = placed[stack[k]];
                    if (b[axis] + b[axis + 3] != box[axis]) {
                        continue;
                    }
                    found = true;
                    for (int other = 0; other < 3; other++) {
                        if (other != axis && !(box[other] < b[other] + b[other + 3] && b[other] < box[other] + box[other + 3])) {
                            found = false;
                        }
                    }
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }

        private boolean free(int[] box, int depth) {
            for (int k = 0; k < depth; k++) {
                int[] b = placed[stack[k]];
                if (box[0] < b[0] + b[3] && b[0] < box[0] + box[3] && box[1] < b[1] + b[4] && b[1] < box[1] + box[4]
                        && box[2] < b[2] + b[5] && b[2] < box[2] + box[5]) {
                    return false;
                }
            }
            return true;
        }

        int[][] result() {
            int[][] out = new int[sizes.length][];
            for (int i = 0; i < sizes.length; i++) {
                out[i] = new int[] {placed[i][0], placed[i][1], placed[i][2], placed[i][6]};
            }
            return out;
        }
    }
}

package io.omskit.orchestration.picking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * The classic routing heuristics as walks over the aisle grid. Each returns the length of the walk it describes
 * (which may pass a spot without stopping) and the order in which it takes the spots.
 */
final class RouteHeuristics {

    private RouteHeuristics() {
    }

    record Walk(double distance, int[] order) {
    }

    /** Where the picker is and what it has walked and taken so far. */
    private static final class Walker {
        private final boolean[] taken;
        private final int[] order;
        private int count;
        private double x;
        private double y;
        private double distance;

        Walker(int spots, double x) {
            this.taken = new boolean[spots];
            this.order = new int[spots];
            this.x = x;
        }

        void alongCrossAisle(double toX) {
            distance += Math.abs(toX - x);
            x = toX;
        }

        void alongAisle(double toY) {
            distance += Math.abs(toY - y);
            y = toY;
        }

        void take(int spot) {
            if (!taken[spot]) {
                taken[spot] = true;
                order[count++] = spot;
            }
        }

        Walk walk() {
            return new Walk(distance, order);
        }
    }

    /** Spots of each aisle, sorted front to back. */
    private static TreeMap<Integer, List<Integer>> byAisle(List<Spot> spots) {
        TreeMap<Integer, List<Integer>> map = new TreeMap<>();
        for (int i = 0; i < spots.size(); i++) {
            map.computeIfAbsent(spots.get(i).aisle(), a -> new ArrayList<>()).add(i);
        }
        for (List<Integer> list : map.values()) {
            list.sort(Comparator.comparingDouble(i -> spots.get(i).y()));
        }
        return map;
    }

    /**
     * S-shape on a single block: aisles with picks are walked through in turn, left to right; when their number is
     * odd the last one is entered from the front and left the same way.
     */
    static Walk sShapeSingleBlock(WarehouseLayout layout, List<Spot> spots) {
        Walker w = new Walker(spots.size(), layout.x(layout.depotAisle()));
        double length = layout.crossAisleY(1);
        List<List<Integer>> aisles = new ArrayList<>(byAisle(spots).values());
        int m = aisles.size();
        for (int k = 0; k < m; k++) {
            List<Integer> aisle = aisles.get(k);
            w.alongCrossAisle(layout.x(spots.get(aisle.get(0)).aisle()));
            if (k == m - 1 && m % 2 == 1) {
                aisle.forEach(w::take);
                w.alongAisle(spots.get(aisle.get(aisle.size() - 1)).y());
                w.alongAisle(0);
            } else if (w.y == 0) {
                aisle.forEach(w::take);
                w.alongAisle(length);
            } else {
                takeDescending(w, aisle);
                w.alongAisle(0);
            }
        }
        w.alongCrossAisle(layout.x(layout.depotAisle()));
        return w.walk();
    }

    /**
     * Combined on a single block: aisles with picks are visited left to right, each either walked through or entered
     * and left by the end the picker is at, chosen by dynamic programming so the total is least among such routes.
     */
    static Walk combinedSingleBlock(WarehouseLayout layout, List<Spot> spots) {
        double length = layout.crossAisleY(1);
        List<List<Integer>> aisles = new ArrayList<>(byAisle(spots).values());
        int m = aisles.size();
        boolean[] walkThrough = throughPlan(spots, aisles, 0, length, false);
        Walker w = new Walker(spots.size(), layout.x(layout.depotAisle()));
        for (int k = 0; k < m; k++) {
            List<Integer> aisle = aisles.get(k);
            w.alongCrossAisle(layout.x(spots.get(aisle.get(0)).aisle()));
            boolean atFront = w.y == 0;
            if (atFront) {
                aisle.forEach(w::take);
                if (walkThrough[k]) {
                    w.alongAisle(length);
                } else {
                    w.alongAisle(spots.get(aisle.get(aisle.size() - 1)).y());
                    w.alongAisle(0);
                }
            } else {
                takeDescending(w, aisle);
                if (walkThrough[k]) {
                    w.alongAisle(0);
                } else {
                    w.alongAisle(spots.get(aisle.get(0)).y());
                    w.alongAisle(length);
                }
            }
        }
        w.alongCrossAisle(layout.x(layout.depotAisle()));
        return w.walk();
    }

    /**
     * S-shape on any layout (after Roodbergen and de Koster): up the leftmost aisle with picks to the back of the
     * farthest block with picks, then block by block towards the front, walking through the aisles with picks of
     * each block in turn from the end nearest the picker; when their number is even, the second-to-last is entered
     * and left from the back so the picker leaves the block at its front.
     */
    static Walk sShape(WarehouseLayout layout, List<Spot> spots) {
        return blockByBlock(layout, spots, false);
    }

    /**
     * Largest gap on any layout: like {@link #sShape}, but in each block the aisles between the first and the last
     * are entered from the back and from the front up to their largest gap between picks; the last is walked
     * through. On a single block this is the classic largest-gap route.
     */
    static Walk largestGap(WarehouseLayout layout, List<Spot> spots) {
        return blockByBlock(layout, spots, true);
    }

    private static Walk blockByBlock(WarehouseLayout layout, List<Spot> spots, boolean largestGap) {
        Walker w = new Walker(spots.size(), layout.x(layout.depotAisle()));
        if (spots.isEmpty()) {
            return w.walk();
        }
        int left = Integer.MAX_VALUE;
        int farthest = 0;
        for (Spot s : spots) {
            left = Math.min(left, s.aisle());
            farthest = Math.max(farthest, s.block());
        }
        TreeMap<Integer, List<Integer>> aisles = byAisle(spots);
        w.alongCrossAisle(layout.x(left));
        aisles.get(left).forEach(w::take);
        w.alongAisle(layout.crossAisleY(farthest));
        for (int b = farthest; b >= 1; b--) {
            double back = layout.crossAisleY(b);
            double front = layout.crossAisleY(b - 1);
            List<List<Integer>> open = new ArrayList<>();
            for (List<Integer> aisle : aisles.values()) {
                List<Integer> here = new ArrayList<>();
                for (int i : aisle) {
                    if (spots.get(i).block() == b && !w.taken[i]) {
                        here.add(i);
                    }
                }
                if (!here.isEmpty()) {
                    open.add(here);
                }
            }
            if (open.size() > 1) {
                double first = layout.x(spots.get(open.get(0).get(0)).aisle());
                double last = layout.x(spots.get(open.get(open.size() - 1).get(0)).aisle());
                if (Math.abs(w.x - first) > Math.abs(w.x - last)) {
                    java.util.Collections.reverse(open);
                }
            }
            int m = open.size();
            if (m == 0) {
                w.alongAisle(front);
            } else if (largestGap && m > 1) {
                int[] split = new int[m];
                for (int k = 0; k < m - 1; k++) {
                    List<Integer> aisle = open.get(k);
                    split[k] = largestGapIndex(spots, aisle, front, back);
                    w.alongCrossAisle(layout.x(spots.get(aisle.get(0)).aisle()));
                    if (split[k] < aisle.size()) {
                        takeDescending(w, aisle.subList(split[k], aisle.size()));
                        w.alongAisle(spots.get(aisle.get(split[k])).y());
                        w.alongAisle(back);
                    }
                }
                List<Integer> lastAisle = open.get(m - 1);
                w.alongCrossAisle(layout.x(spots.get(lastAisle.get(0)).aisle()));
                takeDescending(w, lastAisle);
                w.alongAisle(front);
                for (int k = m - 2; k >= 0; k--) {
                    List<Integer> aisle = open.get(k);
                    w.alongCrossAisle(layout.x(spots.get(aisle.get(0)).aisle()));
                    if (split[k] > 0) {
                        aisle.subList(0, split[k]).forEach(w::take);
                        w.alongAisle(spots.get(aisle.get(split[k] - 1)).y());
                        w.alongAisle(front);
                    }
                }
            } else {
                for (int k = 0; k < m; k++) {
                    List<Integer> aisle = open.get(k);
                    w.alongCrossAisle(layout.x(spots.get(aisle.get(0)).aisle()));
                    if (m % 2 == 0 && k == m - 2) {
                        takeDescending(w, aisle);
                        w.alongAisle(spots.get(aisle.get(0)).y());
                        w.alongAisle(back);
                    } else if (w.y == back) {
                        takeDescending(w, aisle);
                        w.alongAisle(front);
                    } else {
                        aisle.forEach(w::take);
                        w.alongAisle(back);
                    }
                }
            }
        }
        w.alongCrossAisle(layout.x(layout.depotAisle()));
        return w.walk();
    }

    /**
     * Combined on a layout of several blocks (after Roodbergen and de Koster): up the leftmost aisle with picks to the
     * back of the farthest block with picks, then block by block towards the front. In each block the aisles with
     * picks not yet taken are visited in turn from the end nearest the picker; each is either walked through or
     * entered and left by the cross aisle the picker is on, chosen by dynamic programming over those aisles so the
     * walk inside the block is least among such walks that leave the block at its front.
     */
    static Walk combined(WarehouseLayout layout, List<Spot> spots) {
        return blockwiseCombined(layout, spots, true, false);
    }

    /**
     * Combined+, the improved combined: as {@link #combined}, but the picker may also go up the rightmost aisle with
     * picks (the shorter walk of the two is kept), and in each block both directions are planned and the one kept
     * whose walk, counted until the picker reaches the nearer end of the next block with picks (or the depot), is
     * shorter, instead of always starting at the end nearest the picker.
     * <p>The name is Roodbergen and de Koster's (2001, "Routing methods for warehouses with multiple cross aisles",
     * IJPR 39(9), 1865-1883), but this is our variant, not their definition: the paper's text could not be read, and
     * no other public description of combined+ step by step was found (open implementations of the paper's methods,
     * such as github.com/yzlixinyi/ggsddu, stop at combined). Its distances are this variant's, worked by hand on a
     * three-block example in {@code CombinedPlusWorkedExampleTest}. One known difference from the paper's combined as
     * those implementations give its steps: there the picker walks the leftmost aisle with picks only up to the front
     * cross aisle of the farthest block and starts that block from its front; here (and in {@link #combined}) the
     * picker goes on to its back cross aisle.
     */
    static Walk combinedPlus(WarehouseLayout layout, List<Spot> spots) {
        Walk left = blockwiseCombined(layout, spots, true, true);
        Walk right = blockwiseCombined(layout, spots, false, true);
        return right.distance() < left.distance() ? right : left;
    }

    private static Walk blockwiseCombined(WarehouseLayout layout, List<Spot> spots, boolean upLeftmost,
                                          boolean lookAhead) {
        Walker w = new Walker(spots.size(), layout.x(layout.depotAisle()));
        if (spots.isEmpty()) {
            return w.walk();
        }
        int left = Integer.MAX_VALUE;
        int right = Integer.MIN_VALUE;
        int farthest = 0;
        for (Spot s : spots) {
            left = Math.min(left, s.aisle());
            right = Math.max(right, s.aisle());
            farthest = Math.max(farthest, s.block());
        }
        TreeMap<Integer, List<Integer>> aisles = byAisle(spots);
        int up = upLeftmost ? left : right;
        w.alongCrossAisle(layout.x(up));
        aisles.get(up).forEach(w::take);
        w.alongAisle(layout.crossAisleY(farthest));
        for (int b = farthest; b >= 1; b--) {
            double back = layout.crossAisleY(b);
            double front = layout.crossAisleY(b - 1);
            List<List<Integer>> open = openSubaisles(spots, aisles, w, b);
            if (open.isEmpty()) {
                w.alongAisle(front);
                continue;
            }
            List<List<Integer>> reversed = new ArrayList<>(open);
            java.util.Collections.reverse(reversed);
            List<List<Integer>> order;
            boolean[] plan;
            if (lookAhead) {
                boolean[] forwardPlan = throughPlan(spots, open, front, back);
                boolean[] reversedPlan = throughPlan(spots, reversed, front, back);
                double forward = blockWalk(layout, spots, aisles, w, b, open, forwardPlan);
                double backward = blockWalk(layout, spots, aisles, w, b, reversed, reversedPlan);
                order = backward < forward ? reversed : open;
                plan = backward < forward ? reversedPlan : forwardPlan;
            } else {
                double first = layout.x(spots.get(open.get(0).get(0)).aisle());
                double last = layout.x(spots.get(open.get(open.size() - 1).get(0)).aisle());
                order = Math.abs(w.x - first) > Math.abs(w.x - last) ? reversed : open;
                plan = throughPlan(spots, order, front, back);
            }
            boolean atBack = true;
            for (int k = 0; k < order.size(); k++) {
                List<Integer> aisle = order.get(k);
                w.alongCrossAisle(layout.x(spots.get(aisle.get(0)).aisle()));
                if (atBack) {
                    takeDescending(w, aisle);
                    w.alongAisle(plan[k] ? front : spots.get(aisle.get(0)).y());
                    w.alongAisle(plan[k] ? front : back);
                } else {
                    aisle.forEach(w::take);
                    w.alongAisle(plan[k] ? back : spots.get(aisle.get(aisle.size() - 1)).y());
                    w.alongAisle(plan[k] ? back : front);
                }
                atBack ^= plan[k];
            }
        }
        w.alongCrossAisle(layout.x(layout.depotAisle()));
        return w.walk();
    }

    /** Per aisle, left to right, the spots of block {@code b} not taken yet, front to back. */
    private static List<List<Integer>> openSubaisles(List<Spot> spots, TreeMap<Integer, List<Integer>> aisles,
                                                     Walker w, int b) {
        List<List<Integer>> open = new ArrayList<>();
        for (List<Integer> aisle : aisles.values()) {
            List<Integer> here = new ArrayList<>();
            for (int i : aisle) {
                if (spots.get(i).block() == b && !w.taken[i]) {
                    here.add(i);
                }
            }
            if (!here.isEmpty()) {
                open.add(here);
            }
        }
        return open;
    }

    /**
     * For subaisles visited in {@code order}, starting on the back cross aisle and ending on the front one, which to
     * walk through (true) and which to enter and leave by the same end, least walking along the aisles.
     */
    private static boolean[] throughPlan(List<Spot> spots, List<List<Integer>> order, double front, double back) {
        return throughPlan(spots, order, front, back, true);
    }

    /**
     * For subaisles visited in {@code order}, starting on the back ({@code startAtBack}) or front cross aisle and ending
     * on the front one, which to walk through (true) and which to enter and leave by the same end, least walking along
     * the aisles (a dynamic programme over the aisles).
     */
    static boolean[] throughPlan(List<Spot> spots, List<List<Integer>> order, double front, double back,
                                 boolean startAtBack) {
        int m = order.size();
        // cost[k][side]: walk along aisles after k subaisles, picker on the front (0) or back (1) cross aisle
        double[][] cost = new double[m + 1][2];
        boolean[][] through = new boolean[m + 1][2];
        cost[0][startAtBack ? 0 : 1] = Double.POSITIVE_INFINITY;
        for (int k = 0; k < m; k++) {
            List<Integer> aisle = order.get(k);
            double fromFront = 2 * (spots.get(aisle.get(aisle.size() - 1)).y() - front);
            double fromBack = 2 * (back - spots.get(aisle.get(0)).y());
            for (int side = 0; side < 2; side++) {
                double stay = cost[k][side] + (side == 0 ? fromFront : fromBack);
                double cross = cost[k][1 - side] + (back - front);
                through[k + 1][side] = cross < stay;
                cost[k + 1][side] = Math.min(stay, cross);
            }
        }
        boolean[] plan = new boolean[m];
        int side = 0;
        for (int k = m; k > 0; k--) {
            plan[k - 1] = through[k][side];
            if (through[k][side]) {
                side = 1 - side;
            }
        }
        return plan;
    }

    /**
     * Length of the walk through block {@code b} by {@code plan}, from where the picker is to the nearer end of the
     * next block with spots not taken (or to the depot when none is left).
     */
    private static double blockWalk(WarehouseLayout layout, List<Spot> spots, TreeMap<Integer, List<Integer>> aisles,
                                     Walker w, int b, List<List<Integer>> order, boolean[] plan) {
        double back = layout.crossAisleY(b);
        double front = layout.crossAisleY(b - 1);
        double x = w.x;
        double length = 0;
        boolean atBack = true;
        for (int k = 0; k < order.size(); k++) {
            List<Integer> aisle = order.get(k);
            double ax = layout.x(spots.get(aisle.get(0)).aisle());
            length += Math.abs(ax - x);
            x = ax;
            if (plan[k]) {
                length += back - front;
            } else if (atBack) {
                length += 2 * (back - spots.get(aisle.get(0)).y());
            } else {
                length += 2 * (spots.get(aisle.get(aisle.size() - 1)).y() - front);
            }
            atBack ^= plan[k];
        }
        for (int next = b - 1; next >= 1; next--) {
            List<List<Integer>> open = openSubaisles(spots, aisles, w, next);
            if (!open.isEmpty()) {
                double first = layout.x(spots.get(open.get(0).get(0)).aisle());
                double last = layout.x(spots.get(open.get(open.size() - 1).get(0)).aisle());
                return length + Math.min(Math.abs(x - first), Math.abs(x - last));
            }
        }
        return length + Math.abs(x - layout.x(layout.depotAisle()));
    }

    /** Index of the first spot above the largest gap of one aisle's block section (size: all are reached from the front). */
    private static int largestGapIndex(List<Spot> spots, List<Integer> aisle, double front, double back) {
        int best = 0;
        double gap = spots.get(aisle.get(0)).y() - front;
        for (int i = 1; i <= aisle.size(); i++) {
            double upper = i == aisle.size() ? back : spots.get(aisle.get(i)).y();
            double g = upper - spots.get(aisle.get(i - 1)).y();
            if (g > gap) {
                gap = g;
                best = i;
            }
        }
        return best;
    }

    /** Nearest neighbour: from the depot, always to the nearest spot not yet taken. */
    static Walk nearestNeighbour(double[][] distances) {
        int n = distances.length - 1;
        boolean[] taken = new boolean[n + 1];
        int[] order = new int[n];
        int at = 0;
        double total = 0;
        for (int k = 0; k < n; k++) {
            int best = -1;
            for (int j = 1; j <= n; j++) {
                if (!taken[j] && (best < 0 || distances[at][j] < distances[at][best])) {
                    best = j;
                }
            }
            taken[best] = true;
            total += distances[at][best];
            order[k] = best - 1;
            at = best;
        }
        return new Walk(total + distances[at][0], order);
    }

    private static void takeDescending(Walker w, List<Integer> aisle) {
        for (int i = aisle.size() - 1; i >= 0; i--) {
            w.take(aisle.get(i));
        }
    }
}

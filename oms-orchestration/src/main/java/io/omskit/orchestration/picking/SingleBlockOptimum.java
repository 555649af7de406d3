package io.omskit.orchestration.picking;

import static io.omskit.orchestration.picking.AisleStretch.BOTH_ENDS;
import static io.omskit.orchestration.picking.AisleStretch.FROM_BACK;
import static io.omskit.orchestration.picking.AisleStretch.FROM_FRONT;
import static io.omskit.orchestration.picking.AisleStretch.NONE;
import static io.omskit.orchestration.picking.AisleStretch.THROUGH;
import static io.omskit.orchestration.picking.AisleStretch.THROUGH_TWICE;
import static io.omskit.orchestration.picking.AisleStretch.bottom;
import static io.omskit.orchestration.picking.AisleStretch.gapEdge;
import static io.omskit.orchestration.picking.AisleStretch.top;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Ratliff and Rosenthal's dynamic programme for a single-block layout: aisles are added left to right, and a partial
 * route is summarised by the degree parity of the two cross-aisle nodes at the current aisle and whether they are
 * connected. Every aisle is either untouched, walked through once or twice, entered from one end, or entered from
 * both ends up to its largest gap; cross-aisle stretches are walked 0, 1 or 2 times. Linear in the number of aisles.
 */
final class SingleBlockOptimum {

    private static final int STATES = 18;

    private SingleBlockOptimum() {
    }

    /** The shortest closed walk from the depot through every spot: its length and the spots' first-visit order. */
    record Solution(double distance, int[] order) {
    }

    static Solution solve(WarehouseLayout layout, List<Spot> spots) {
        if (spots.isEmpty()) {
            return new Solution(0, new int[0]);
        }
        int depot = layout.depotAisle();
        int lo = depot;
        int hi = depot;
        for (Spot s : spots) {
            lo = Math.min(lo, s.aisle());
            hi = Math.max(hi, s.aisle());
        }
        int width = hi - lo + 1;
        List<List<Integer>> inAisle = new ArrayList<>();
        for (int j = 0; j < width; j++) {
            inAisle.add(new ArrayList<>());
        }
        for (int i = 0; i < spots.size(); i++) {
            inAisle.get(spots.get(i).aisle() - lo).add(i);
        }
        for (List<Integer> list : inAisle) {
            list.sort((p, q) -> Double.compare(spots.get(p).y(), spots.get(q).y()));
        }
        double length = layout.crossAisleY(1);
        double spacing = layout.aisleSpacingMetres();
        double[][] cost = new double[width][STATES];
        int[][] from = new int[width][STATES];
        int[][] move = new int[width][STATES];
        for (double[] row : cost) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        for (int c = NONE; c <= BOTH_ENDS; c++) {
            double v = verticalCost(c, inAisle.get(0), spots, length);
            if (v < Double.POSITIVE_INFINITY) {
                int st = state(top(c), bottom(c), connects(c));
                if (v < cost[0][st]) {
                    cost[0][st] = v;
                    move[0][st] = c;
                    from[0][st] = -1;
                }
            }
        }
        for (int j = 0; j + 1 < width; j++) {
            boolean atDepot = lo + j == depot;
            for (int st = 0; st < STATES; st++) {
                if (cost[j][st] == Double.POSITIVE_INFINITY) {
                    continue;
                }
                int degTop = st / 6;
                int degBottom = (st / 2) % 3;
                boolean conn = st % 2 == 1;
                for (int ht = 0; ht <= 2; ht++) {
                    if ((degTop == 1) != (ht == 1) || (degTop > 0 && ht == 0 && !(degBottom > 0 && conn))) {
                        continue;
                    }
                    for (int hb = 0; hb <= 2; hb++) {
                        if ((degBottom == 1) != (hb == 1)) {
                            continue;
                        }
                        if (degBottom > 0 && hb == 0 && !(degTop > 0 && conn && ht > 0)) {
                            continue;
                        }
                        if (degTop > 0 && degBottom > 0 && !conn && (ht == 0 || hb == 0)) {
                            continue;
                        }
                        if (atDepot && degBottom == 0 && hb == 0) {
                            continue;
                        }
                        boolean carriedTogether = ht > 0 && hb > 0 && degTop > 0 && degBottom > 0 && conn;
                        double base = cost[j][st] + (ht + hb) * spacing;
                        for (int c = NONE; c <= BOTH_ENDS; c++) {
                            double v = verticalCost(c, inAisle.get(j + 1), spots, length);
                            if (v == Double.POSITIVE_INFINITY) {
                                continue;
                            }
                            int next = state(degree(ht + top(c)), degree(hb + bottom(c)), connects(c) || carriedTogether);
                            if (base + v < cost[j + 1][next]) {
                                cost[j + 1][next] = base + v;
                                from[j + 1][next] = st;
                                move[j + 1][next] = c + 6 * (ht * 3 + hb);
                            }
                        }
                    }
                }
            }
        }
        int best = -1;
        for (int st = 0; st < STATES; st++) {
            int degTop = st / 6;
            int degBottom = (st / 2) % 3;
            boolean conn = st % 2 == 1;
            boolean closed = degTop != 1 && degBottom != 1 && (degTop > 0 || degBottom > 0)
                    && (degTop == 0 || degBottom == 0 || conn) && (hi != depot || degBottom > 0);
            if (closed && (best < 0 || cost[width - 1][st] < cost[width - 1][best])) {
                best = st;
            }
        }
        if (best < 0 || cost[width - 1][best] == Double.POSITIVE_INFINITY) {
            throw new IllegalStateException("no closed route found for " + spots.size() + " spots");
        }
        return new Solution(cost[width - 1][best], walk(layout, spots, inAisle, lo, depot, from, move, best));
    }

    private static int[] walk(WarehouseLayout layout, List<Spot> spots, List<List<Integer>> inAisle, int lo,
                              int depot, int[][] from, int[][] move, int last) {
        int width = inAisle.size();
        // nodes: 2j = back end of aisle lo+j, 2j+1 = front end, 2*width + i = spot i
        int nodes = 2 * width + spots.size();
        List<List<int[]>> adjacency = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            adjacency.add(new ArrayList<>());
        }
        int[] edgeCount = {0};
        List<boolean[]> used = new ArrayList<>();
        int st = last;
        for (int j = width - 1; j >= 0; j--) {
            int m = move[j][st];
            int config = m % AisleStretch.WAYS;
            int horizontal = m / 6;
            List<Integer> chain = new ArrayList<>();
            chain.add(2 * j + 1);
            for (int i : inAisle.get(j)) {
                chain.add(2 * width + i);
            }
            chain.add(2 * j);
            int k = chain.size() - 1; // edges chain[e]..chain[e+1], e = 0..k-1; edge 0 leaves the front
            for (int e = 0; e < k; e++) {
                int times = switch (config) {
                    case THROUGH -> 1;
                    case THROUGH_TWICE -> 2;
                    case FROM_BACK -> e >= 1 ? 2 : 0;
                    case FROM_FRONT -> e < k - 1 ? 2 : 0;
                    case BOTH_ENDS -> e != gapEdge(inAisle.get(j), spots) ? 2 : 0;
                    default -> 0;
                };
                for (int t = 0; t < times; t++) {
                    addEdge(adjacency, used, edgeCount, chain.get(e), chain.get(e + 1));
                }
            }
            if (j > 0) {
                int ht = horizontal / 3;
                int hb = horizontal % 3;
                for (int t = 0; t < ht; t++) {
                    addEdge(adjacency, used, edgeCount, 2 * (j - 1), 2 * j);
                }
                for (int t = 0; t < hb; t++) {
                    addEdge(adjacency, used, edgeCount, 2 * (j - 1) + 1, 2 * j + 1);
                }
                st = from[j][st];
            }
        }
        // Hierholzer: an Euler circuit of the chosen edges from the depot, spots listed at their first visit
        List<Integer> circuit = EulerCircuit.reversed(adjacency, edgeCount[0], 2 * (depot - lo) + 1);
        boolean[] seen = new boolean[spots.size()];
        int[] order = new int[spots.size()];
        int n = 0;
        for (int i = circuit.size() - 1; i >= 0; i--) {
            int v = circuit.get(i);
            if (v >= 2 * width && !seen[v - 2 * width]) {
                seen[v - 2 * width] = true;
                order[n++] = v - 2 * width;
            }
        }
        if (n != spots.size()) {
            throw new IllegalStateException("the optimal route misses " + (spots.size() - n) + " spots");
        }
        return order;
    }

    private static void addEdge(List<List<int[]>> adjacency, List<boolean[]> used, int[] edgeCount, int a, int b) {
        int id = edgeCount[0]++;
        adjacency.get(a).add(new int[] {b, id});
        adjacency.get(b).add(new int[] {a, id});
    }

    private static double verticalCost(int config, List<Integer> aisle, List<Spot> spots, double length) {
        return AisleStretch.cost(config, aisle, spots, 0, length);
    }

    private static boolean connects(int config) {
        return config == THROUGH || config == THROUGH_TWICE;
    }

    /** 0 = no edge, 1 = odd, 2 = even and above zero. */
    private static int degree(int edges) {
        return edges == 0 ? 0 : edges % 2 == 1 ? 1 : 2;
    }

    private static int state(int degTop, int degBottom, boolean conn) {
        boolean meaningful = conn && degTop > 0 && degBottom > 0;
        return degTop * 6 + degBottom * 2 + (meaningful ? 1 : 0);
    }
}

package io.omskit.orchestration.picking;

import static io.omskit.orchestration.picking.AisleStretch.BOTH_ENDS;
import static io.omskit.orchestration.picking.AisleStretch.FROM_BACK;
import static io.omskit.orchestration.picking.AisleStretch.FROM_FRONT;
import static io.omskit.orchestration.picking.AisleStretch.THROUGH;
import static io.omskit.orchestration.picking.AisleStretch.THROUGH_TWICE;
import static io.omskit.orchestration.picking.AisleStretch.bottom;
import static io.omskit.orchestration.picking.AisleStretch.gapEdge;
import static io.omskit.orchestration.picking.AisleStretch.top;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Shortest route for a layout with middle cross aisles, by the dynamic programme Roodbergen and de Koster built on
 * Ratliff and Rosenthal's: aisles are added left to right; a partial route is summarised, at the current aisle, by
 * the degree parity of its crossing with every cross aisle and which of those crossings it already connects. Each
 * stretch of aisle between two cross aisles is untouched, walked through once or twice, entered from one end, or
 * entered from both ends up to its largest gap; each cross-aisle stretch between two aisles is walked 0, 1 or 2
 * times. Linear in the aisles, exponential in the cross aisles: meant for one or two blocks.
 */
final class MultiBlockOptimum {


    private MultiBlockOptimum() {
    }

    static SingleBlockOptimum.Solution solve(WarehouseLayout layout, List<Spot> spots) {
        if (spots.isEmpty()) {
            return new SingleBlockOptimum.Solution(0, new int[0]);
        }
        int blocks = layout.blocks();
        if (blocks > 3) {
            throw new IllegalArgumentException("the exact route is for at most 3 blocks, the layout has " + blocks);
        }
        int nodes = blocks + 1;
        int depot = layout.depotAisle();
        int lo = depot;
        int hi = depot;
        for (Spot s : spots) {
            lo = Math.min(lo, s.aisle());
            hi = Math.max(hi, s.aisle());
        }
        int width = hi - lo + 1;
        // segment[j][s]: spots of aisle lo+j in block s+1, front to back
        List<List<List<Integer>>> segment = new ArrayList<>();
        for (int j = 0; j < width; j++) {
            List<List<Integer>> aisle = new ArrayList<>();
            for (int s = 0; s < blocks; s++) {
                aisle.add(new ArrayList<>());
            }
            segment.add(aisle);
        }
        for (int i = 0; i < spots.size(); i++) {
            segment.get(spots.get(i).aisle() - lo).get(spots.get(i).block() - 1).add(i);
        }
        for (List<List<Integer>> aisle : segment) {
            for (List<Integer> seg : aisle) {
                seg.sort((p, q) -> Double.compare(spots.get(p).y(), spots.get(q).y()));
            }
        }
        double spacing = layout.aisleSpacingMetres();
        int verticalCombos = (int) Math.pow(6, blocks);
        int horizontalCombos = (int) Math.pow(3, nodes);
        int keys = 1 << (4 * nodes);
        // per aisle and state (see encode): best cost, the previous state, and the horizontal and vertical choices
        double[][] cost = new double[width][keys];
        int[][] previous = new int[width][keys];
        int[][] horizontalChoice = new int[width][keys];
        int[][] verticalChoice = new int[width][keys];
        for (double[] row : cost) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        int[] deg = new int[nodes];
        int[] label = new int[nodes];
        List<int[]> horizontals = new ArrayList<>();
        for (int hc = 0; hc < horizontalCombos; hc++) {
            int[] h = new int[nodes];
            int rest = hc;
            for (int k = 0; k < nodes; k++) {
                h[k] = rest % 3;
                rest /= 3;
            }
            horizontals.add(h);
        }
        for (int j = 0; j < width; j++) {
            int[] valid = new int[verticalCombos];
            double[] vertical = new double[verticalCombos];
            int count = 0;
            for (int v = 0; v < verticalCombos; v++) {
                double c = verticalCost(layout, spots, segment.get(j), v);
                if (c < Double.POSITIVE_INFINITY) {
                    valid[count] = v;
                    vertical[count++] = c;
                }
            }
            if (j == 0) {
                for (int i = 0; i < count; i++) {
                    Arrays.fill(deg, 0);
                    for (int k = 0; k < nodes; k++) {
                        label[k] = k;
                    }
                    applyVertical(valid[i], blocks, deg, label);
                    int key = encode(deg, label);
                    if (vertical[i] < cost[0][key]) {
                        cost[0][key] = vertical[i];
                        verticalChoice[0][key] = valid[i];
                        previous[0][key] = -1;
                    }
                }
                continue;
            }
            boolean atDepot = lo + j - 1 == depot;
            int[] oldDeg = new int[nodes];
            int[] oldLabel = new int[nodes];
            for (int state = 0; state < keys; state++) {
                double here = cost[j - 1][state];
                if (here == Double.POSITIVE_INFINITY) {
                    continue;
                }
                decode(state, oldDeg, oldLabel);
                for (int hc = 0; hc < horizontalCombos; hc++) {
                    int[] h = horizontals.get(hc);
                    boolean ok = !(atDepot && oldDeg[0] == 0 && h[0] == 0);
                    int hLength = 0;
                    for (int k = 0; k < nodes && ok; k++) {
                        ok = (oldDeg[k] == 1) == (h[k] == 1);
                        hLength += h[k];
                    }
                    // every component of the partial route must carry on to the next aisle
                    for (int k = 0; k < nodes && ok; k++) {
                        if (oldDeg[k] > 0) {
                            boolean carried = false;
                            for (int m = 0; m < nodes; m++) {
                                carried |= oldDeg[m] > 0 && oldLabel[m] == oldLabel[k] && h[m] > 0;
                            }
                            ok = carried;
                        }
                    }
                    if (!ok) {
                        continue;
                    }
                    double base = here + hLength * spacing;
                    for (int i = 0; i < count; i++) {
                        for (int k = 0; k < nodes; k++) {
                            deg[k] = h[k];
                            // carried nodes keep their old component; new ones start their own
                            label[k] = h[k] > 0 && oldDeg[k] > 0 ? oldLabel[k] : nodes + k;
                        }
                        applyVertical(valid[i], blocks, deg, label);
                        int key = encode(deg, label);
                        double c = base + vertical[i];
                        if (c < cost[j][key]) {
                            cost[j][key] = c;
                            previous[j][key] = state;
                            horizontalChoice[j][key] = hc;
                            verticalChoice[j][key] = valid[i];
                        }
                    }
                }
            }
        }
        int bestKey = -1;
        for (int state = 0; state < keys; state++) {
            if (cost[width - 1][state] == Double.POSITIVE_INFINITY) {
                continue;
            }
            decode(state, deg, label);
            boolean closed = true;
            int component = -1;
            boolean any = false;
            for (int k = 0; k < nodes; k++) {
                if (deg[k] == 1) {
                    closed = false;
                }
                if (deg[k] > 0) {
                    any = true;
                    if (component >= 0 && label[k] != component) {
                        closed = false;
                    }
                    component = label[k];
                }
            }
            if (closed && any && (hi != depot || deg[0] > 0)
                    && (bestKey < 0 || cost[width - 1][state] < cost[width - 1][bestKey])) {
                bestKey = state;
            }
        }
        if (bestKey < 0) {
            throw new IllegalStateException("no closed route found for " + spots.size() + " spots");
        }
        return new SingleBlockOptimum.Solution(cost[width - 1][bestKey],
                walk(layout, spots, segment, previous, horizontalChoice, verticalChoice, bestKey, lo, depot));
    }

    /** Adds the vertical stretches of combination {@code v} to the degrees and joins components they connect. */
    private static void applyVertical(int v, int blocks, int[] deg, int[] label) {
        int rest = v;
        for (int s = 0; s < blocks; s++) {
            int c = rest % AisleStretch.WAYS;
            rest /= AisleStretch.WAYS;
            deg[s] += bottom(c);
            deg[s + 1] += top(c);
            if (c == THROUGH || c == THROUGH_TWICE) {
                int from = label[s + 1];
                int to = label[s];
                for (int k = 0; k < label.length; k++) {
                    if (label[k] == from) {
                        label[k] = to;
                    }
                }
            }
        }
    }

    /** Degrees as 0, odd (1) or even above zero (2), and components numbered in order of first appearance. */
    private static int encode(int[] deg, int[] label) {
        int key = 0;
        // labels are below 2 * nodes <= 8: renumbering kept in a bit-packed int, 4 bits per label, 0 = unseen
        long renumber = 0;
        int used = 0;
        for (int k = 0; k < deg.length; k++) {
            int d = deg[k] == 0 ? 0 : deg[k] % 2 == 1 ? 1 : 2;
            int c = 0;
            if (d > 0) {
                int shift = 4 * label[k];
                if (((renumber >>> shift) & 15) == 0) {
                    renumber |= (long) (++used) << shift;
                }
                c = (int) ((renumber >>> shift) & 15) - 1;
            }
            key = key * 16 + d * 4 + c;
        }
        return key;
    }

    private static void decode(int key, int[] deg, int[] label) {
        for (int k = deg.length - 1; k >= 0; k--) {
            int part = key % 16;
            key /= 16;
            deg[k] = part / 4;
            label[k] = part % 4;
        }
    }

    private static double verticalCost(WarehouseLayout layout, List<Spot> spots, List<List<Integer>> aisle, int v) {
        double total = 0;
        int rest = v;
        for (int s = 0; s < aisle.size(); s++) {
            int c = rest % AisleStretch.WAYS;
            rest /= AisleStretch.WAYS;
            total += segmentCost(layout, spots, aisle.get(s), s, c);
        }
        return total;
    }

    private static double segmentCost(WarehouseLayout layout, List<Spot> spots, List<Integer> seg, int s, int config) {
        return AisleStretch.cost(config, seg, spots, layout.crossAisleY(s), layout.crossAisleSpacingMetres());
    }

    private static int[] walk(WarehouseLayout layout, List<Spot> spots, List<List<List<Integer>>> segment,
                              int[][] previous, int[][] horizontalChoice, int[][] verticalChoice, int lastKey,
                              int lo, int depot) {
        int width = segment.size();
        int blocks = layout.blocks();
        int nodes = blocks + 1;
        int total = width * nodes + spots.size();
        List<List<int[]>> adjacency = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            adjacency.add(new ArrayList<>());
        }
        int[] edgeCount = {0};
        int key = lastKey;
        for (int j = width - 1; j >= 0; j--) {
            int rest = verticalChoice[j][key];
            for (int s = 0; s < blocks; s++) {
                int config = rest % AisleStretch.WAYS;
                rest /= AisleStretch.WAYS;
                List<Integer> chain = new ArrayList<>();
                chain.add(j * nodes + s);
                for (int i : segment.get(j).get(s)) {
                    chain.add(width * nodes + i);
                }
                chain.add(j * nodes + s + 1);
                int k = chain.size() - 1;
                int gap = config == BOTH_ENDS ? gapEdge(segment.get(j).get(s), spots) : -1;
                for (int edge = 0; edge < k; edge++) {
                    int times = switch (config) {
                        case THROUGH -> 1;
                        case THROUGH_TWICE -> 2;
                        case FROM_BACK -> edge >= 1 ? 2 : 0;
                        case FROM_FRONT -> edge < k - 1 ? 2 : 0;
                        case BOTH_ENDS -> edge != gap ? 2 : 0;
                        default -> 0;
                    };
                    for (int t = 0; t < times; t++) {
                        addEdge(adjacency, edgeCount, chain.get(edge), chain.get(edge + 1));
                    }
                }
            }
            if (j > 0) {
                int hc = horizontalChoice[j][key];
                for (int c = 0; c < nodes; c++) {
                    int times = hc % 3;
                    hc /= 3;
                    for (int t = 0; t < times; t++) {
                        addEdge(adjacency, edgeCount, (j - 1) * nodes + c, j * nodes + c);
                    }
                }
                key = previous[j][key];
            }
        }
        List<Integer> circuit = EulerCircuit.reversed(adjacency, edgeCount[0], (depot - lo) * nodes);
        boolean[] seen = new boolean[spots.size()];
        int[] order = new int[spots.size()];
        int n = 0;
        for (int i = circuit.size() - 1; i >= 0; i--) {
            int v = circuit.get(i) - width * nodes;
            if (v >= 0 && !seen[v]) {
                seen[v] = true;
                order[n++] = v;
            }
        }
        if (n != spots.size()) {
            throw new IllegalStateException("the optimal route misses " + (spots.size() - n) + " spots");
        }
        return order;
    }

    private static void addEdge(List<List<int[]>> adjacency, int[] edgeCount, int a, int b) {
        int id = edgeCount[0]++;
        adjacency.get(a).add(new int[] {b, id});
        adjacency.get(b).add(new int[] {a, id});
    }
}

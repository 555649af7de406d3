package io.omskit.orchestration.picking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Shortest walks between spots when some aisles are one-way: Dijkstra on the grid of cross-aisle crossings and spots,
 * with aisle stretches of one-way aisles directed.
 */
final class DirectedDistances {

    private DirectedDistances() {
    }

    /** Matrix of walking distances; index 0 is the depot, index i + 1 spot i; {@code d[a][b]} walks from a to b. */
    static double[][] matrix(WarehouseLayout layout, List<Spot> spots) {
        int nodes = layout.blocks() + 1;
        int crossings = layout.aisles() * nodes;
        int total = crossings + spots.size();
        List<List<double[]>> out = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            out.add(new ArrayList<>());
        }
        for (int a = 1; a <= layout.aisles(); a++) {
            for (int k = 0; k <= layout.blocks(); k++) {
                if (a < layout.aisles()) {
                    int here = crossing(layout, a, k);
                    int right = crossing(layout, a + 1, k);
                    out.get(here).add(new double[] {right, layout.aisleSpacingMetres()});
                    out.get(right).add(new double[] {here, layout.aisleSpacingMetres()});
                }
            }
            AisleDirection direction = layout.oneWayAisles().get(a);
            for (int b = 1; b <= layout.blocks(); b++) {
                List<Integer> chain = new ArrayList<>();
                for (int i = 0; i < spots.size(); i++) {
                    if (spots.get(i).aisle() == a && spots.get(i).block() == b) {
                        chain.add(i);
                    }
                }
                chain.sort((p, q) -> Double.compare(spots.get(p).y(), spots.get(q).y()));
                int previous = crossing(layout, a, b - 1);
                double at = layout.crossAisleY(b - 1);
                for (int i : chain) {
                    link(out, previous, crossings + i, spots.get(i).y() - at, direction);
                    previous = crossings + i;
                    at = spots.get(i).y();
                }
                link(out, previous, crossing(layout, a, b), layout.crossAisleY(b) - at, direction);
            }
        }
        int[] index = new int[spots.size() + 1];
        index[0] = crossing(layout, layout.depotAisle(), 0);
        for (int i = 0; i < spots.size(); i++) {
            index[i + 1] = crossings + i;
        }
        double[][] d = new double[index.length][];
        for (int i = 0; i < index.length; i++) {
            double[] all = dijkstra(out, index[i]);
            d[i] = new double[index.length];
            for (int j = 0; j < index.length; j++) {
                d[i][j] = all[index[j]];
            }
        }
        return d;
    }

    private static int crossing(WarehouseLayout layout, int aisle, int crossAisle) {
        return (aisle - 1) * (layout.blocks() + 1) + crossAisle;
    }

    /** An aisle stretch from {@code front} to {@code back}, walkable as the aisle's direction allows. */
    private static void link(List<List<double[]>> out, int front, int back, double length, AisleDirection direction) {
        if (direction != AisleDirection.TOWARDS_FRONT) {
            out.get(front).add(new double[] {back, length});
        }
        if (direction != AisleDirection.TOWARDS_BACK) {
            out.get(back).add(new double[] {front, length});
        }
    }

    private static double[] dijkstra(List<List<double[]>> out, int from) {
        double[] d = new double[out.size()];
        Arrays.fill(d, Double.POSITIVE_INFINITY);
        d[from] = 0;
        PriorityQueue<double[]> queue = new PriorityQueue<>((p, q) -> Double.compare(p[1], q[1]));
        queue.add(new double[] {from, 0});
        while (!queue.isEmpty()) {
            double[] top = queue.poll();
            int v = (int) top[0];
            if (top[1] > d[v]) {
                continue;
            }
            for (double[] e : out.get(v)) {
                int w = (int) e[0];
                if (d[v] + e[1] < d[w]) {
                    d[w] = d[v] + e[1];
                    queue.add(new double[] {w, d[w]});
                }
            }
        }
        return d;
    }
}

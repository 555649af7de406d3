package io.omskit.testkit.picking;

import io.omskit.core.catalog.Sku;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.orchestration.picking.AisleDirection;
import io.omskit.orchestration.picking.BinAddress;
import io.omskit.orchestration.picking.PickLine;
import io.omskit.orchestration.picking.PickList;
import io.omskit.orchestration.picking.PickRoute;
import io.omskit.orchestration.picking.PickStop;
import io.omskit.orchestration.picking.Slotting;
import io.omskit.orchestration.picking.WarehouseLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * An independent judge of pick routes. Distances are walked on an explicit graph of the layout (cross-aisle and
 * aisle stretches between consecutive points, one-way aisles walkable one way only) with Dijkstra, not with the
 * router's formulas.
 */
public final class RouteVerifier {

    /** Most distinct bins {@link #shortestByTryingEveryOrder} accepts (it tries n! orders per bin combination). */
    public static final int MAX_BRUTE_FORCE_BINS = 8;

    private RouteVerifier() {
    }

    /**
     * Everything wrong with {@code route} as a route for {@code lists}: a line not picked, picked twice or with the
     * wrong quantity, a stop at a bin its SKU does not sit in, or a reported distance that differs from the
     * recomputed walk by more than a millimetre. Empty when the route is sound.
     */
    public static List<String> problems(Slotting slotting, List<PickList> lists, PickRoute route) {
        List<String> problems = new ArrayList<>();
        Map<FulfilmentId, Map<Sku, Integer>> expected = new HashMap<>();
        for (PickList list : lists) {
            Map<Sku, Integer> lines = expected.computeIfAbsent(list.fulfilment(), f -> new HashMap<>());
            for (PickLine line : list.lines()) {
                lines.put(line.sku(), line.quantity());
            }
        }
        for (PickStop stop : route.stops()) {
            Map<Sku, Integer> lines = expected.get(stop.fulfilment());
            Integer quantity = lines == null ? null : lines.remove(stop.sku());
            if (quantity == null) {
                problems.add("stop " + stop + " picks a line that is not open (absent or already picked)");
            } else if (quantity != stop.quantity()) {
                problems.add("stop " + stop + " picks " + stop.quantity() + " units, the line wants " + quantity);
            }
            if (!slotting.binsOf(stop.sku()).contains(stop.bin())) {
                problems.add("stop " + stop + " is at a bin where " + stop.sku() + " does not sit");
            }
        }
        expected.forEach((f, lines) -> lines.forEach((sku, q) ->
                problems.add("line " + f + "/" + sku + " x" + q + " is never picked")));
        List<BinAddress> bins = new ArrayList<>();
        for (PickStop stop : route.stops()) {
            bins.add(stop.bin());
        }
        double walked = walkLength(slotting.layout(), bins);
        if (Math.abs(walked - route.distanceMetres()) > 1e-3) {
            problems.add("route reports " + route.distanceMetres() + " m, walking its stops in order is " + walked + " m");
        }
        return problems;
    }

    /** Length of the shortest walk from the depot through {@code bins} in this order and back, in metres. */
    public static double walkLength(WarehouseLayout layout, List<BinAddress> bins) {
        Grid grid = new Grid(layout, bins);
        double total = 0;
        int at = grid.depot;
        for (BinAddress bin : bins) {
            int to = grid.node(bin);
            total += grid.distances(at)[to];
            at = to;
        }
        return total + grid.distances(at)[grid.depot];
    }

    /**
     * The shortest route for {@code lists}, found by trying every choice of bins and every order of visiting them.
     *
     * @throws IllegalArgumentException when the instance has more than {@value #MAX_BRUTE_FORCE_BINS} distinct bins in
     *                                  some choice, or a SKU sits in no bin
     */
    public static double shortestByTryingEveryOrder(Slotting slotting, List<PickList> lists) {
        List<List<BinAddress>> options = new ArrayList<>();
        Set<BinAddress> all = new LinkedHashSet<>();
        for (PickList list : lists) {
            for (PickLine line : list.lines()) {
                List<BinAddress> bins = slotting.binsOf(line.sku());
                if (bins.isEmpty()) {
                    throw new IllegalArgumentException(line.sku() + " sits in no bin");
                }
                options.add(bins);
                all.addAll(bins);
            }
        }
        Grid grid = new Grid(slotting.layout(), new ArrayList<>(all));
        int[] choice = new int[options.size()];
        double best = Double.POSITIVE_INFINITY;
        while (true) {
            Set<Integer> nodes = new LinkedHashSet<>();
            for (int i = 0; i < choice.length; i++) {
                nodes.add(grid.node(options.get(i).get(choice[i])));
            }
            if (nodes.size() > MAX_BRUTE_FORCE_BINS) {
                throw new IllegalArgumentException("too many bins to try every order: " + nodes.size());
            }
            int[] perm = nodes.stream().mapToInt(Integer::intValue).sorted().toArray();
            best = Math.min(best, bestOrder(grid, perm));
            int i = 0;
            while (i < choice.length && ++choice[i] == options.get(i).size()) {
                choice[i++] = 0;
            }
            if (i == choice.length) {
                return best;
            }
        }
    }

    private static double bestOrder(Grid grid, int[] perm) {
        double best = Double.POSITIVE_INFINITY;
        do {
            double total = 0;
            int at = grid.depot;
            for (int node : perm) {
                total += grid.distances(at)[node];
                at = node;
            }
            best = Math.min(best, total + grid.distances(at)[grid.depot]);
        } while (nextPermutation(perm));
        return best;
    }

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

    /** The aisle grid as a graph: cross-aisle crossings, the depot and the bins' points on aisle centre lines. */
    private static final class Grid {
        private final List<List<double[]>> edges = new ArrayList<>();
        private final Map<String, Integer> pointByKey = new HashMap<>();
        private final Map<Integer, double[]> cache = new HashMap<>();
        private final WarehouseLayout layout;
        private final int depot;

        Grid(WarehouseLayout layout, List<BinAddress> bins) {
            this.layout = layout;
            double crossSpacing = layout.baysPerBlock() * layout.bayWidthMetres() + layout.crossAisleWidthMetres();
            // crossing of aisle a with cross aisle k
            for (int a = 1; a <= layout.aisles(); a++) {
                for (int k = 0; k <= layout.blocks(); k++) {
                    point("X" + a + "/" + k);
                }
            }
            for (int k = 0; k <= layout.blocks(); k++) {
                for (int a = 1; a < layout.aisles(); a++) {
                    connect(point("X" + a + "/" + k), point("X" + (a + 1) + "/" + k), layout.aisleSpacingMetres());
                }
            }
            Map<String, TreeMap<Double, Integer>> sections = new HashMap<>();
            for (BinAddress bin : bins) {
                double y = (bin.bay() - 0.5) * layout.bayWidthMetres() + layout.crossAisleWidthMetres() / 2;
                int node = point(key(bin));
                sections.computeIfAbsent(bin.aisle() + "/" + bin.block(), s -> new TreeMap<>()).put(y, node);
            }
            for (int a = 1; a <= layout.aisles(); a++) {
                for (int b = 1; b <= layout.blocks(); b++) {
                    TreeMap<Double, Integer> chain = sections.getOrDefault(a + "/" + b, new TreeMap<>());
                    AisleDirection direction = layout.oneWayAisles().get(a);
                    int previous = point("X" + a + "/" + (b - 1));
                    double at = 0;
                    for (Map.Entry<Double, Integer> e : chain.entrySet()) {
                        along(previous, e.getValue(), e.getKey() - at, direction);
                        previous = e.getValue();
                        at = e.getKey();
                    }
                    along(previous, point("X" + a + "/" + b), crossSpacing - at, direction);
                }
            }
            depot = point("X" + layout.depotAisle() + "/0");
        }

        private static String key(BinAddress bin) {
            return "B" + bin.aisle() + "/" + bin.block() + "/" + bin.bay();
        }

        int node(BinAddress bin) {
            Integer node = pointByKey.get(key(bin));
            if (node == null) {
                throw new IllegalArgumentException("bin " + bin + " is not in the graph");
            }
            return node;
        }

        private int point(String key) {
            return pointByKey.computeIfAbsent(key, k -> {
                edges.add(new ArrayList<>());
                return edges.size() - 1;
            });
        }

        /** An aisle stretch from {@code front} to {@code back}, walkable as the aisle's direction allows. */
        private void along(int front, int back, double length, AisleDirection direction) {
            if (direction != AisleDirection.TOWARDS_FRONT) {
                edges.get(front).add(new double[] {back, length});
            }
            if (direction != AisleDirection.TOWARDS_BACK) {
                edges.get(back).add(new double[] {front, length});
            }
        }

        private void connect(int a, int b, double length) {
            edges.get(a).add(new double[] {b, length});
            edges.get(b).add(new double[] {a, length});
        }

        double[] distances(int from) {
            return cache.computeIfAbsent(from, f -> {
                double[] d = new double[edges.size()];
                Arrays.fill(d, Double.POSITIVE_INFINITY);
                d[f] = 0;
                PriorityQueue<double[]> queue = new PriorityQueue<>((p, q) -> Double.compare(p[1], q[1]));
                queue.add(new double[] {f, 0});
                while (!queue.isEmpty()) {
                    double[] top = queue.poll();
                    int v = (int) top[0];
                    if (top[1] > d[v]) {
                        continue;
                    }
                    for (double[] e : edges.get(v)) {
                        int w = (int) e[0];
                        if (d[v] + e[1] < d[w]) {
                            d[w] = d[v] + e[1];
                            queue.add(new double[] {w, d[w]});
                        }
                    }
                }
                return d;
            });
        }
    }
}

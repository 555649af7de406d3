package io.omskit.orchestration.picking;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.fulfilment.FulfilmentId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns pick lists into walking orders for one {@link Slotting}. Thread-safe and stateless apart from the slotting.
 *
 * <p>On a layout of one block (front and back cross aisles) or two (one middle cross aisle) the route is provably
 * shortest: Ratliff and Rosenthal's dynamic programme and Roodbergen and de Koster's extension of it. On more blocks it
 * is the best of S-shape, largest gap, combined, combined+ and nearest neighbour improved by local search (2-opt and
 * segment moves), and is not proved shortest. Every route reports beside it the distance of S-shape, largest gap,
 * combined, nearest neighbour (and on two blocks or more combined+) and of local search from the best of them, so the
 * caller sees each heuristic's gap.
 * With one-way aisles the route is nearest neighbour improved by local search on one-way-aware walking distances
 * (the aisle-by-aisle heuristics and the exact programmes assume two-way aisles), not proved shortest.
 * When a SKU sits in several bins, every combination of bins is routed when there are at most
 * {@value #EXHAUSTIVE_BIN_COMBINATIONS}; otherwise bins are improved one SKU at a time from the bins nearest the depot.
 */
public final class PickRouter {

    /** Most combinations of bins routed one by one before switching to improving one SKU's bin at a time. */
    public static final int EXHAUSTIVE_BIN_COMBINATIONS = 64;
    /** Most blocks (one more cross aisle than that) for which routes are proved shortest. */
    public static final int MAX_EXACT_BLOCKS = 2;
    private static final int IMPROVEMENT_ROUNDS = 4;

    private final Slotting slotting;
    private final WarehouseLayout layout;

    private PickRouter(Slotting slotting) {
        this.slotting = slotting;
        this.layout = slotting.layout();
    }

    /** A router for the bins of {@code slotting}. @throws NullPointerException when it is null */
    public static PickRouter of(Slotting slotting) {
        return new PickRouter(Checks.notNull(slotting, "slotting"));
    }

    /** The slotting this router routes in. */
    public Slotting slotting() {
        return slotting;
    }

    /**
     * The walking order for one pick list.
     *
     * @throws NullPointerException     when {@code pickList} is null
     * @throws IllegalArgumentException naming every SKU of the list that sits in no bin
     */
    public PickRoute route(PickList pickList) {
        Checks.notNull(pickList, "pickList");
        return route(List.of(pickList));
    }

    /**
     * One walking order that picks every list at once (a batch on one trolley); each stop names the fulfilment its
     * units are for.
     *
     * @throws NullPointerException     when the list or an element is null
     * @throws IllegalArgumentException when it is empty, naming every fulfilment named twice and every SKU that sits in
     *                                  no bin
     */
    public PickRoute route(List<PickList> pickLists) {
        List<PickList> lists = Checks.list(pickLists, "pickLists");
        if (lists.isEmpty()) {
            throw new IllegalArgumentException("pickLists must not be empty");
        }
        List<Task> tasks = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<FulfilmentId> fulfilments = new HashSet<>();
        for (int l = 0; l < lists.size(); l++) {
            PickList list = lists.get(l);
            if (!fulfilments.add(list.fulfilment())) {
                problems.add("pickLists[" + l + "].fulfilment " + list.fulfilment() + " must appear once, appears again");
            }
            for (int i = 0; i < list.lines().size(); i++) {
                PickLine line = list.lines().get(i);
                List<BinAddress> bins = slotting.binsOf(line.sku());
                if (bins.isEmpty()) {
                    problems.add("pickLists[" + l + "].lines[" + i + "].sku " + line.sku()
                            + " must sit in a bin of the slotting, sits in none");
                }
                tasks.add(new Task(list.fulfilment(), line.sku(), line.quantity(), bins));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("cannot route: " + String.join("; ", problems));
        }
        return routeTasks(tasks);
    }


    private record Task(FulfilmentId fulfilment, Sku sku, int quantity, List<BinAddress> bins) {
    }

    private PickRoute routeTasks(List<Task> tasks) {
        int n = tasks.size();
        int[] choice = new int[n];
        long combinations = 1;
        for (Task t : tasks) {
            combinations = Math.min(Long.MAX_VALUE / 64, combinations * t.bins().size());
        }
        boolean exhaustive = combinations <= EXHAUSTIVE_BIN_COMBINATIONS;
        if (exhaustive && combinations > 1) {
            int[] current = new int[n];
            double best = Double.POSITIVE_INFINITY;
            for (long c = 0; c < combinations; c++) {
                long rest = c;
                for (int i = 0; i < n; i++) {
                    int k = tasks.get(i).bins().size();
                    current[i] = (int) (rest % k);
                    rest /= k;
                }
                double d = bestDistance(spots(tasks, current));
                if (d < best - 1e-9) {
                    best = d;
                    choice = current.clone();
                }
            }
        } else if (!exhaustive) {
            Spot depot = Spot.depot(layout);
            for (int i = 0; i < n; i++) {
                List<BinAddress> bins = tasks.get(i).bins();
                for (int k = 1; k < bins.size(); k++) {
                    if (Spot.distance(layout, depot, Spot.of(layout, bins.get(k)))
                            < Spot.distance(layout, depot, Spot.of(layout, bins.get(choice[i])))) {
                        choice[i] = k;
                    }
                }
            }
            double best = bestDistance(spots(tasks, choice));
            boolean improved = true;
            for (int round = 0; improved && round < IMPROVEMENT_ROUNDS; round++) {
                improved = false;
                for (int i = 0; i < n; i++) {
                    int kept = choice[i];
                    for (int k = 0; k < tasks.get(i).bins().size(); k++) {
                        if (k == kept) {
                            continue;
                        }
                        choice[i] = k;
                        double d = bestDistance(spots(tasks, choice));
                        if (d < best - 1e-9) {
                            best = d;
                            kept = k;
                            improved = true;
                        }
                    }
                    choice[i] = kept;
                }
            }
        }
        List<Spot> spots = spots(tasks, choice);
        Map<RoutingMethod, Double> byMethod = new EnumMap<>(RoutingMethod.class);
        double[][] matrix = distances(spots);
        if (layout.hasOneWayAisles()) {
            RouteHeuristics.Walk nearest = RouteHeuristics.nearestNeighbour(matrix);
            int[] order = LocalSearch.improve(matrix, nearest.order(), false);
            double distance = LocalSearch.tourLength(matrix, order);
            byMethod.put(RoutingMethod.NEAREST_NEIGHBOUR, nearest.distance());
            byMethod.put(RoutingMethod.LOCAL_SEARCH, distance);
            return new PickRoute(stops(tasks, choice, order), distance, RoutingMethod.LOCAL_SEARCH, false, exhaustive,
                    byMethod);
        }
        RouteHeuristics.Walk s = layout.isSingleBlock() ? RouteHeuristics.sShapeSingleBlock(layout, spots)
                : RouteHeuristics.sShape(layout, spots);
        RouteHeuristics.Walk gap = RouteHeuristics.largestGap(layout, spots);
        RouteHeuristics.Walk nearest = RouteHeuristics.nearestNeighbour(matrix);
        RouteHeuristics.Walk start = s;
        for (RouteHeuristics.Walk w : List.of(gap, nearest)) {
            if (w.distance() < start.distance()) {
                start = w;
            }
        }
        List<RouteHeuristics.Walk> combined = new ArrayList<>();
        if (layout.isSingleBlock()) {
            combined.add(RouteHeuristics.combinedSingleBlock(layout, spots));
            byMethod.put(RoutingMethod.COMBINED, combined.get(0).distance());
        } else {
            combined.add(RouteHeuristics.combined(layout, spots));
            combined.add(RouteHeuristics.combinedPlus(layout, spots));
            byMethod.put(RoutingMethod.COMBINED, combined.get(0).distance());
            byMethod.put(RoutingMethod.COMBINED_PLUS, combined.get(1).distance());
        }
        for (RouteHeuristics.Walk w : combined) {
            if (w.distance() < start.distance()) {
                start = w;
            }
        }
        int[] improved = LocalSearch.improve(matrix, start.order());
        if (!layout.isSingleBlock() && start != nearest) {
            // on several blocks the shortest heuristic walk is not always the start that improves best
            int[] fromNearest = LocalSearch.improve(matrix, nearest.order());
            if (LocalSearch.tourLength(matrix, fromNearest) < LocalSearch.tourLength(matrix, improved) - 1e-9) {
                improved = fromNearest;
            }
        }
        byMethod.put(RoutingMethod.LOCAL_SEARCH, LocalSearch.tourLength(matrix, improved));
        int[] order;
        RoutingMethod method;
        boolean exact = layout.blocks() <= MAX_EXACT_BLOCKS;
        if (exact) {
            SingleBlockOptimum.Solution optimum = optimum(spots);
            byMethod.put(RoutingMethod.OPTIMAL, optimum.distance());
            order = optimum.order();
            method = RoutingMethod.OPTIMAL;
        } else {
            order = improved;
            method = RoutingMethod.LOCAL_SEARCH;
        }
        double distance = LocalSearch.tourLength(matrix, order);
        byMethod.put(RoutingMethod.S_SHAPE, s.distance());
        byMethod.put(RoutingMethod.LARGEST_GAP, gap.distance());
        byMethod.put(RoutingMethod.NEAREST_NEIGHBOUR, nearest.distance());
        return new PickRoute(stops(tasks, choice, order), distance, method, exact && exhaustive, exhaustive, byMethod);
    }

    private static List<PickStop> stops(List<Task> tasks, int[] choice, int[] order) {
        List<PickStop> stops = new ArrayList<>(order.length);
        for (int i : order) {
            Task t = tasks.get(i);
            stops.add(new PickStop(t.bins().get(choice[i]), t.sku(), t.quantity(), t.fulfilment()));
        }
        return stops;
    }

    private double bestDistance(List<Spot> spots) {
        if (layout.hasOneWayAisles()) {
            double[][] matrix = distances(spots);
            return LocalSearch.tourLength(matrix,
                    LocalSearch.improve(matrix, RouteHeuristics.nearestNeighbour(matrix).order(), false));
        }
        if (layout.blocks() <= MAX_EXACT_BLOCKS) {
            return optimum(spots).distance();
        }
        double[][] matrix = distances(spots);
        RouteHeuristics.Walk start = RouteHeuristics.nearestNeighbour(matrix);
        for (RouteHeuristics.Walk w : List.of(RouteHeuristics.sShape(layout, spots),
                RouteHeuristics.combinedPlus(layout, spots))) {
            if (w.distance() < start.distance()) {
                start = w;
            }
        }
        int[] order = LocalSearch.improve(matrix, start.order());
        return LocalSearch.tourLength(matrix, order);
    }

    private SingleBlockOptimum.Solution optimum(List<Spot> spots) {
        return layout.isSingleBlock() ? SingleBlockOptimum.solve(layout, spots) : MultiBlockOptimum.solve(layout, spots);
    }

    private List<Spot> spots(List<Task> tasks, int[] choice) {
        List<Spot> spots = new ArrayList<>(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            spots.add(Spot.of(layout, tasks.get(i).bins().get(choice[i])));
        }
        return spots;
    }

    private double[][] distances(List<Spot> spots) {
        if (layout.hasOneWayAisles()) {
            return DirectedDistances.matrix(layout, spots);
        }
        int n = spots.size();
        double[][] d = new double[n + 1][n + 1];
        Spot depot = Spot.depot(layout);
        for (int i = 0; i <= n; i++) {
            Spot a = i == 0 ? depot : spots.get(i - 1);
            for (int j = i + 1; j <= n; j++) {
                Spot b = spots.get(j - 1);
                d[i][j] = Spot.distance(layout, a, b);
                d[j][i] = d[i][j];
            }
        }
        return d;
    }
}

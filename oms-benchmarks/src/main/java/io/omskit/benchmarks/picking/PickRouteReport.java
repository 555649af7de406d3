package io.omskit.benchmarks.picking;

import io.omskit.orchestration.picking.PickList;
import io.omskit.orchestration.picking.PickRoute;
import io.omskit.orchestration.picking.PickRouter;
import io.omskit.orchestration.picking.RoutingMethod;
import io.omskit.orchestration.picking.Slotting;
import io.omskit.orchestration.picking.WarehouseLayout;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The distance of S-shape, largest gap, combined, combined+, nearest neighbour and local search against the optimum, averaged over 100 random
 * pick lists per row (deterministic seeds), on single-block layouts of 10, 20 and 30 aisles of 30 bays with 10, 30
 * and 60 picks; then the same on two-block layouts (one middle cross aisle, 2 x 15 bays, optimum by Roodbergen and
 * de Koster's programme) and three-block layouts (3 x 10 bays), where no optimum is computed and the gaps are against
 * the local-search route. Prints a Markdown table. Run:
 * <pre>java -cp oms-benchmarks/target/benchmarks.jar io.omskit.benchmarks.picking.PickRouteReport</pre>
 */
public final class PickRouteReport {

    private static final int INSTANCES = 100;
    private static final List<RoutingMethod> COLUMNS = List.of(RoutingMethod.S_SHAPE, RoutingMethod.LARGEST_GAP,
            RoutingMethod.COMBINED, RoutingMethod.COMBINED_PLUS, RoutingMethod.NEAREST_NEIGHBOUR, RoutingMethod.LOCAL_SEARCH);

    private PickRouteReport() {
    }

    public static void main(String[] args) {
        System.out.println("| blocks | aisles | picks | route (m) | S-shape | largest gap | combined | combined+ | nearest neighbour "
                + "| local search |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (int blocks : new int[] {1, 2, 3}) {
            for (int aisles : new int[] {10, 20, 30}) {
                WarehouseLayout layout = PickingInstances.layout(aisles, blocks, 30 / blocks);
                Slotting slotting = PickingInstances.slotting(layout);
                PickRouter router = PickRouter.of(slotting);
                for (int picks : new int[] {10, 30, 60}) {
                    List<PickList> lists = PickingInstances.lists(layout, INSTANCES, picks, 1_000L * aisles + picks);
                    double route = 0;
                    Map<RoutingMethod, Double> sums = new EnumMap<>(RoutingMethod.class);
                    for (PickList list : lists) {
                        PickRoute r = router.route(list);
                        route += r.distanceMetres();
                        r.distanceByMethod().forEach((m, d) -> sums.merge(m, d, Double::sum));
                    }
                    StringBuilder row = new StringBuilder();
                    row.append(String.format("| %d | %d | %d | %.1f%s |", blocks, aisles, picks, route / INSTANCES,
                            blocks <= PickRouter.MAX_EXACT_BLOCKS ? " (optimal)" : ""));
                    for (RoutingMethod m : COLUMNS) {
                        Double sum = sums.get(m);
                        row.append(sum == null ? " – |" : String.format(" %.1f (+%.1f%%) |", sum / INSTANCES,
                                100 * (sum - route) / route));
                    }
                    System.out.println(row);
                }
            }
        }
    }
}

package io.omskit.orchestration.picking;

import io.omskit.core.common.Checks;
import io.omskit.core.fulfilment.FulfilmentId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Batch picking: groups the pick lists of a wave into trolley trips of at most {@code trolleyCapacityUnits} units and
 * routes each trip. A trip starts from the largest list not yet batched and repeatedly adds the list that lengthens
 * its route least, while the trolley has room (seed batching). Heuristic: the grouping is not proved best.
 */
public final class PickWavePlanner {

    private final PickRouter router;
    private final int trolleyCapacityUnits;

    private PickWavePlanner(PickRouter router, int trolleyCapacityUnits) {
        this.router = router;
        this.trolleyCapacityUnits = trolleyCapacityUnits;
    }

    /**
     * A planner for trolleys holding {@code trolleyCapacityUnits} units.
     *
     * @throws NullPointerException     when {@code router} is null
     * @throws IllegalArgumentException when the capacity is below 1
     */
    public static PickWavePlanner of(PickRouter router, int trolleyCapacityUnits) {
        Checks.notNull(router, "router");
        Checks.positive(trolleyCapacityUnits, "trolleyCapacityUnits");
        return new PickWavePlanner(router, trolleyCapacityUnits);
    }

    /**
     * The trips for a wave.
     *
     * @throws NullPointerException     when the wave or a list is null
     * @throws IllegalArgumentException before planning anything, naming every list with more units than a trolley
     *                                  holds, every fulfilment named twice and every SKU in no bin
     */
    public PickWavePlan plan(List<PickList> wave) {
        List<PickList> lists = Checks.list(wave, "wave");
        List<String> problems = new ArrayList<>();
        Set<FulfilmentId> seen = new HashSet<>();
        for (int i = 0; i < lists.size(); i++) {
            PickList list = lists.get(i);
            if (list.units() > trolleyCapacityUnits) {
                problems.add("wave[" + i + "] (" + list.fulfilment() + ") has " + list.units()
                        + " units, must be at most the trolley capacity " + trolleyCapacityUnits);
            }
            if (!seen.add(list.fulfilment())) {
                problems.add("wave[" + i + "].fulfilment " + list.fulfilment() + " must appear once, appears again");
            }
            for (int j = 0; j < list.lines().size(); j++) {
                if (router.slotting().binsOf(list.lines().get(j).sku()).isEmpty()) {
                    problems.add("wave[" + i + "].lines[" + j + "].sku " + list.lines().get(j).sku()
                            + " must sit in a bin of the slotting, sits in none");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("cannot plan wave: " + String.join("; ", problems));
        }
        List<PickList> open = new ArrayList<>(lists);
        open.sort(Comparator.comparingInt(PickList::units).reversed().thenComparing(PickList::fulfilment));
        List<PickBatch> batches = new ArrayList<>();
        double separate = 0;
        for (PickList list : lists) {
            separate += router.route(list).distanceMetres();
        }
        while (!open.isEmpty()) {
            List<PickList> batch = new ArrayList<>();
            batch.add(open.remove(0));
            int units = batch.get(0).units();
            PickRoute route = router.route(batch);
            while (true) {
                int best = -1;
                PickRoute bestRoute = null;
                for (int i = 0; i < open.size(); i++) {
                    if (units + open.get(i).units() > trolleyCapacityUnits) {
                        continue;
                    }
                    List<PickList> candidate = new ArrayList<>(batch);
                    candidate.add(open.get(i));
                    PickRoute r = router.route(candidate);
                    if (bestRoute == null || r.distanceMetres() < bestRoute.distanceMetres()) {
                        best = i;
                        bestRoute = r;
                    }
                }
                if (best < 0) {
                    break;
                }
                PickList added = open.remove(best);
                batch.add(added);
                units += added.units();
                route = bestRoute;
            }
            List<FulfilmentId> ids = new ArrayList<>();
            for (PickList l : batch) {
                ids.add(l.fulfilment());
            }
            batches.add(new PickBatch(ids, units, route));
        }
        return new PickWavePlan(batches, separate);
    }
}

package io.omskit.orchestration.picking;

import io.omskit.core.common.Checks;
import java.util.List;

/**
 * Pick lists grouped into trolley trips.
 *
 * @param batches                the trips; every fulfilment of the wave is in exactly one
 * @param separateDistanceMetres what picking every list on its own trip would walk, for comparison
 */
public record PickWavePlan(List<PickBatch> batches, double separateDistanceMetres) {

    public PickWavePlan {
        batches = Checks.list(batches, "batches");
    }

    /** Total walking distance of all trips, in metres. */
    public double distanceMetres() {
        double total = 0;
        for (PickBatch b : batches) {
            total += b.route().distanceMetres();
        }
        return total;
    }
}

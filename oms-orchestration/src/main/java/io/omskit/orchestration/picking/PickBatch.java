package io.omskit.orchestration.picking;

import io.omskit.core.common.Checks;
import io.omskit.core.fulfilment.FulfilmentId;
import java.util.List;

/**
 * Pick lists picked together on one trolley trip, each into its own tote.
 *
 * @param fulfilments the fulfilments on the trolley, in the order they were added to the batch
 * @param units       units on the trolley, at most its capacity
 * @param route       one walking order for all of them; each stop names its fulfilment
 */
public record PickBatch(List<FulfilmentId> fulfilments, int units, PickRoute route) {

    public PickBatch {
        fulfilments = Checks.list(fulfilments, "fulfilments");
        Checks.positive(units, "units");
        Checks.notNull(route, "route");
    }
}

package io.omskit.orchestration.engine.shadow;

import io.omskit.core.common.Checks;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.stock.StockSnapshot;
import java.time.Instant;

/**
 * One demand of history to replay: the request as it was sourced, the stock it saw (a frozen snapshot) and when.
 *
 * @param request  the request
 * @param snapshot the stock it was sourced against; a frozen one, for the replay to see what the live run saw
 * @param at       when it was sourced
 */
public record ReplayedDemand(SourcingRequest request, StockSnapshot snapshot, Instant at) {

    public ReplayedDemand {
        Checks.notNull(request, "request");
        Checks.notNull(snapshot, "snapshot");
        Checks.notNull(at, "at");
    }
}

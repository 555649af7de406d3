package io.omskit.core.transfer;

import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import java.time.Instant;
import java.util.List;

/**
 * A request to move stock between locations.
 *
 * @param id              the host's key: requesting the same id again moves nothing more
 * @param from            where the units leave
 * @param to              where they arrive; not {@code from}
 * @param reason          why
 * @param lines           units per SKU, each SKU once
 * @param expectedArrival when the units are expected at {@code to}; not before the request
 */
public record TransferRequest(TransferId id, LocationId from, LocationId to, TransferReason reason, List<TransferLine> lines,
                             Instant expectedArrival) {

    public TransferRequest {
        Checks.notNull(id, "id");
        Checks.notNull(from, "from");
        Checks.notNull(to, "to");
        Checks.notNull(reason, "reason");
        lines = Checks.list(lines, "lines");
        Checks.notNull(expectedArrival, "expectedArrival");
    }
}

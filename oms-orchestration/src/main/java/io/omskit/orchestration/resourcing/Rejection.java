package io.omskit.orchestration.resourcing;

import io.omskit.core.common.Checks;
import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import java.util.List;

/**
 * A location refused units it was allocated: it rejected the fulfilment, or short-picked some lines.
 *
 * @param order      the order
 * @param allocation the allocation the units were allocated under
 * @param location   the location that refused them
 * @param quantities the refused units per line (for a bundle line, in bundles)
 * @param reason     the location's reason, for people; null means empty; at most {@value #MAX_REASON_LENGTH}
 *                   characters, lines separated by line feeds, no other control characters
 */
public record Rejection(Order order, AllocationKey allocation, LocationId location, List<LineQuantity> quantities,
                        String reason) {

    /** The longest reason: 1,000 characters. */
    public static final int MAX_REASON_LENGTH = 1_000;

    public Rejection {
        Checks.notNull(order, "order");
        Checks.notNull(allocation, "allocation");
        Checks.notNull(location, "location");
        quantities = Checks.list(quantities, "quantities");
        if (quantities.isEmpty()) {
            throw new IllegalArgumentException("quantities must not be empty for a rejection at " + location);
        }
        reason = reason == null ? "" : Checks.multiLineText(reason, "reason", MAX_REASON_LENGTH);
    }
}

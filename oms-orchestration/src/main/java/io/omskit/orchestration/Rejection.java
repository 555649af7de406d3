package io.omskit.orchestration;

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
 * @param reason     the location's reason, for people
 */
public record Rejection(Order order, AllocationKey allocation, LocationId location, List<LineQuantity> quantities,
                        String reason) {

    public Rejection {
        Checks.notNull(order, "order");
        Checks.notNull(allocation, "allocation");
        Checks.notNull(location, "location");
        quantities = List.copyOf(Checks.notNull(quantities, "quantities"));
        if (quantities.isEmpty()) {
            throw new IllegalArgumentException("quantities must not be empty for a rejection at " + location);
        }
        reason = reason == null ? "" : reason;
    }
}

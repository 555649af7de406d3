package io.omskit.core.backorder;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.inventory.MovementKey;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.OrderId;

/**
 * Units of a backorder filled from one receipt.
 *
 * @param receipt   the {@link io.omskit.core.inventory.MovementReason#INBOUND_RECEIVED} movement that brought them
 * @param backorder the backorder filled
 * @param order     its order
 * @param sku       the SKU
 * @param location  where they arrived
 * @param units     units filled, at least 1
 */
public record BackorderFill(MovementKey receipt, BackorderId backorder, OrderId order, Sku sku, LocationId location,
                            int units) {

    public BackorderFill {
        Checks.notNull(receipt, "receipt");
        Checks.notNull(backorder, "backorder");
        Checks.notNull(order, "order");
        Checks.notNull(sku, "sku");
        Checks.notNull(location, "location");
        Checks.positive(units, "units");
    }
}

package io.omskit.core.backorder;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.inventory.MovementKey;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.OrderId;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

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

    /**
     * The key under which the units of this fill are filled again into other backorders when they are passed on
     * ({@link io.omskit.core.spi.BackorderBook#passOn}): the same for the same receipt and backorder, distinct from
     * every receipt's own key, so that each fill has a reservation key of its own.
     */
    public MovementKey passedOnKey() {
        String text = receipt.value() + '\u0000' + backorder.value();
        return MovementKey.of("passed-on-" + UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8)));
    }
}

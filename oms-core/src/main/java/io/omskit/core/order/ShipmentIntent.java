package io.omskit.core.order;

import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import java.util.List;

/**
 * A shipment the order recorded before its stock left the location: its units are already shipped on the order, and
 * the stock movements that take them out of the allocation are made (or replayed) right after, by the shipment's call,
 * its retry, or the next command on the order, whichever comes first. Until then the allocation keeps holding them.
 *
 * @param shipmentRef  the shipment's reference, which keys its stock movements
 * @param inventoryKey the inventory allocation the units leave
 * @param location     where they leave from
 * @param quantities   the units shipped, per line
 */
public record ShipmentIntent(String shipmentRef, String inventoryKey, LocationId location, List<LineQuantity> quantities) {

    public ShipmentIntent {
        Checks.identifier(shipmentRef, "shipmentRef");
        Checks.identifier(inventoryKey, "inventoryKey");
        Checks.notNull(location, "location");
        quantities = Checks.list(quantities, "quantities");
        if (quantities.isEmpty()) {
            throw new IllegalArgumentException("quantities must not be empty for shipment " + shipmentRef);
        }
    }
}

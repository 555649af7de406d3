package io.omskit.core.inventory;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;

/**
 * Units of a SKU to hold, either anywhere in the network ({@code location == null}) or at one location.
 */
public record ReservationLine(Sku sku, LocationId location, int quantity) {

    public ReservationLine {
        Checks.notNull(sku, "sku");
        Checks.positive(quantity, "quantity");
    }

    /** Units held anywhere in the network, to be allocated at a location later. */
    public static ReservationLine anywhere(Sku sku, int quantity) {
        return new ReservationLine(sku, null, quantity);
    }

    /** Units held at one location. */
    public static ReservationLine at(Sku sku, LocationId location, int quantity) {
        return new ReservationLine(sku, Checks.notNull(location, "location"), quantity);
    }

    /** Whether the units are held network-wide rather than at a location. */
    public boolean isNetworkWide() {
        return location == null;
    }
}

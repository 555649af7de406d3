package io.omskit.core.inventory;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;

/** Units of a SKU allocated at a location. */
public record AllocationLine(Sku sku, LocationId location, int quantity) {

    public AllocationLine {
        Checks.notNull(sku, "sku");
        Checks.notNull(location, "location");
        Checks.positive(quantity, "quantity");
    }

    public static AllocationLine of(Sku sku, LocationId location, int quantity) {
        return new AllocationLine(sku, location, quantity);
    }
}

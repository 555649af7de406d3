package io.omskit.orchestration.picking;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;

/**
 * Units of one SKU to pick.
 *
 * @param sku      not null
 * @param quantity at least 1
 */
public record PickLine(Sku sku, int quantity) {

    public PickLine {
        Checks.notNull(sku, "sku");
        Checks.positive(quantity, "quantity");
    }

    /** {@code quantity} units of {@code sku}. */
    public static PickLine of(Sku sku, int quantity) {
        return new PickLine(sku, quantity);
    }
}

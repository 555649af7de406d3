package io.omskit.orchestration.packing;

import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.common.Checks;

/**
 * Units of one SKU to pack; size and weight come from the SKU's attributes.
 *
 * @param item     the SKU's attributes; not null
 * @param quantity at least 1
 */
public record PackLine(SkuAttributes item, int quantity) {

    public PackLine {
        Checks.notNull(item, "item");
        Checks.positive(quantity, "quantity");
    }

    /** {@code quantity} units of {@code item}. */
    public static PackLine of(SkuAttributes item, int quantity) {
        return new PackLine(item, quantity);
    }
}

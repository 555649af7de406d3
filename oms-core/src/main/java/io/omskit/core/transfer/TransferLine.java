package io.omskit.core.transfer;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;

/**
 * Units of one SKU a transfer moves.
 *
 * @param sku      the SKU
 * @param quantity units, at least 1
 */
public record TransferLine(Sku sku, int quantity) {

    public TransferLine {
        Checks.notNull(sku, "sku");
        Checks.positive(quantity, "quantity");
    }

    /** {@code quantity} units of {@code sku}. */
    public static TransferLine of(Sku sku, int quantity) {
        return new TransferLine(sku, quantity);
    }
}

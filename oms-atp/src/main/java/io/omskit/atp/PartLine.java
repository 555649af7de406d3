package io.omskit.atp;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;

/**
 * Units of one product-page or cart line in one part of a promise.
 *
 * @param line     the line's id (for a product page: {@code "1"})
 * @param sku      the SKU whose stock is taken (a bundle's component for a bundle line)
 * @param quantity units, at least 1
 */
public record PartLine(String line, Sku sku, int quantity) {

    public PartLine {
        Checks.notBlank(line, "line");
        Checks.notNull(sku, "sku");
        Checks.positive(quantity, "quantity");
    }
}

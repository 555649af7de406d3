package io.omskit.orchestration.plan;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.order.LineId;

/**
 * Units of one order line taken at one location. For a bundle line there is one planned line per component SKU.
 *
 * @param line     the order line
 * @param sku      the SKU whose stock is taken (the line's SKU, or a bundle component)
 * @param quantity units, at least 1
 */
public record PlannedLine(LineId line, Sku sku, int quantity) {

    public PlannedLine {
        Checks.notNull(line, "line");
        Checks.notNull(sku, "sku");
        Checks.positive(quantity, "quantity");
    }
}

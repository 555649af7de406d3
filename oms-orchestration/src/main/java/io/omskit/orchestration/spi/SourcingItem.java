package io.omskit.orchestration.spi;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.order.LineId;

/**
 * Units of one SKU to source for one line of the demand. A plain line is one item; a bundle line is one item per
 * component, all in the bundle's group.
 *
 * @param line     the line the units belong to
 * @param sku      the SKU whose stock is drawn on
 * @param quantity units to source, at least 1
 * @param group    items with the same group must ship together from one location when the rule set keeps groups
 *                 together; null for an item in no group
 */
public record SourcingItem(LineId line, Sku sku, int quantity, String group) {

    public SourcingItem {
        Checks.notNull(line, "line");
        Checks.notNull(sku, "sku");
        Checks.positive(quantity, "quantity");
    }
}

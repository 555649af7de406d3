package io.omskit.orchestration.plan;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.order.LineId;

/**
 * Units a plan leaves unsourced: to backorder, or to cancel by policy.
 *
 * @param line     the order line
 * @param sku      the SKU (a bundle component for a bundle line)
 * @param quantity units, at least 1
 * @param reason   why
 * @param detail   the figures behind the reason, for people
 */
public record Unsourced(LineId line, Sku sku, int quantity, UnsourcedReason reason, String detail) {

    public Unsourced {
        Checks.notNull(line, "line");
        Checks.notNull(sku, "sku");
        Checks.positive(quantity, "quantity");
        Checks.notNull(reason, "reason");
        detail = detail == null ? "" : detail;
    }
}

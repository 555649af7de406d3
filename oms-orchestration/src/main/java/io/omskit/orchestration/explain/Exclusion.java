package io.omskit.orchestration.explain;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.order.LineId;
import io.omskit.orchestration.spi.Justification;

/**
 * A filter excluded a location, for the whole order ({@code line == null}) or for one item.
 *
 * @param rule the filter's name
 * @param line the excluded line; null when the whole order is excluded
 * @param sku  the excluded item's SKU; null when the whole order is excluded
 * @param why  the filter's justification
 */
public record Exclusion(String rule, LineId line, Sku sku, Justification why) {

    public Exclusion {
        Checks.notBlank(rule, "rule");
        Checks.notNull(why, "why");
    }

    /** Whether the exclusion covers the whole order. */
    public boolean isWholeOrder() {
        return line == null;
    }
}

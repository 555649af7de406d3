package io.omskit.core.inventory;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.LocationId;

/** Chooses the alert thresholds of each position. Must be fast and thread-safe. */
@FunctionalInterface
public interface ThresholdPolicy {

    /** The thresholds of {@code sku} at {@code location}. */
    StockThresholds thresholds(Sku sku, LocationId location);

    /** The same thresholds everywhere. */
    static ThresholdPolicy uniform(StockThresholds thresholds) {
        return (sku, location) -> thresholds;
    }
}

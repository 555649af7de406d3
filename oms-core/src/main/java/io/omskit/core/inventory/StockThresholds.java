package io.omskit.core.inventory;

/**
 * When a position raises stock alerts: low stock when available to sell falls to {@code low} or below
 * (and above zero), overstock when on hand rises to {@code overstock} or above.
 */
public record StockThresholds(int low, int overstock) {

    public StockThresholds {
        if (low < 0) {
            throw new IllegalArgumentException("low must be >= 0, was " + low);
        }
        if (overstock <= low) {
            throw new IllegalArgumentException("overstock must be > low (" + low + "), was " + overstock);
        }
    }

    /** Low at 5 units, no overstock alert. */
    public static StockThresholds defaults() {
        return new StockThresholds(5, Integer.MAX_VALUE);
    }
}

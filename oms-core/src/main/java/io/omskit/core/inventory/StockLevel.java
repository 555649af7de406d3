package io.omskit.core.inventory;

/** The alert level of a position; an event is raised when it changes. */
public enum StockLevel {
    OUT_OF_STOCK, LOW, NORMAL, OVERSTOCK;

    /** The level for the given available-to-sell and on-hand figures. */
    public static StockLevel of(int availableToSell, int onHand, StockThresholds t) {
        if (availableToSell <= 0) {
            return OUT_OF_STOCK;
        }
        if (onHand >= t.overstock()) {
            return OVERSTOCK;
        }
        return availableToSell <= t.low() ? LOW : NORMAL;
    }
}

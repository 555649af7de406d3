package io.omskit.core.inventory;

import java.util.function.Function;

/** The answer to a stock adjustment. */
public sealed interface AdjustmentResult {

    /** Whether the movement was recorded. */
    boolean isApplied();

    <T> T fold(Function<Applied, T> onApplied, Function<Refused, T> onRefused);

    /**
     * Recorded (or replayed: the key had been used and nothing changed again).
     *
     * @param position the position after the movement
     */
    record Applied(StockMovement movement, StockPosition position, boolean replayed) implements AdjustmentResult {
        @Override public boolean isApplied() { return true; }
        @Override public <T> T fold(Function<Applied, T> a, Function<Refused, T> b) { return a.apply(this); }
    }

    /**
     * Not recorded, because it would take a bucket below zero or leave reserved and allocated units without stock;
     * release or re-source those first.
     */
    record Refused(StockAdjustment adjustment, String reason) implements AdjustmentResult {
        @Override public boolean isApplied() { return false; }
        @Override public <T> T fold(Function<Applied, T> a, Function<Refused, T> b) { return b.apply(this); }
    }
}

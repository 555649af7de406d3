package io.omskit.core.inventory;

import java.util.List;
import java.util.function.Function;

/** The answer to an allocation request. */
public sealed interface AllocationResult {

    /** Whether stock was allocated. */
    boolean isAllocated();

    /** Folds the two outcomes into one value. */
    <T> T fold(Function<Allocated, T> onAllocated, Function<Insufficient, T> onInsufficient);

    /** Stock is allocated; {@code replayed} when the key had been used before. */
    record Allocated(Allocation allocation, boolean replayed) implements AllocationResult {
        @Override public boolean isAllocated() { return true; }
        @Override public <T> T fold(Function<Allocated, T> a, Function<Insufficient, T> b) { return a.apply(this); }
    }

    /** Nothing was allocated. */
    record Insufficient(List<Shortage> shortages) implements AllocationResult {
        public Insufficient {
            shortages = List.copyOf(shortages);
        }
        @Override public boolean isAllocated() { return false; }
        @Override public <T> T fold(Function<Allocated, T> a, Function<Insufficient, T> b) { return b.apply(this); }
    }
}

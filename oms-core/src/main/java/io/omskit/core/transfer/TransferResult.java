package io.omskit.core.transfer;

import io.omskit.core.inventory.Shortage;
import java.util.List;
import java.util.function.Function;

/** What became of a transfer request: requested, or refused because the source has too little. */
public sealed interface TransferResult {

    /** Whether the transfer was requested (or had been, by an earlier call with its id). */
    boolean isRequested();

    /** {@code requested} applied to a requested transfer, {@code refused} to a refusal. */
    <T> T fold(Function<Requested, T> requested, Function<Refused, T> refused);

    /**
     * The transfer exists: its units are held at the source and expected at the destination.
     *
     * @param transfer the transfer as stored
     * @param replayed whether an earlier call with its id had requested it already
     */
    record Requested(Transfer transfer, boolean replayed) implements TransferResult {
        @Override public boolean isRequested() { return true; }
        @Override public <T> T fold(Function<Requested, T> requested, Function<Refused, T> refused) { return requested.apply(this); }
    }

    /**
     * The source cannot spare the units: nothing was held or stored.
     *
     * @param shortages per SKU, what was asked and what the source has to spare
     */
    record Refused(List<Shortage> shortages) implements TransferResult {
        public Refused {
            shortages = List.copyOf(shortages);
        }

        @Override public boolean isRequested() { return false; }
        @Override public <T> T fold(Function<Requested, T> requested, Function<Refused, T> refused) { return refused.apply(this); }
    }
}

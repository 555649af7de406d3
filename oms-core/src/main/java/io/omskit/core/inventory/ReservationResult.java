package io.omskit.core.inventory;

import java.util.List;
import java.util.function.Function;

/**
 * The answer to a reservation request: reserved (possibly a replay of an earlier request with the
 * same key), or refused for lack of stock with nothing held.
 */
public sealed interface ReservationResult {

    /** Whether stock is held. */
    boolean isReserved();

    /** Folds the two outcomes into one value. */
    <T> T fold(Function<Reserved, T> onReserved, Function<Insufficient, T> onInsufficient);

    /**
     * Stock is held.
     *
     * @param reservation the reservation
     * @param replayed    true when the key had been used before and nothing new was held
     */
    record Reserved(Reservation reservation, boolean replayed) implements ReservationResult {
        @Override public boolean isReserved() { return true; }
        @Override public <T> T fold(Function<Reserved, T> a, Function<Insufficient, T> b) { return a.apply(this); }
    }

    /** Nothing was held: the shortages say which SKUs lacked how much. */
    record Insufficient(List<Shortage> shortages) implements ReservationResult {
        public Insufficient {
            shortages = List.copyOf(shortages);
        }
        @Override public boolean isReserved() { return false; }
        @Override public <T> T fold(Function<Reserved, T> a, Function<Insufficient, T> b) { return b.apply(this); }
    }
}

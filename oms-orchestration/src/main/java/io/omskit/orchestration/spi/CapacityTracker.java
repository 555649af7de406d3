package io.omskit.orchestration.spi;

import io.omskit.core.network.LocationId;
import java.time.LocalDate;

/**
 * Counts the fulfilments each location took on each of its local days, against its daily capacity.
 * Thread-safe; the engine consumes one unit of capacity per planned fulfilment it applies and releases it when
 * the application is undone.
 *
 * <p>What an adapter promises, clause by clause (the TCK {@code CapacityTrackerContract} checks each): a new tracker
 * counts nothing (§1); {@link #tryConsume} counts one while fewer than the capacity are counted, else refuses and
 * counts nothing, so a capacity of 0 or less takes nothing (§2); counts are per location and per local day (§3);
 * {@link #release} takes back one and never goes below zero (§4); the reads by index and in bulk answer what
 * {@link #used(LocationId, LocalDate)} answers at that moment, even when networks sharing the tracker give one index
 * to different locations (§5); threads consuming at once never count beyond the capacity (§6).
 */
public interface CapacityTracker {

    /** Fulfilments counted at {@code location} on {@code day}; at least 0. */
    int used(LocationId location, LocalDate day);

    /**
     * {@link #used(LocationId, LocalDate)}, for the engine, which also passes the location's dense index in its
     * network ({@code index}, at least 0) so that a tracker may answer from an array by index; the same answer. The
     * default ignores the index.
     */
    default int used(int index, LocationId location, LocalDate day) {
        return used(location, day);
    }

    /**
     * {@link #used(int, LocationId, LocalDate)} for the locations at {@code indexes[0..count)} on one {@code day}, for
     * the engine, which asks for all the candidates of an order at once: {@code out[x]} is the answer for
     * {@code indexes[x]}, whose location is {@code locations[indexes[x]]} (the network's locations by dense index).
     * The default asks one by one.
     */
    default void used(int[] indexes, int count, LocationId[] locations, LocalDate day, int[] out) {
        for (int x = 0; x < count; x++) {
            out[x] = used(indexes[x], locations[indexes[x]], day);
        }
    }

    /**
     * Counts one more fulfilment if fewer than {@code capacity} are counted.
     *
     * @return whether it was counted
     */
    boolean tryConsume(LocationId location, LocalDate day, int capacity);

    /** Takes back one counted fulfilment; does nothing when none is counted. */
    void release(LocationId location, LocalDate day);
}

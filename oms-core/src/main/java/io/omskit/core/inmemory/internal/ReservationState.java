package io.omskit.core.inmemory.internal;

import io.omskit.core.catalog.Sku;
import io.omskit.core.inventory.Reservation;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.inventory.ReservationLine;
import io.omskit.core.inventory.ReservationRequest;
import io.omskit.core.inventory.ReservationStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The live state of one reservation. Its monitor guards every mutable field; it is taken before any stripe lock.
 * A change in place or a hold anew under the same key rewrites the request's fields; the scans of every key read
 * {@link #reference} and {@link #createdAt} without the monitor, so those are volatile.
 */
final class ReservationState extends Claim {

    final ReservationKey key;
    volatile String reference;
    List<ReservationLine> requested;
    volatile Instant createdAt;
    Instant expiresAt;
    /**
     * Its entry in the book's table of holds by expiry, at or before {@link #expiresAt} (an extension leaves the entry
     * where it is, and the lapse check moves it on when it comes due); null when it has none.
     */
    HoldSlot holdSlot;
    /** The latest change keys applied, a ring with their hashes (compared first); null before the first change. */
    private String[] changeKeys;
    private int[] changeHashes;
    private int changeCount;
    private int nextChange;

    volatile ReservationStatus status = ReservationStatus.ACTIVE;
    /** What is held, one entry per (SKU, location); quantities fall to 0 as units are let go. */
    Entries held;
    /** Whether {@link #held} still equals the requested lines one for one. */
    boolean heldAsRequested;
    Instant finishedAt;
    private Reservation snapshot;

    ReservationState(ReservationRequest request, Instant createdAt) {
        this.key = request.key();
        this.reference = request.reference();
        this.requested = request.lines();
        this.createdAt = createdAt;
        this.expiresAt = request.expiresAt();
    }

    /** Whether a change with {@code changeKey} was applied (among the latest remembered). */
    boolean applied(String changeKey) {
        if (changeKeys == null) {
            return false;
        }
        int h = changeKey.hashCode();
        for (int i = 0; i < changeCount; i++) {
            if (changeHashes[i] == h && changeKeys[i].equals(changeKey)) {
                return true;
            }
        }
        return false;
    }

    /** Remembers that the change {@code changeKey} was applied, forgetting the oldest beyond {@code limit}. */
    void remember(String changeKey, int limit) {
        if (changeKeys == null) {
            changeKeys = new String[limit];
            changeHashes = new int[limit];
        }
        changeKeys[nextChange] = changeKey;
        changeHashes[nextChange] = changeKey.hashCode();
        nextChange = (nextChange + 1) % changeKeys.length;
        changeCount = Math.min(changeCount + 1, changeKeys.length);
    }

    /** Units of {@code sku} still held. */
    int heldQuantity(Sku sku) {
        if (status != ReservationStatus.ACTIVE) {
            return 0;
        }
        int t = 0;
        for (int i = 0; i < held.n; i++) {
            if (held.sku(i).equals(sku)) {
                t += held.qty(i);
            }
        }
        return t;
    }

    /** Whether any unit is still held. */
    boolean holdsAnything() {
        for (int i = 0; i < held.n; i++) {
            if (held.qty(i) > 0) {
                return true;
            }
        }
        return false;
    }

    /** The position of a hold in the table of holds by expiry: its expiry, then the order it was entered in. */
    record HoldSlot(Instant at, long seq) implements Comparable<HoldSlot> {
        @Override
        public int compareTo(HoldSlot o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    /** Marks the held units as changed: the next snapshot is rebuilt. */
    void changed() {
        heldAsRequested = false;
        snapshot = null;
    }

    /** Ends the reservation with {@code status}; it holds nothing afterwards. */
    void finish(ReservationStatus to, Instant at) {
        for (int i = 0; i < held.n; i++) {
            held.setQty(i, 0);
        }
        held = Entries.NONE;
        status = to;
        finishedAt = at;
        changed();
    }

    /** Whether it was active with an expiry at or before {@code now}. */
    boolean expiredAt(Instant now) {
        return status == ReservationStatus.ACTIVE && expiresAt != null && !expiresAt.isAfter(now);
    }

    /** The reservation as a value. */
    Reservation snapshot() {
        Reservation s = snapshot;
        if (s == null) {
            s = new Reservation(key, reference, requested, heldLines(), status, createdAt, expiresAt);
            snapshot = s;
        }
        return s;
    }

    private List<ReservationLine> heldLines() {
        if (status != ReservationStatus.ACTIVE) {
            return List.of();
        }
        if (heldAsRequested) {
            return requested;
        }
        List<ReservationLine> lines = new ArrayList<>(held.n);
        for (int i = 0; i < held.n; i++) {
            if (held.qty(i) > 0) {
                lines.add(new ReservationLine(held.sku(i), held.locationId(i), held.qty(i)));
            }
        }
        return lines;
    }

    /** The held lines of {@code sku} with their current quantities (for events). */
    List<ReservationLine> heldLinesOf(SkuStripe stripe) {
        List<ReservationLine> lines = new ArrayList<>(2);
        for (int i = 0; i < held.n; i++) {
            if (held.stripe(i) == stripe && held.qty(i) > 0) {
                lines.add(new ReservationLine(held.sku(i), held.locationId(i), held.qty(i)));
            }
        }
        return lines;
    }
}

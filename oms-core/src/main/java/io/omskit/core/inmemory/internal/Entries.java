package io.omskit.core.inmemory.internal;

import io.omskit.core.catalog.Sku;
import io.omskit.core.inventory.ReservationLine;
import io.omskit.core.network.LocationId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;

/**
 * The lines of one request (or what a reservation or allocation holds) with repeated (SKU, location) pairs added
 * up, resolved to stripes and dense location indexes. Two arrays whatever the number of lines (one of references,
 * one of ints, a row per entry), so a three-line cart costs three allocations.
 */
final class Entries {

    /** Location index of a network-wide line. */
    static final int NETWORK = -1;
    /** Location index of a location the store has never seen (no stock there). */
    static final int UNKNOWN = -2;

    private static final int SCAN_LIMIT = 16;

    private static final int REFS = 3;
    private static final int SKU = 0;
    private static final int LOCATION_ID = 1;
    private static final int STRIPE = 2;

    private static final int INTS = 4;
    private static final int LOC = 0;
    private static final int SLOT = 1;
    private static final int QTY = 2;
    /** In row k: the entry whose stripe is locked k-th. */
    private static final int LOCK_ORDER = 3;

    /**
     * No entries: what a finished reservation or a fully shipped or deallocated allocation keeps, so that the rows of
     * the positions it once held are not retained with it. Shared: never added to.
     */
    static final Entries NONE = new Entries(0);

    private Object[] refs;
    private int[] ints;
    /** The number of entries. */
    int n;
    /** Whether two input lines were added up into one entry. */
    boolean merged;
    /** The number of distinct known stripes, see {@link #computeLockOrder()}. */
    int lockCount;

    private HashMap<Key, Integer> index;
    /** What reading the position hints returned: kept only so that the reads are not optimised away. */
    int touched;

    private record Key(Sku sku, LocationId location) {
    }

    Entries(int capacity) {
        int c = Math.max(1, capacity);
        refs = new Object[c * REFS];
        ints = new int[c * INTS];
    }

    /**
     * The entries of reservation lines. The stripes of all lines are looked up together, each step over every
     * line before the next step (hash every SKU, read every table slot, check every stripe), so the cache misses of
     * different SKUs overlap instead of queueing one after another. The table step also reads each pinned line's
     * position through the index's hint, so that it arrives together with the stripe instead of after it.
     */
    static Entries ofReservation(List<ReservationLine> lines, StripeIndex stripes, LocationRegistry locations) {
        int count = lines.size();
        Entries e = new Entries(count);
        Object[] r = e.refs;
        int[] x = e.ints;
        for (int i = 0; i < count; i++) {
            ReservationLine l = lines.get(i);
            x[i * INTS + LOCK_ORDER] = StripeIndex.hash(l.sku());
            LocationId location = l.location();
            int loc = location == null ? NETWORK : locations.indexOf(location);
            x[i * INTS + LOC] = loc < 0 && location != null ? UNKNOWN : loc;
        }
        int touched = 0;
        for (int i = 0; i < count; i++) {
            int h = x[i * INTS + LOCK_ORDER];
            r[i * REFS + STRIPE] = stripes.first(h);
            int loc = x[i * INTS + LOC];
            if (loc >= 0) {
                touched += stripes.touch(h, loc);
            }
        }
        for (int i = 0; i < count; i++) {
            r[i * REFS + STRIPE] = stripes.confirm((SkuStripe) r[i * REFS + STRIPE], x[i * INTS + LOCK_ORDER],
                    lines.get(i).sku());
        }
        e.touched = touched;
        // Line i is added as entry n <= i: adding it only overwrites rows of lines already added.
        for (int i = 0; i < count; i++) {
            ReservationLine l = lines.get(i);
            e.add(l.sku(), l.location(), (SkuStripe) r[i * REFS + STRIPE], x[i * INTS + LOC], l.quantity());
        }
        return e;
    }

    /** The SKU of entry {@code i}. */
    Sku sku(int i) {
        return (Sku) refs[i * REFS + SKU];
    }

    /** The location of entry {@code i}; null when network-wide. */
    LocationId locationId(int i) {
        return (LocationId) refs[i * REFS + LOCATION_ID];
    }

    /** The stripe of entry {@code i}; null when the SKU is unknown. */
    SkuStripe stripe(int i) {
        return (SkuStripe) refs[i * REFS + STRIPE];
    }

    /** The dense location index of entry {@code i}, or {@link #NETWORK} or {@link #UNKNOWN}. */
    int loc(int i) {
        return ints[i * INTS + LOC];
    }

    /** The position slot of entry {@code i} in its stripe; negative when it has none. */
    int slot(int i) {
        return ints[i * INTS + SLOT];
    }

    void setSlot(int i, int slot) {
        ints[i * INTS + SLOT] = slot;
    }

    /** The units of entry {@code i}. */
    int qty(int i) {
        return ints[i * INTS + QTY];
    }

    void setQty(int i, int quantity) {
        ints[i * INTS + QTY] = quantity;
    }

    /** The units of every entry, in entry order (a copy). */
    int[] quantities() {
        int[] q = new int[n];
        for (int i = 0; i < n; i++) {
            q[i] = qty(i);
        }
        return q;
    }

    /** The {@code k}-th stripe in lock order, {@code k < lockCount}. */
    SkuStripe lockOrder(int k) {
        return stripe(ints[k * INTS + LOCK_ORDER]);
    }

    /** Adds a line, or adds its quantity to the entry of the same SKU and location. */
    void add(Sku sku, LocationId location, SkuStripe stripe, int loc, int quantity) {
        int j = index != null ? find(sku, location) : scan(sku, stripe, location);
        if (j >= 0) {
            setQty(j, Math.addExact(qty(j), quantity));
            merged = true;
            return;
        }
        if (n * INTS == ints.length) {
            grow();
        }
        refs[n * REFS + SKU] = sku;
        refs[n * REFS + LOCATION_ID] = location;
        refs[n * REFS + STRIPE] = stripe;
        ints[n * INTS + LOC] = loc;
        ints[n * INTS + SLOT] = -1;
        ints[n * INTS + QTY] = quantity;
        if (index != null) {
            index.put(new Key(sku, location), n);
        } else if (n + 1 > SCAN_LIMIT) {
            index = new HashMap<>();
            for (int i = 0; i <= n; i++) {
                index.put(new Key(sku(i), locationId(i)), i);
            }
        }
        n++;
    }

    /** The entry of {@code sku} at {@code location} (null: network-wide), or -1. */
    int find(Sku sku, LocationId location) {
        if (index != null) {
            Integer i = index.get(new Key(sku, location));
            return i == null ? -1 : i;
        }
        for (int j = 0; j < n; j++) {
            if (sku(j).equals(sku) && Objects.equals(locationId(j), location)) {
                return j;
            }
        }
        return -1;
    }

    private int scan(Sku sku, SkuStripe stripe, LocationId location) {
        for (int j = 0; j < n; j++) {
            if (sameSku(j, sku, stripe) && Objects.equals(locationId(j), location)) {
                return j;
            }
        }
        return -1;
    }

    /** Whether entry {@code j} is of {@code sku}, whose stripe is {@code stripe}; compares stripes when it can. */
    private boolean sameSku(int j, Sku sku, SkuStripe stripe) {
        SkuStripe s = stripe(j);
        if (s != null && stripe != null) {
            return s == stripe;
        }
        Sku other = sku(j);
        return other == sku || other.equals(sku);
    }

    private void grow() {
        int c = Math.max(1, n) * 2;
        refs = Arrays.copyOf(refs, c * REFS);
        ints = Arrays.copyOf(ints, c * INTS);
    }

    /** Computes the distinct known stripes in lock order (ascending {@link SkuStripe#order}). */
    void computeLockOrder() {
        int c = 0;
        for (int i = 0; i < n; i++) {
            SkuStripe s = stripe(i);
            if (s == null) {
                continue;
            }
            int p = c;
            boolean seen = false;
            while (p > 0 && lockOrder(p - 1).order >= s.order) {
                if (lockOrder(p - 1) == s) {
                    seen = true;
                    break;
                }
                p--;
            }
            if (seen) {
                continue;
            }
            for (int k = c; k > p; k--) {
                ints[k * INTS + LOCK_ORDER] = ints[(k - 1) * INTS + LOCK_ORDER];
            }
            ints[p * INTS + LOCK_ORDER] = i;
            c++;
        }
        lockCount = c;
    }

    /** Locks the stripes in ascending order. */
    void lockAll() {
        for (int k = 0; k < lockCount; k++) {
            lockOrder(k).lock();
        }
    }

    /** Unlocks the stripes locked by {@link #lockAll()}. */
    void unlockAll() {
        for (int k = lockCount - 1; k >= 0; k--) {
            lockOrder(k).unlock();
        }
    }

    /** Units of every entry of the SKU of entry {@code i}. */
    int totalOfSku(int i) {
        int t = 0;
        for (int j = 0; j < n; j++) {
            if (sameSku(j, sku(i), stripe(i))) {
                t = Math.addExact(t, qty(j));
            }
        }
        return t;
    }

    /** Whether entry {@code i} is the first of its SKU. */
    boolean firstOfSku(int i) {
        for (int j = 0; j < i; j++) {
            if (sameSku(j, sku(i), stripe(i))) {
                return false;
            }
        }
        return true;
    }
}

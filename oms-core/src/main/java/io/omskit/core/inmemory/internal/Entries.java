package io.omskit.core.inmemory.internal;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.LocationId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Objects;

/**
 * The lines of one request (or what a reservation or allocation holds) with repeated (SKU, location) pairs added
 * up, resolved to stripes and dense location indexes. Small parallel arrays, so a three-line cart costs a handful
 * of allocations.
 */
final class Entries {

    /** Location index of a network-wide line. */
    static final int NETWORK = -1;
    /** Location index of a location the store has never seen (no stock there). */
    static final int UNKNOWN = -2;

    private static final int SCAN_LIMIT = 16;

    Sku[] skus;
    LocationId[] locIds;
    SkuStripe[] stripes;
    int[] locs;
    int[] slots;
    int[] qty;
    int n;
    /** Whether two input lines were added up into one entry. */
    boolean merged;

    SkuStripe[] lockOrder;
    int lockCount;

    private HashMap<Key, Integer> index;

    private record Key(Sku sku, LocationId location) {
    }

    Entries(int capacity) {
        int c = Math.max(1, capacity);
        skus = new Sku[c];
        locIds = new LocationId[c];
        stripes = new SkuStripe[c];
        locs = new int[c];
        slots = new int[c];
        qty = new int[c];
    }

    /** Adds a line, or adds its quantity to the entry of the same SKU and location. */
    void add(Sku sku, LocationId location, SkuStripe stripe, int loc, int quantity) {
        int j = index != null ? find(sku, location) : scan(sku, stripe, location);
        if (j >= 0) {
            qty[j] = Math.addExact(qty[j], quantity);
            merged = true;
            return;
        }
        if (n == skus.length) {
            grow();
        }
        skus[n] = sku;
        locIds[n] = location;
        stripes[n] = stripe;
        locs[n] = loc;
        slots[n] = -1;
        qty[n] = quantity;
        if (index != null) {
            index.put(new Key(sku, location), n);
        } else if (n + 1 > SCAN_LIMIT) {
            index = new HashMap<>();
            for (int i = 0; i <= n; i++) {
                index.put(new Key(skus[i], locIds[i]), i);
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
            if (skus[j].equals(sku) && Objects.equals(locIds[j], location)) {
                return j;
            }
        }
        return -1;
    }

    private int scan(Sku sku, SkuStripe stripe, LocationId location) {
        for (int j = 0; j < n; j++) {
            if (sameSku(j, sku, stripe) && Objects.equals(locIds[j], location)) {
                return j;
            }
        }
        return -1;
    }

    /** Whether entry {@code j} is of {@code sku}, whose stripe is {@code stripe}; compares stripes when it can. */
    private boolean sameSku(int j, Sku sku, SkuStripe stripe) {
        SkuStripe s = stripes[j];
        if (s != null && stripe != null) {
            return s == stripe;
        }
        return skus[j] == sku || skus[j].equals(sku);
    }

    private void grow() {
        int c = skus.length * 2;
        skus = Arrays.copyOf(skus, c);
        locIds = Arrays.copyOf(locIds, c);
        stripes = Arrays.copyOf(stripes, c);
        locs = Arrays.copyOf(locs, c);
        slots = Arrays.copyOf(slots, c);
        qty = Arrays.copyOf(qty, c);
    }

    /** Computes the distinct known stripes in lock order. */
    void computeLockOrder() {
        SkuStripe[] order = new SkuStripe[n];
        int c = 0;
        for (int i = 0; i < n; i++) {
            SkuStripe s = stripes[i];
            if (s == null) {
                continue;
            }
            int p = c;
            boolean seen = false;
            while (p > 0 && order[p - 1].order >= s.order) {
                if (order[p - 1] == s) {
                    seen = true;
                    break;
                }
                p--;
            }
            if (seen) {
                continue;
            }
            System.arraycopy(order, p, order, p + 1, c - p);
            order[p] = s;
            c++;
        }
        lockOrder = order;
        lockCount = c;
    }

    /** Locks the stripes in ascending order. */
    void lockAll() {
        for (int i = 0; i < lockCount; i++) {
            lockOrder[i].lock();
        }
    }

    /** Unlocks the stripes locked by {@link #lockAll()}. */
    void unlockAll() {
        for (int i = lockCount - 1; i >= 0; i--) {
            lockOrder[i].unlock();
        }
    }

    /** Units of every entry of the SKU of entry {@code i}, and whether {@code i} is the first entry of that SKU. */
    int totalOfSku(int i) {
        int t = 0;
        for (int j = 0; j < n; j++) {
            if (sameSku(j, skus[i], stripes[i])) {
                t = Math.addExact(t, qty[j]);
            }
        }
        return t;
    }

    /** Whether entry {@code i} is the first of its SKU. */
    boolean firstOfSku(int i) {
        for (int j = 0; j < i; j++) {
            if (sameSku(j, skus[i], stripes[i])) {
                return false;
            }
        }
        return true;
    }
}

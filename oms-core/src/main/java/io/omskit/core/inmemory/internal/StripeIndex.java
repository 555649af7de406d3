package io.omskit.core.inmemory.internal;

import io.omskit.core.catalog.Sku;
import java.util.function.IntFunction;

/**
 * SKU to stripe, as an open-addressing table of the stripes themselves: a lookup reads one table slot and the stripe
 * it is about to use anyway (no map entry in between). Reads take no lock and no fence: a stripe's SKU and hash are
 * final, so a reader that sees a stripe sees them, and everything else in a stripe is read under its lock, which the
 * creating thread takes once before publishing it. Stripes are added under the index's monitor and never removed; a
 * full table is replaced by a larger copy published through a volatile field.
 */
final class StripeIndex {

    private volatile SkuStripe[] table = new SkuStripe[1 << 10];
    /**
     * Per table slot, the position array its stripe had when last published: read without the stripe, so that a
     * lookup can start fetching a position while the stripe itself is still being fetched. Only ever a hint (it
     * may be stale or belong to another stripe after a resize); positions are read for real under the stripe lock.
     */
    private volatile int[][] positions = new int[1 << 10][];
    private int count;

    /** The stripe of {@code sku}, or null when the store has never seen it. */
    SkuStripe get(Sku sku) {
        int h = hash(sku);
        SkuStripe[] t = table;
        int mask = t.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            SkuStripe s = t[i];
            if (s == null) {
                return null;
            }
            if (s.hash == h && (s.sku == sku || s.sku.equals(sku))) {
                return s;
            }
        }
    }

    /**
     * The stripe in the home slot of {@code hash}: the stripe of the SKU with that hash when it sits there, else
     * another stripe or null. With {@link #confirm} it splits a lookup in two, so callers can look up several SKUs
     * step by step.
     */
    SkuStripe first(int hash) {
        SkuStripe[] t = table;
        return t[hash & (t.length - 1)];
    }

    /**
     * Reads the first field of the position at {@code slot} through the position hint of the home slot of
     * {@code hash} (see {@link #positions}), so that the memory it lives in is on its way to the cache before the
     * stripe lock is taken. The value means nothing: the hint may be stale or another SKU's.
     */
    int touch(int hash, int slot) {
        int[][] p = positions;
        int[] hint = p[hash & (p.length - 1)];
        int i = slot * SkuStripe.STRIDE;
        return hint != null && slot >= 0 && i < hint.length ? hint[i] : 0;
    }

    /** Publishes {@code data} as the position hint of {@code s}, after its position array was replaced. */
    synchronized void republish(SkuStripe s, int[] data) {
        SkuStripe[] t = table;
        int mask = t.length - 1;
        for (int i = s.hash & mask; t[i] != null; i = (i + 1) & mask) {
            if (t[i] == s) {
                // the table and the hints are replaced together under this monitor: they have the same length
                positions[i] = data;
                return;
            }
        }
    }

    /** {@code candidate} when it is the stripe of {@code sku} (whose hash is {@code hash}), else the full lookup. */
    SkuStripe confirm(SkuStripe candidate, int hash, Sku sku) {
        if (candidate != null && candidate.hash == hash && (candidate.sku == sku || candidate.sku.equals(sku))) {
            return candidate;
        }
        return get(sku);
    }

    /** The stripe of {@code sku}, made by {@code create} (given the SKU's hash) when missing. */
    SkuStripe getOrCreate(Sku sku, IntFunction<SkuStripe> create) {
        SkuStripe s = get(sku);
        return s != null ? s : createSlow(sku, create);
    }

    private synchronized SkuStripe createSlow(Sku sku, IntFunction<SkuStripe> create) {
        SkuStripe s = get(sku);
        if (s != null) {
            return s;
        }
        s = create.apply(hash(sku));
        // Its constructor's writes happen-before any reader's use of it: readers lock it before reading them.
        s.lock();
        s.unlock();
        SkuStripe[] t = table;
        int[][] p = positions;
        if ((count + 1) * 2 > t.length) {
            SkuStripe[] bigger = new SkuStripe[t.length * 2];
            int[][] hints = new int[bigger.length][];
            for (int i = 0; i < t.length; i++) {
                if (t[i] != null) {
                    int j = free(bigger, t[i].hash);
                    bigger[j] = t[i];
                    hints[j] = p[i];
                }
            }
            int j = free(bigger, s.hash);
            bigger[j] = s;
            hints[j] = s.positionArray();
            positions = hints;
            table = bigger;
        } else {
            int j = free(t, s.hash);
            p[j] = s.positionArray();
            t[j] = s;
        }
        count++;
        return s;
    }

    private static int free(SkuStripe[] t, int h) {
        int mask = t.length - 1;
        int i = h & mask;
        while (t[i] != null) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** The table hash of {@code sku}. */
    static int hash(Sku sku) {
        int h = sku.hashCode() * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}

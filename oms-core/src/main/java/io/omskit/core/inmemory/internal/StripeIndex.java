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
        if ((count + 1) * 2 > t.length) {
            SkuStripe[] bigger = new SkuStripe[t.length * 2];
            for (SkuStripe x : t) {
                if (x != null) {
                    bigger[free(bigger, x.hash)] = x;
                }
            }
            bigger[free(bigger, s.hash)] = s;
            table = bigger;
        } else {
            t[free(t, s.hash)] = s;
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

package io.omskit.core.inmemory.internal;

import io.omskit.core.catalog.Sku;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.IntFunction;

/**
 * SKU to stripe, as an open-addressing table of the stripes themselves: a lookup reads one table slot and the stripe
 * it is about to use anyway (no map entry in between). Reads take no lock; stripes are added under the index's
 * monitor and never removed, and a full table is replaced by a larger copy published through a volatile field.
 */
final class StripeIndex {

    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(SkuStripe[].class);

    private volatile SkuStripe[] table = new SkuStripe[1 << 10];
    private int count;

    /** The stripe of {@code sku}, or null when the store has never seen it. */
    SkuStripe get(Sku sku) {
        int h = hash(sku);
        SkuStripe[] t = table;
        int mask = t.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            SkuStripe s = (SkuStripe) SLOT.getAcquire(t, i);
            if (s == null) {
                return null;
            }
            if (s.hash == h && (s.sku == sku || s.sku.equals(sku))) {
                return s;
            }
        }
    }

    /**
     * Looks up {@code n} SKUs at once into {@code out}, using {@code hashes} as scratch. Each step runs over all
     * SKUs before the next one starts (hash every SKU, read every table slot, check every stripe), so the cache
     * misses of different SKUs overlap instead of queueing one SKU after another.
     */
    void getAll(Sku[] skus, int n, SkuStripe[] out, int[] hashes) {
        for (int i = 0; i < n; i++) {
            hashes[i] = hash(skus[i]);
        }
        SkuStripe[] t = table;
        int mask = t.length - 1;
        for (int i = 0; i < n; i++) {
            out[i] = (SkuStripe) SLOT.getAcquire(t, hashes[i] & mask);
        }
        for (int i = 0; i < n; i++) {
            SkuStripe s = out[i];
            if (s == null || s.hash != hashes[i] || (s.sku != skus[i] && !s.sku.equals(skus[i]))) {
                out[i] = get(skus[i]);
            }
        }
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
        SkuStripe[] t = table;
        if ((count + 1) * 2 > t.length) {
            SkuStripe[] bigger = new SkuStripe[t.length * 2];
            for (SkuStripe x : t) {
                if (x != null) {
                    SLOT.setRelease(bigger, free(bigger, x.hash), x);
                }
            }
            SLOT.setRelease(bigger, free(bigger, s.hash), s);
            table = bigger;
        } else {
            SLOT.setRelease(t, free(t, s.hash), s);
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

package io.omskit.orchestration.internal;

import java.util.function.Function;

/**
 * Values kept per key from the key's second sighting on (most destinations of orders come once, and keeping theirs
 * would cost more than it saves), in a {@link BoundedCache}: when full, the least useful key makes room. Thread-safe.
 *
 * @param <K> the key
 * @param <V> the value kept
 */
final class Kept<K, V> {

    private final Function<K, V> make;
    private final BoundedCache<K, V> byKey;
    private final Recent recent = new Recent();

    /**
     * @param max  the most keys kept
     * @param make the value for a key, made on its second sighting
     */
    Kept(int max, Function<K, V> make) {
        this.make = make;
        this.byKey = BoundedCache.ofMaximumSize(max);
    }

    /** The value kept for {@code key}; null the first time the key is seen lately. */
    V get(K key) {
        V v = byKey.get(key);
        if (v == null) {
            if (!recent.again(key)) {
                return null;
            }
            v = byKey.putIfAbsent(key, make.apply(key));
        }
        return v;
    }

    /**
     * Keys seen lately, by hash in a small direct-mapped table: whether a key comes again. Racy and lossy: a
     * collision only makes a key wait for its next sighting.
     */
    static final class Recent {
        private static final int SLOTS = 1024;
        private final int[] hashes = new int[SLOTS];

        /** Whether {@code key} was seen lately; remembers it either way. */
        boolean again(Object key) {
            int h = key.hashCode();
            h ^= h >>> 16;
            h = h == 0 ? 1 : h;
            int slot = h & (SLOTS - 1);
            if (hashes[slot] == h) {
                return true;
            }
            hashes[slot] = h;
            return false;
        }
    }
}

package io.omskit.core;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The highest version of each aggregate up to which this process did some work (published its events, made its
 * stock movements), remembered for about the {@code capacity} aggregates changed or read most recently. An
 * optimisation, not a guarantee: for an aggregate forgotten the work is done again (it is idempotent: events have
 * stable ids, stock movements keys). Two generations of plain maps: when the young one is full it becomes the old one
 * and the old one is dropped, and an aggregate found only in the old one is made young again. Every step of a
 * workflow asks and tells it, so it stays cheap: an LRU cache allocates on every read to keep its order and on every
 * merge to compute. Thread-safe.
 */
final class RecentVersions<K> {

    private final int generation;
    private volatile ConcurrentHashMap<K, Long> young = new ConcurrentHashMap<>();
    private volatile ConcurrentHashMap<K, Long> old = new ConcurrentHashMap<>();

    RecentVersions(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be >= 2, was " + capacity);
        }
        this.generation = capacity / 2;
    }

    /** Whether the work was done for {@code version} of {@code id} (or a later version), as far as it remembers. */
    boolean reached(K id, long version) {
        Long done = young.get(id);
        if (done == null) {
            done = old.get(id);
            if (done != null) {
                record(id, done);
            }
        }
        return done != null && done >= version;
    }

    /** Remembers that the work was done for {@code version} of {@code id}. */
    void record(K id, long version) {
        ConcurrentHashMap<K, Long> current = young;
        current.merge(id, version, Math::max);
        if (current.size() > generation) {
            roll(current);
        }
    }

    private synchronized void roll(ConcurrentHashMap<K, Long> full) {
        if (young == full) {
            old = full;
            // sized for a whole generation: a young map grown from empty copies itself a dozen times per roll
            young = new ConcurrentHashMap<>(generation);
        }
    }
}

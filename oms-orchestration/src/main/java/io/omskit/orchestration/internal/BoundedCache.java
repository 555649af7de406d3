package io.omskit.orchestration.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Function;

/**
 * A thread-safe cache holding at most a given number of entries, evicting the least useful one (by recency and
 * frequency) when a new one would exceed it, so a full cache keeps answering for the keys asked lately instead of
 * starting empty. The cache library is chosen here and in its twin {@code io.omskit.atp.internal.BoundedCache} (modules share no
 * internals): swap the builder in both to try another.
 *
 * @param <K> the key
 * @param <V> the value
 */
public final class BoundedCache<K, V> {

    private final Cache<K, V> cache;

    private BoundedCache(int maximumSize) {
        if (maximumSize < 1) {
            throw new IllegalArgumentException("maximumSize must be at least 1, was " + maximumSize);
        }
        // eviction on the calling thread: a library does not queue work on the host's common pool
        this.cache = Caffeine.newBuilder().maximumSize(maximumSize).executor(Runnable::run).build();
    }

    /** An empty cache of at most {@code maximumSize} entries. */
    public static <K, V> BoundedCache<K, V> ofMaximumSize(int maximumSize) {
        return new BoundedCache<>(maximumSize);
    }

    /** The value kept for {@code key}, or null. */
    public V get(K key) {
        return cache.getIfPresent(key);
    }

    /** Keeps {@code value} for {@code key}, replacing any. */
    public void put(K key, V value) {
        cache.put(key, value);
    }

    /** The value kept for {@code key}, made by {@code make} (once, even when threads race) when none is. */
    public V computeIfAbsent(K key, Function<? super K, ? extends V> make) {
        return cache.get(key, make);
    }

    /** The value kept for {@code key} if any, else keeps {@code value} and returns it. */
    public V putIfAbsent(K key, V value) {
        V kept = cache.asMap().putIfAbsent(key, value);
        return kept != null ? kept : value;
    }

    /** Forgets every entry. */
    public void clear() {
        cache.invalidateAll();
    }

    /** The number of entries, after pending evictions are done. */
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}

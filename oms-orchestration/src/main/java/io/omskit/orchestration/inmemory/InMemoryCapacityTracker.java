package io.omskit.orchestration.inmemory;

import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import io.omskit.orchestration.spi.CapacityTracker;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts fulfilments per location and local day in memory. Thread-safe; never counts beyond the capacity. The engine's
 * reads by network index ({@link #used(int, LocationId, LocalDate)}) are answered from an array of the last
 * (location, day) read at each index, without hashing.
 */
public final class InMemoryCapacityTracker implements CapacityTracker {

    private record Key(LocationId location, LocalDate day) {
    }

    /**
     * What a read by index found: the counter of (location, day), or none as of {@code created} counters made (a
     * counter made since makes the answer stale). Immutable, so a racy array of them is safe.
     */
    private record Seen(LocationId location, LocalDate day, AtomicInteger count, long created) {
    }

    private final ConcurrentMap<Key, AtomicInteger> counts = new ConcurrentHashMap<>();
    /** Counters made, counted after each is in {@link #counts}. */
    private final AtomicLong created = new AtomicLong();
    private volatile Seen[] seen = new Seen[0];

    @Override
    public int used(LocationId location, LocalDate day) {
        AtomicInteger c = counts.get(new Key(location, day));
        return c == null ? 0 : c.get();
    }

    @Override
    public int used(int index, LocationId location, LocalDate day) {
        Seen[] at = seen;
        if (index >= 0 && index < at.length) {
            Seen s = at[index];
            if (s != null && s.location.equals(location) && s.day.equals(day)) {
                if (s.count != null) {
                    return s.count.get();
                }
                if (s.created == created.get()) {
                    return 0;
                }
            }
        }
        // read the number of counters made before looking: a counter made after the look counts after it
        long made = created.get();
        AtomicInteger c = counts.get(new Key(location, day));
        if (index >= 0) {
            remember(index, new Seen(location, day, c, made));
        }
        return c == null ? 0 : c.get();
    }

    private void remember(int index, Seen s) {
        Seen[] at = seen;
        if (index >= at.length) {
            synchronized (this) {
                at = seen;
                if (index >= at.length) {
                    at = Arrays.copyOf(at, Math.max(index + 1, at.length * 2));
                    seen = at;
                }
            }
        }
        at[index] = s;
    }

    @Override
    public boolean tryConsume(LocationId location, LocalDate day, int capacity) {
        Checks.notNull(location, "location");
        Checks.notNull(day, "day");
        Key key = new Key(location, day);
        AtomicInteger c = counts.get(key);
        if (c == null) {
            c = counts.computeIfAbsent(key, k -> new AtomicInteger());
            created.incrementAndGet();
        }
        while (true) {
            int v = c.get();
            if (v >= capacity) {
                return false;
            }
            if (c.compareAndSet(v, v + 1)) {
                return true;
            }
        }
    }

    @Override
    public void release(LocationId location, LocalDate day) {
        AtomicInteger c = counts.get(new Key(location, day));
        if (c == null) {
            return;
        }
        while (true) {
            int v = c.get();
            if (v <= 0 || c.compareAndSet(v, v - 1)) {
                return;
            }
        }
    }
}

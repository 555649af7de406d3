package io.omskit.orchestration.inmemory;

import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import io.omskit.orchestration.spi.CapacityTracker;
import java.time.LocalDate;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts fulfilments per location and local day in memory. Thread-safe; never counts beyond the capacity. The engine's
 * reads by network index ({@link #used(int, LocationId, LocalDate)}) are answered from an array of the last
 * (location, day) read at each index, without hashing; for a location without a counter that day, from flat arrays.
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
    /**
     * The fast path for locations without a counter, by index, in flat arrays (no object to fetch per read): the
     * location read at each index, set once, and what was last found there as {@link #none}; zero for nothing yet.
     */
    private volatile Fast fast = new Fast(new LocationId[0], new long[0]);

    private record Fast(LocationId[] ids, long[] none) {
    }
    /** Set when two locations were read at one index (networks sharing the tracker): the fast path is off for good. */
    private volatile boolean shared;
    private static final VarHandle ID_AT = MethodHandles.arrayElementVarHandle(LocationId[].class);
    // opaque: never a torn long
    private static final VarHandle NONE_AT = MethodHandles.arrayElementVarHandle(long[].class);

    @Override
    public int used(LocationId location, LocalDate day) {
        AtomicInteger c = counts.get(new Key(location, day));
        return c == null ? 0 : c.get();
    }

    @Override
    public int used(int index, LocationId location, LocalDate day) {
        if (!shared) {
            long v = statement(fast, index, location);
            if (v != 0 && v == none(day, created.get())) {
                return 0;
            }
        }
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
            if (c == null) {
                rememberNone(index, location, none(day, made));
            }
        }
        return c == null ? 0 : c.get();
    }

    @Override
    public void used(int[] indexes, int count, LocationId[] locations, LocalDate day, int[] out) {
        // one look at the counters made for all: each answer without a counter holds as of that look
        Fast f = fast;
        long expected = none(day, created.get());
        boolean fastPath = !shared;
        for (int x = 0; x < count; x++) {
            int index = indexes[x];
            LocationId location = locations[index];
            if (fastPath) {
                long v = statement(f, index, location);
                if (v != 0 && v == expected) {
                    out[x] = 0;
                    continue;
                }
            }
            out[x] = used(index, location, day);
        }
    }

    /** The statement {@link #none} kept at {@code index} about {@code location}; 0 when none is kept about it. */
    private static long statement(Fast f, int index, LocationId location) {
        if (index < 0 || index >= f.none.length) {
            return 0;
        }
        LocationId id = (LocationId) ID_AT.getAcquire(f.ids, index);
        long v = (long) NONE_AT.getOpaque(f.none, index);
        return id == location || location.equals(id) ? v : 0;
    }

    /**
     * "No counter of the index's location on {@code day} while {@code made} counters had been made", packed: the
     * day's number and the low half of the count of counters made (4 billion counters apart is never a concern).
     */
    private long none(LocalDate day, long made) {
        return ((epochDay(day) + 1) << 32) | (made & 0xFFFFFFFFL);
    }

    /** A day and its number: most reads ask for the same day, by the same instance. Immutable, so racy reads are safe. */
    private record DayNumber(LocalDate day, long number) {
    }

    private DayNumber lastDay = new DayNumber(LocalDate.EPOCH, 0);

    private long epochDay(LocalDate day) {
        DayNumber d = lastDay;
        if (d.day == day) {
            return d.number;
        }
        long number = day.toEpochDay();
        lastDay = new DayNumber(day, number);
        return number;
    }

    private void rememberNone(int index, LocationId location, long value) {
        if (shared) {
            return;
        }
        Fast f = fast;
        if (index >= f.ids.length) {
            synchronized (this) {
                f = fast;
                if (index >= f.ids.length) {
                    int size = Math.max(index + 1, f.ids.length * 2);
                    // the statements before the ids: a statement copied was written after its index's id was set,
                    // so the copy never pairs a statement with another location
                    long[] none = Arrays.copyOf(f.none, size);
                    f = new Fast(Arrays.copyOf(f.ids, size), none);
                    fast = f;
                }
            }
        }
        LocationId[] ids = f.ids;
        long[] none = f.none;
        // an index keeps its first location; a statement about it is only ever written for that location
        if (!ID_AT.compareAndSet(ids, index, null, location)) {
            LocationId first = (LocationId) ID_AT.getAcquire(ids, index);
            if (first != location && !first.equals(location)) {
                shared = true;
                return;
            }
        }
        NONE_AT.setOpaque(none, index, value);
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

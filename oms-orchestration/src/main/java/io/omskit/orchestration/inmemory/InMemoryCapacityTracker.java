package io.omskit.orchestration.inmemory;

import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import io.omskit.orchestration.spi.CapacityTracker;
import java.time.LocalDate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts fulfilments per location and local day in memory. Thread-safe; never counts beyond the capacity. */
public final class InMemoryCapacityTracker implements CapacityTracker {

    private record Key(LocationId location, LocalDate day) {
    }

    private final ConcurrentMap<Key, AtomicInteger> counts = new ConcurrentHashMap<>();

    @Override
    public int used(LocationId location, LocalDate day) {
        AtomicInteger c = counts.get(new Key(location, day));
        return c == null ? 0 : c.get();
    }

    @Override
    public boolean tryConsume(LocationId location, LocalDate day, int capacity) {
        Checks.notNull(location, "location");
        Checks.notNull(day, "day");
        AtomicInteger c = counts.computeIfAbsent(new Key(location, day), k -> new AtomicInteger());
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

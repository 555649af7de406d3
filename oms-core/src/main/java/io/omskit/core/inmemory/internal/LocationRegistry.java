package io.omskit.core.inmemory.internal;

import io.omskit.core.network.LocationId;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/** Gives every location id the store sees a dense index from 0, so positions store an int instead of a reference. */
public final class LocationRegistry {

    private final ConcurrentHashMap<LocationId, Integer> indexes = new ConcurrentHashMap<>();
    private volatile LocationId[] ids = new LocationId[64];
    private int count;

    /** The index of {@code id}, or -1 when it was never registered. */
    public int indexOf(LocationId id) {
        Integer i = indexes.get(id);
        return i == null ? -1 : i;
    }

    /** The index of {@code id}, registering it when new. */
    public int register(LocationId id) {
        Integer i = indexes.get(id);
        return i != null ? i : registerSlow(id);
    }

    private synchronized int registerSlow(LocationId id) {
        Integer i = indexes.get(id);
        if (i != null) {
            return i;
        }
        LocationId[] a = ids;
        if (count == a.length) {
            a = Arrays.copyOf(a, count * 2);
        }
        a[count] = id;
        ids = a;
        indexes.put(id, count);
        return count++;
    }

    /** The id at {@code index}; the index must come from this registry. */
    public LocationId idAt(int index) {
        return ids[index];
    }
}

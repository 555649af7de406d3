package io.omskit.core.inmemory.internal;

import io.omskit.core.network.LocationId;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * Gives every location id the store sees a dense index from 0, so positions store an int instead of a reference.
 * Lookups read an open-addressing table (ids and their indexes side by side, no boxed map values) without locking.
 * Ids are registered under the registry's monitor and never removed: an index is written before its id is
 * published into a slot (release/acquire), and a full table is replaced by a larger copy through a volatile field.
 */
public final class LocationRegistry {

    private static final VarHandle KEY = MethodHandles.arrayElementVarHandle(LocationId[].class);

    /** Ids and indexes of one table generation. */
    private static final class Table {
        final LocationId[] keys;
        final int[] indexes;

        Table(int capacity) {
            keys = new LocationId[capacity];
            indexes = new int[capacity];
        }
    }

    private volatile Table table = new Table(128);
    private volatile LocationId[] ids = new LocationId[64];
    private int count;

    /** The index of {@code id}, or -1 when it was never registered. */
    public int indexOf(LocationId id) {
        Table t = table;
        LocationId[] keys = t.keys;
        int mask = keys.length - 1;
        for (int b = hash(id) & mask; ; b = (b + 1) & mask) {
            LocationId k = (LocationId) KEY.getAcquire(keys, b);
            if (k == null) {
                return -1;
            }
            if (k == id || k.equals(id)) {
                return t.indexes[b];
            }
        }
    }

    /** The index of {@code id}, registering it when new. */
    public int register(LocationId id) {
        int i = indexOf(id);
        return i >= 0 ? i : registerSlow(id);
    }

    private synchronized int registerSlow(LocationId id) {
        int i = indexOf(id);
        if (i >= 0) {
            return i;
        }
        LocationId[] a = ids;
        if (count == a.length) {
            a = Arrays.copyOf(a, count * 2);
        }
        a[count] = id;
        ids = a;
        Table t = table;
        if ((count + 1) * 2 > t.keys.length) {
            Table bigger = new Table(t.keys.length * 2);
            for (int j = 0; j < count; j++) {
                put(bigger, a[j], j);
            }
            put(bigger, id, count);
            table = bigger;
        } else {
            put(t, id, count);
        }
        return count++;
    }

    private static void put(Table t, LocationId id, int index) {
        int mask = t.keys.length - 1;
        int b = hash(id) & mask;
        while (t.keys[b] != null) {
            b = (b + 1) & mask;
        }
        t.indexes[b] = index;
        KEY.setRelease(t.keys, b, id);
    }

    private static int hash(LocationId id) {
        int h = id.hashCode() * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** The id at {@code index}; the index must come from this registry. */
    public LocationId idAt(int index) {
        return ids[index];
    }
}

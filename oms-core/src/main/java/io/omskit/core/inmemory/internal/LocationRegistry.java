package io.omskit.core.inmemory.internal;

import io.omskit.core.network.LocationId;
import java.util.Arrays;

/**
 * Gives every location id the store sees a dense index from 0, so positions store an int instead of a reference.
 * Lookups read an open-addressing table of immutable (id, index) slots without locking: a slot's fields are final,
 * so a reader that sees a slot sees it whole. Ids are registered under the registry's monitor and never removed; a
 * full table is replaced by a larger copy published through a volatile field.
 */
public final class LocationRegistry {

    private record Slot(LocationId id, int index) {
    }

    private volatile Slot[] table = new Slot[128];
    private volatile LocationId[] ids = new LocationId[64];
    private int count;

    /** The index of {@code id}, or -1 when it was never registered. */
    public int indexOf(LocationId id) {
        Slot[] t = table;
        int mask = t.length - 1;
        for (int b = hash(id) & mask; ; b = (b + 1) & mask) {
            Slot s = t[b];
            if (s == null) {
                return -1;
            }
            if (s.id == id || s.id.equals(id)) {
                return s.index;
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
        Slot[] t = table;
        if ((count + 1) * 2 > t.length) {
            Slot[] bigger = new Slot[t.length * 2];
            for (Slot s : t) {
                if (s != null) {
                    put(bigger, s);
                }
            }
            put(bigger, new Slot(id, count));
            table = bigger;
        } else {
            put(t, new Slot(id, count));
        }
        return count++;
    }

    private static void put(Slot[] t, Slot s) {
        int mask = t.length - 1;
        int b = hash(s.id) & mask;
        while (t[b] != null) {
            b = (b + 1) & mask;
        }
        t[b] = s;
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

package io.omskit.atp.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Values by text key, for reads that must be fast when many keys are asked at once: open addressing with linear
 * probing in flat arrays (hash, key and value of a slot at the same index), so one lookup follows fewer references
 * than a hash map's nodes, and {@link #getAll} looks up several keys in stages, each stage's memory reads for all the
 * keys issued together (their cache misses overlap instead of following one another).
 *
 * <p>Keys are added and their values replaced, never removed. Thread-safe: writers lock, readers do not; a reader
 * sees a value at least as recent as the last write completed before its read began.
 *
 * @param <V> the values
 */
public final class TextTable<V> {

    private static final VarHandle INT_AT = MethodHandles.arrayElementVarHandle(int[].class);
    private static final VarHandle OBJECT_AT = MethodHandles.arrayElementVarHandle(Object[].class);

    /** One generation of the arrays; a slot's hash is 0 while empty, written last when filled. */
    private static final class Slots {
        final int mask;
        final int[] hashes;
        final String[] keys;
        final Object[] values;

        Slots(int capacity) {
            mask = capacity - 1;
            hashes = new int[capacity];
            keys = new String[capacity];
            values = new Object[capacity];
        }
    }

    private volatile Slots slots = new Slots(16);
    private int size;

    /** The value of {@code key}; null when absent. */
    @SuppressWarnings("unchecked")
    public V get(String key) {
        Slots s = slots;
        int h = hash(key);
        for (int i = h & s.mask; ; i = (i + 1) & s.mask) {
            int at = (int) INT_AT.getAcquire(s.hashes, i);
            if (at == 0) {
                return null;
            }
            if (at == h && key.equals(s.keys[i])) {
                return (V) OBJECT_AT.getAcquire(s.values, i);
            }
        }
    }

    /**
     * The values of {@code keys[0..count)} into {@code out} (null for an absent key), looked up stage by stage for
     * all the keys: their home slots' hashes, then the keys and values there, then the text compared.
     */
    @SuppressWarnings("unchecked")
    public void getAll(String[] keys, int count, V[] out) {
        Slots s = slots;
        int[] h = new int[count];
        int[] slot = new int[count];
        int touched = 0;
        for (int k = 0; k < count; k++) {
            h[k] = hash(keys[k]);
            slot[k] = h[k] & s.mask;
            touched += (int) INT_AT.getAcquire(s.hashes, slot[k]);
        }
        for (int k = 0; k < count; k++) {
            String stored = s.keys[slot[k]];
            // the value's slot too, read after the text is compared
            touched += (stored == null ? 0 : stored.length()) + keys[k].length() + (s.values[slot[k]] == null ? 0 : 1);
        }
        for (int k = 0; k < count; k++) {
            int i = slot[k];
            if ((int) INT_AT.getAcquire(s.hashes, i) == h[k] && keys[k].equals(s.keys[i])) {
                out[k] = (V) OBJECT_AT.getAcquire(s.values, i);
            } else {
                // collided with another key or absent: probed on its own
                out[k] = get(keys[k]);
            }
        }
        // depends on what was read, so the touching reads are not dropped as unused; practically never written
        if (touched == Integer.MIN_VALUE + 7) {
            touchedSum = touched;
        }
    }

    /** What the touching reads of {@link #getAll} summed to, in the rare call that writes it (never read). */
    @SuppressWarnings("unused")
    private int touchedSum;

    /** Sets the value of {@code key}, adding the key if absent. */
    public synchronized void put(String key, V value) {
        if (value == null) {
            throw new IllegalArgumentException("value of " + key + " must not be null");
        }
        Slots s = slots;
        if (2 * (size + 1) > s.hashes.length) {
            s = grown(s);
            slots = s;
        }
        if (place(s, key, hash(key), value)) {
            size++;
        }
    }

    /** The number of keys. */
    public synchronized int size() {
        return size;
    }

    private static boolean place(Slots s, String key, int h, Object value) {
        for (int i = h & s.mask; ; i = (i + 1) & s.mask) {
            int at = s.hashes[i];
            if (at == 0) {
                // key and value before the hash: a reader that sees the hash sees them
                s.keys[i] = key;
                OBJECT_AT.setRelease(s.values, i, value);
                INT_AT.setRelease(s.hashes, i, h);
                return true;
            }
            if (at == h && key.equals(s.keys[i])) {
                OBJECT_AT.setRelease(s.values, i, value);
                return false;
            }
        }
    }

    private static Slots grown(Slots s) {
        Slots bigger = new Slots(s.hashes.length * 2);
        for (int i = 0; i < s.hashes.length; i++) {
            if (s.hashes[i] != 0) {
                place(bigger, s.keys[i], s.hashes[i], s.values[i]);
            }
        }
        return bigger;
    }

    /** The key's hash, spread, never 0 (0 marks an empty slot). */
    private static int hash(String key) {
        int h = key.hashCode();
        h ^= h >>> 16;
        h *= 0x45d9f3b;
        h ^= h >>> 16;
        return h == 0 ? 1 : h;
    }
}

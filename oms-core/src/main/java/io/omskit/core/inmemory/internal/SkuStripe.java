package io.omskit.core.inmemory.internal;

import io.omskit.core.catalog.Sku;
import io.omskit.core.inventory.InboundSupply;
import io.omskit.core.inventory.InventoryEvent;
import io.omskit.core.inventory.StockMovement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * Every position of one SKU, in one flat {@code int[]} (nine ints per position), with the SKU's network aggregates
 * kept incrementally. The stripe is its own (non-reentrant) lock, with the lock word in the stripe itself so that
 * taking it touches no other object: every field except {@link #order} and {@link #sku} is guarded by it.
 * Positions are appended and never removed, so a slot number stays valid for the life of the store. While every
 * position sits at the slot equal to its dense location index (a SKU loaded at every location in registry order,
 * the common dense case) a slot is found without any table.
 */
public final class SkuStripe extends AbstractQueuedSynchronizer {

    public static final int ON_HAND = 0;
    public static final int RESERVED = 1;
    public static final int ALLOCATED = 2;
    public static final int SAFETY = 3;
    public static final int INBOUND = 4;
    public static final int RETURNS = 5;
    public static final int QUARANTINE = 6;
    /** On hand loaded as opening balance (the ledger's synthetic first entry). */
    public static final int OPENING = 7;
    /** The dense location index of the position. */
    public static final int LOC = 8;
    public static final int STRIDE = 9;

    /** Up to this many positions a slot is found by scanning; beyond, through an open-addressing table. */
    private static final int SCAN_LIMIT = 12;

    private static final AtomicIntegerFieldUpdater<SkuStripe> DRAINING =
            AtomicIntegerFieldUpdater.newUpdater(SkuStripe.class, "draining");

    /** The SKU. */
    public final Sku sku;
    /** The SKU's hash in the stripe index. */
    final int hash;
    /** Dense creation order: stripes are always locked in ascending order, so multi-SKU operations cannot deadlock. */
    public final int order;

    private int size;
    private int[] data;
    /** slot + 1 per bucket, 0 for empty; null while {@link #identity} or {@code size <= SCAN_LIMIT}. */
    private int[] table;
    /** Whether every position's slot equals its location index. */
    private boolean identity = true;

    private long sumAts;
    private long sumOnHand;
    private long networkReserved;

    private ArrayList<StockMovement> ledger;
    private ArrayList<InboundSupply> inbound;
    private volatile ArrayList<InventoryEvent> outbox;
    private volatile int draining;

    /** Where the position array is published as a hint when it is replaced. */
    private final StripeIndex index;

    SkuStripe(Sku sku, int hash, int order, int expectedPositions, StripeIndex index) {
        this.index = index;
        this.sku = sku;
        this.hash = hash;
        this.order = order;
        this.data = new int[Math.max(1, expectedPositions) * STRIDE];
    }

    /** The number of positions. */
    public int size() {
        return size;
    }

    /** The slot of the position at dense location {@code loc}, or -1. */
    public int slotOf(int loc) {
        if (identity) {
            return loc >= 0 && loc < size ? loc : -1;
        }
        if (table == null) {
            int[] d = data;
            for (int s = 0, i = LOC; s < size; s++, i += STRIDE) {
                if (d[i] == loc) {
                    return s;
                }
            }
            return -1;
        }
        int mask = table.length - 1;
        for (int b = mix(loc) & mask; ; b = (b + 1) & mask) {
            int e = table[b];
            if (e == 0) {
                return -1;
            }
            if (data[(e - 1) * STRIDE + LOC] == loc) {
                return e - 1;
            }
        }
    }

    /** The slot of the position at {@code loc}, created empty when missing. */
    public int slotFor(int loc) {
        int s = slotOf(loc);
        return s >= 0 ? s : append(loc);
    }

    /** Makes room for {@code more} positions at once (bulk loading). */
    public void ensureCapacity(int more) {
        int needed = (size + more) * STRIDE;
        if (needed > data.length) {
            replaceData(Arrays.copyOf(data, needed));
        }
    }

    private int append(int loc) {
        int s = size;
        if ((s + 1) * STRIDE > data.length) {
            replaceData(Arrays.copyOf(data, Math.max((s + 1) * STRIDE, (s + (s >> 1) + 1) * STRIDE)));
        }
        data[s * STRIDE + LOC] = loc;
        size = s + 1;
        if (identity) {
            identity = loc == s;
            if (identity || size <= SCAN_LIMIT) {
                return s;
            }
            rebuildTable();
        } else if (table != null) {
            if (size * 2 > table.length) {
                rebuildTable();
            } else {
                insert(table, loc, s);
            }
        } else if (size > SCAN_LIMIT) {
            rebuildTable();
        }
        return s;
    }

    private void replaceData(int[] bigger) {
        data = bigger;
        index.republish(this, bigger);
    }

    /** The position array, for {@link StripeIndex}'s hints only (read it under the lock for anything else). */
    int[] positionArray() {
        return data;
    }

    private void rebuildTable() {
        int capacity = Integer.highestOneBit(size * 2 - 1) << 1;
        int[] t = new int[capacity];
        for (int s = 0; s < size; s++) {
            insert(t, data[s * STRIDE + LOC], s);
        }
        table = t;
    }

    private static void insert(int[] t, int loc, int slot) {
        int mask = t.length - 1;
        int b = mix(loc) & mask;
        while (t[b] != 0) {
            b = (b + 1) & mask;
        }
        t[b] = slot + 1;
    }

    private static int mix(int x) {
        int h = x * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** The value of {@code field} at {@code slot}. */
    public int get(int slot, int field) {
        return data[slot * STRIDE + field];
    }

    /** The dense location index of {@code slot}. */
    public int locationAt(int slot) {
        return data[slot * STRIDE + LOC];
    }

    /** Available to sell at {@code slot}: on hand - reserved - allocated - safety, at least 0. */
    public int ats(int slot) {
        int i = slot * STRIDE;
        long raw = (long) data[i + ON_HAND] - data[i + RESERVED] - data[i + ALLOCATED] - data[i + SAFETY];
        return raw <= 0 ? 0 : (int) raw;
    }

    /** Adds {@code delta} to {@code field} at {@code slot}, keeping the network aggregates in step. */
    public void add(int slot, int field, int delta) {
        int i = slot * STRIDE;
        int before = ats(slot);
        data[i + field] += delta;
        sumAts += ats(slot) - before;
        if (field == ON_HAND) {
            sumOnHand += delta;
        }
    }

    /** Loads {@code quantity} units as opening balance at {@code slot}. */
    public void addOpening(int slot, int quantity) {
        data[slot * STRIDE + OPENING] += quantity;
        add(slot, ON_HAND, quantity);
    }

    /** Sum over positions of available to sell. */
    public long sumAts() {
        return sumAts;
    }

    /** Sum over positions of on hand. */
    public long sumOnHand() {
        return sumOnHand;
    }

    /** Units held by network-wide reservations. */
    public long networkReserved() {
        return networkReserved;
    }

    /** Adds {@code delta} to the network-wide reserved units. */
    public void addNetworkReserved(int delta) {
        networkReserved += delta;
    }

    /** Network available to sell; negative only when network reservations are uncovered (refused by every path). */
    public long networkAts() {
        return sumAts - networkReserved;
    }

    /** The ledger of the SKU (all its positions); null until the first movement. */
    public ArrayList<StockMovement> ledger() {
        return ledger;
    }

    /** Appends a movement to the ledger. */
    public void record(StockMovement movement) {
        if (ledger == null) {
            ledger = new ArrayList<>(4);
        }
        ledger.add(movement);
    }

    /** Whether the ledger holds a movement at {@code location}. */
    public boolean hasMovementsAt(io.omskit.core.network.LocationId location) {
        if (ledger == null) {
            return false;
        }
        for (StockMovement m : ledger) {
            if (m.location().equals(location)) {
                return true;
            }
        }
        return false;
    }

    /** Open inbound supply of the SKU; created on demand. */
    public ArrayList<InboundSupply> inbound(boolean create) {
        if (inbound == null && create) {
            inbound = new ArrayList<>(2);
        }
        return inbound;
    }

    /** Queues events for publication; call with the lock held. */
    public void enqueue(InventoryEvent event) {
        ArrayList<InventoryEvent> o = outbox;
        if (o == null) {
            o = new ArrayList<>(4);
            outbox = o;
        }
        o.add(event);
    }

    /** Whether events wait to be published. */
    public boolean hasQueuedEvents() {
        return outbox != null;
    }

    /** Takes the queued events; call with the lock held. */
    public ArrayList<InventoryEvent> takeQueued() {
        ArrayList<InventoryEvent> o = outbox;
        outbox = null;
        return o;
    }

    /** Claims the right to publish this stripe's events; false when another thread holds it. */
    public boolean startDraining() {
        return DRAINING.compareAndSet(this, 0, 1);
    }

    /** Gives up the right to publish. */
    public void stopDraining() {
        draining = 0;
    }

    /** Takes the lock, waiting as long as needed. */
    public void lock() {
        acquire(1);
    }

    /** Releases the lock; only by the thread holding it. */
    public void unlock() {
        release(1);
    }

    @Override
    protected boolean tryAcquire(int ignored) {
        if (compareAndSetState(0, 1)) {
            setExclusiveOwnerThread(Thread.currentThread());
            return true;
        }
        return false;
    }

    @Override
    protected boolean tryRelease(int ignored) {
        if (getExclusiveOwnerThread() != Thread.currentThread()) {
            throw new IllegalMonitorStateException("stripe " + sku + " is not locked by this thread");
        }
        setExclusiveOwnerThread(null);
        setState(0);
        return true;
    }

    @Override
    protected boolean isHeldExclusively() {
        return getExclusiveOwnerThread() == Thread.currentThread();
    }

    @Override
    public String toString() {
        return "stripe " + sku + " (" + size + " positions)";
    }
}

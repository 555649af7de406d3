package io.omskit.core.order;

import io.omskit.core.common.Checks;

/**
 * How many units of a line are in each {@link UnitState}. The counts always add up to the line's quantity:
 * units move between states, they are never created or lost.
 */
public record UnitCounts(int open, int reserved, int allocated, int ready, int shipped, int pickedUp,
                         int delivered, int cancelled, int returned, int awaitingStock) {

    public UnitCounts {
        Checks.notNegative(open, "open");
        Checks.notNegative(reserved, "reserved");
        Checks.notNegative(allocated, "allocated");
        Checks.notNegative(ready, "ready");
        Checks.notNegative(shipped, "shipped");
        Checks.notNegative(pickedUp, "pickedUp");
        Checks.notNegative(delivered, "delivered");
        Checks.notNegative(cancelled, "cancelled");
        Checks.notNegative(returned, "returned");
        Checks.notNegative(awaitingStock, "awaitingStock");
    }

    /** Counts without units awaiting stock. */
    public UnitCounts(int open, int reserved, int allocated, int ready, int shipped, int pickedUp, int delivered,
                      int cancelled, int returned) {
        this(open, reserved, allocated, ready, shipped, pickedUp, delivered, cancelled, returned, 0);
    }

    /** All {@code quantity} units open. */
    public static UnitCounts allOpen(int quantity) {
        return new UnitCounts(quantity, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** The number of units in {@code state}. */
    public int get(UnitState state) {
        return switch (state) {
            case OPEN -> open;
            case RESERVED -> reserved;
            case ALLOCATED -> allocated;
            case READY -> ready;
            case SHIPPED -> shipped;
            case PICKED_UP -> pickedUp;
            case DELIVERED -> delivered;
            case CANCELLED -> cancelled;
            case RETURNED -> returned;
            case AWAITING_STOCK -> awaitingStock;
        };
    }

    /** The total over all states: the line's quantity. */
    public int total() {
        return open + reserved + allocated + ready + shipped + pickedUp + delivered + cancelled + returned + awaitingStock;
    }

    /** Units that are not cancelled. */
    public int active() {
        return total() - cancelled;
    }

    /**
     * Moves {@code quantity} units from one state to another.
     *
     * @throws IllegalArgumentException when fewer than {@code quantity} units are in {@code from}
     */
    public UnitCounts move(UnitState from, UnitState to, int quantity) {
        Checks.positive(quantity, "quantity");
        if (get(from) < quantity) {
            throw new IllegalArgumentException("quantity must be <= " + get(from) + " units in " + from + ", was " + quantity);
        }
        int[] c = {open, reserved, allocated, ready, shipped, pickedUp, delivered, cancelled, returned, awaitingStock};
        c[from.ordinal()] -= quantity;
        c[to.ordinal()] += quantity;
        return new UnitCounts(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9]);
    }
}

package io.omskit.core.order;

/**
 * Where each unit of a line is. Every unit is in exactly one state at any time.
 */
public enum UnitState {
    /** Ordered, no stock held for it. */
    OPEN,
    /** Stock held in the network (not yet at a chosen location). */
    RESERVED,
    /** Stock allocated at a location for a fulfilment. */
    ALLOCATED,
    /** Picked and packed: ready to ship, or ready for pickup. */
    READY,
    /** Handed to the carrier. */
    SHIPPED,
    /** Collected by the customer in store. */
    PICKED_UP,
    /** Delivered to the customer's address. */
    DELIVERED,
    /** Will never be fulfilled. */
    CANCELLED,
    /** Came back from the customer. */
    RETURNED,
    /**
     * Sold beyond stock: waits for inbound supply (a backorder or a pre-order, see {@link OrderLine#backorder()}); no
     * stock is held for it until a receipt fills it, when it becomes {@link #RESERVED}.
     */
    AWAITING_STOCK;

    /** Whether the unit has not yet left the location (it can still be cancelled). */
    public boolean isCancellable() {
        return this == OPEN || this == RESERVED || this == ALLOCATED || this == READY || this == AWAITING_STOCK;
    }
}

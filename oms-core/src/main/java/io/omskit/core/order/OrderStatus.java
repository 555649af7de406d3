package io.omskit.core.order;

/**
 * The status a customer sees. Derived from the units of the lines, the payment and any hold;
 * never stored on its own.
 */
public enum OrderStatus {
    /** Placed; the payment is not secured yet. */
    AWAITING_CONFIRMATION,
    /** Paid; units wait for stock to be allocated (support waits too). */
    CONFIRMED,
    /** Paid, some units cancelled, others wait for stock. */
    PARTIALLY_CANCELLED,
    /** A location is preparing it: offered, accepted, being picked, or a transfer on its way to the pickup store. */
    IN_PREPARATION,
    /** At the pickup store, waiting for the customer and their pickup code. */
    READY_FOR_PICKUP,
    /** Packed, waiting for the carrier. */
    READY_TO_SHIP,
    /** With the carrier, on its way to the customer. */
    SHIPPED,
    /** Collected by the customer in store. */
    PICKED_UP,
    /** Delivered to the customer's address. */
    DELIVERED,
    /**
     * Every unit that was not cancelled reached the customer and some, not all, of them came back (delivered, collected
     * or returned, none still on its way).
     */
    PARTIALLY_RETURNED,
    /** Every unit that was not cancelled came back. */
    RETURNED,
    /** Held (payment declined, fraud review, ...): nothing moves until released or cancelled. */
    ON_HOLD,
    /** Every unit cancelled (or expired uncollected). */
    CANCELLED,
    /**
     * Paid; units of some line were sold beyond stock and wait for inbound supply (each line's
     * {@link OrderLine#expectedAt()} says until when). The units that were in stock may meanwhile be prepared and
     * shipped: the order shows this status until the last waiting unit arrives or is cancelled.
     */
    AWAITING_STOCK;

    /** Whether no command can change the order any more (payments aside). */
    public boolean isTerminal() {
        return this == CANCELLED || this == RETURNED;
    }
}

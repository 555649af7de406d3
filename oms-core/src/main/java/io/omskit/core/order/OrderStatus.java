package io.omskit.core.order;

/**
 * The status a customer sees. Derived from the units of the lines, the payment and any hold;
 * never stored on its own.
 */
public enum OrderStatus {
    AWAITING_CONFIRMATION,
    CONFIRMED,
    PARTIALLY_CANCELLED,
    IN_PREPARATION,
    READY_FOR_PICKUP,
    READY_TO_SHIP,
    SHIPPED,
    PICKED_UP,
    DELIVERED,
    RETURNED,
    ON_HOLD,
    CANCELLED;

    /** Whether no command can change the order any more (payments aside). */
    public boolean isTerminal() {
        return this == CANCELLED || this == RETURNED;
    }
}

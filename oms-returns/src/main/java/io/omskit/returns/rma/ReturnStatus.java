package io.omskit.returns.rma;

/** Where a return stands; which commands each accepts is in {@link ReturnTransitions}. */
public enum ReturnStatus {
    /** Accepted by the policy; the goods have not been sent yet. */
    AUTHORISED,
    /** The goods are on their way to the destination. */
    IN_TRANSIT,
    /** Some goods arrived; not all of them are inspected (or not all arrived). */
    RECEIVED,
    /** Every authorised unit arrived and was inspected. */
    INSPECTED,
    /** Inspected and refunded: done. */
    REFUNDED,
    /** Finished without (further) refund: nothing due, or the goods never came. */
    CLOSED,
    /** Withdrawn before anything arrived or was refunded. */
    CANCELLED;

    /**
     * Whether the return's goods and refunds are done: no command changes its units any more. A refunded or closed
     * return may still carry the order's shipping refund ({@link Return#requestShippingRefund}).
     */
    public boolean isFinished() {
        return this == REFUNDED || this == CLOSED || this == CANCELLED;
    }
}

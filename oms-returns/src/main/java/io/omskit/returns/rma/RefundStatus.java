package io.omskit.returns.rma;

/** Where a refund stands. */
public enum RefundStatus {
    /** Decided and recorded, the provider's answer not yet recorded (not asked, or the outcome was unknown). */
    REQUESTED,
    /** Money (or store credit) went back to the customer. */
    SUCCEEDED,
    /** The provider refused it; its units can be refunded again. */
    DECLINED
}

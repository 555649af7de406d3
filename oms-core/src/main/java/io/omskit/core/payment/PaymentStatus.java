package io.omskit.core.payment;

/** Where an order's payment stands. */
public enum PaymentStatus {
    /** Nothing asked of the payment provider yet. */
    NOT_REQUESTED,
    /** Funds are authorised and can be captured. */
    AUTHORISED,
    /** The provider declined the authorisation. */
    DECLINED,
    /** The call did not reach the provider; nothing happened. */
    NOT_ATTEMPTED,
    /** The call may or may not have succeeded (timeout); must be reconciled. */
    UNKNOWN,
    /** The authorisation was released. */
    VOIDED,
    /** Some or all funds were captured. */
    CAPTURED,
    /** Some or all captured funds were refunded. */
    REFUNDED
}

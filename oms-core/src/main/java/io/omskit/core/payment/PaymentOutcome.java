package io.omskit.core.payment;

/** What a call to the payment provider achieved. */
public enum PaymentOutcome {
    /** It happened. */
    SUCCEEDED,
    /** The provider refused it (insufficient funds, card blocked, ...). */
    DECLINED,
    /** It certainly did not happen (the provider could not be reached); safe to retry. */
    NOT_ATTEMPTED,
    /** It may or may not have happened (timeout); reconcile by retrying with the same idempotency key. */
    UNKNOWN
}

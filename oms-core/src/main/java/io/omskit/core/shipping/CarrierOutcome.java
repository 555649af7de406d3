package io.omskit.core.shipping;

/** What a call to a carrier achieved. */
public enum CarrierOutcome {
    /** It happened. */
    SUCCEEDED,
    /** The carrier refused it (address not served, parcel too heavy, booking already collected, ...). */
    DECLINED,
    /** It certainly did not happen (the carrier could not be reached); safe to retry. */
    NOT_ATTEMPTED,
    /** It may or may not have happened (timeout); reconcile by asking again with the same idempotency key. */
    UNKNOWN
}

package io.omskit.returns.policy;

/** When returned units are refunded. */
public enum RefundTiming {
    /** When the return is authorised, before the goods arrive (trusted customers). */
    AT_ONCE,
    /** When the goods arrive, before inspection. */
    ON_RECEIPT,
    /** When inspection finds them in a refundable condition. */
    AFTER_INSPECTION
}

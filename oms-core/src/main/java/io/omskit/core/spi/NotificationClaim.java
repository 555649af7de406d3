package io.omskit.core.spi;

/** The answer of {@link NotificationLog#claim}: whether the caller sends the message now. */
public enum NotificationClaim {
    /** First claim of the message: the caller sends it. */
    CLAIMED,
    /**
     * The message was claimed before, at least a lease ago, and never marked sent (its sender crashed, failed or timed
     * out): the caller takes it over and sends it again with the same idempotency key.
     */
    TAKEN_OVER,
    /** Claimed less than a lease ago and not marked sent: someone is sending it; the caller does nothing. */
    IN_FLIGHT,
    /** It was sent: the caller does nothing. */
    SENT,
    /** A later change of the same sequence was claimed already: this older one is never sent; nothing was written. */
    SUPERSEDED;

    /** Whether the caller sends the message now. */
    public boolean mustSend() {
        return this == CLAIMED || this == TAKEN_OVER;
    }
}

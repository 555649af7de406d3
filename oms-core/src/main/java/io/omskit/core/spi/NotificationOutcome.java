package io.omskit.core.spi;

/** What a call to the notification provider achieved. */
public enum NotificationOutcome {
    /** The provider accepted the message for delivery. */
    SENT,
    /** The provider certainly did not take it (refused it, or could not be reached); safe to send again. */
    FAILED,
    /** It may or may not have been taken (timeout): send again with the same idempotency key, the provider dedupes. */
    UNKNOWN
}

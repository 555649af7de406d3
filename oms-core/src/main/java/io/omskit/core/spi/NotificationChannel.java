package io.omskit.core.spi;

/** How a message reaches the customer; the host's templates are keyed by it. */
public enum NotificationChannel {
    /** An e-mail. */
    EMAIL,
    /** A text message. */
    SMS,
    /** A push notification to the customer's app. */
    PUSH
}

package io.omskit.core.spi;

/**
 * The answer of a {@link NotificationSender}.
 *
 * @param outcome     what happened; never null
 * @param providerRef the provider's reference of the message when {@link NotificationOutcome#SENT}; empty otherwise
 * @param detail      why it failed or is unknown, for people; empty when sent
 */
public record NotificationResult(NotificationOutcome outcome, String providerRef, String detail) {

    public NotificationResult {
        if (outcome == null) {
            throw new IllegalArgumentException("outcome must not be null");
        }
        providerRef = providerRef == null ? "" : providerRef;
        detail = detail == null ? "" : detail;
        if (outcome == NotificationOutcome.SENT && providerRef.isBlank()) {
            throw new IllegalArgumentException("providerRef of a sent notification must not be blank");
        }
    }

    /** The provider took the message; {@code providerRef} is its reference. */
    public static NotificationResult sent(String providerRef) {
        return new NotificationResult(NotificationOutcome.SENT, providerRef, "");
    }

    /** The provider certainly did not take the message, because of {@code detail}. */
    public static NotificationResult failed(String detail) {
        return new NotificationResult(NotificationOutcome.FAILED, "", detail);
    }

    /** Whether the provider took the message is not known, because of {@code detail}. */
    public static NotificationResult unknown(String detail) {
        return new NotificationResult(NotificationOutcome.UNKNOWN, "", detail);
    }

    /** Whether the provider took the message. */
    public boolean isSent() {
        return outcome == NotificationOutcome.SENT;
    }
}

package io.omskit.core.spi;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A message as a {@link NotificationLog} keeps it.
 *
 * @param notification the message, exactly as claimed
 * @param sequence     its place in its sequence ({@link NotificationSubject#stream()}): the order's version for a status
 * @param attempts     how many times it was claimed to be sent (1 after the first claim)
 * @param claimedAt    when it was last claimed
 * @param sentAt       when it was marked sent; null while unsent
 */
public record LoggedNotification(Notification notification, long sequence, int attempts, Instant claimedAt,
                                 @Nullable Instant sentAt) {

    public LoggedNotification {
        if (notification == null || claimedAt == null) {
            throw new IllegalArgumentException("notification and claimedAt must not be null");
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1, was " + attempts);
        }
    }

    /** Whether it was marked sent. */
    public boolean isSent() {
        return sentAt != null;
    }
}

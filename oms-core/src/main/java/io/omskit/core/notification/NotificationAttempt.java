package io.omskit.core.notification;

import io.omskit.core.spi.Notification;
import io.omskit.core.spi.NotificationClaim;
import io.omskit.core.spi.NotificationResult;

/**
 * What a {@link Notifier} did about one message.
 *
 * @param notification the message
 * @param claim        what the log answered: only {@link NotificationClaim#mustSend()} claims were sent
 * @param result       the provider's answer; null when it was not sent
 */
public record NotificationAttempt(Notification notification, NotificationClaim claim, NotificationResult result) {

    /** Whether the provider took the message on this attempt. */
    public boolean isSent() {
        return result != null && result.isSent();
    }
}

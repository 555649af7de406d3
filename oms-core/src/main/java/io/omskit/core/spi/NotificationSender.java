package io.omskit.core.spi;

/**
 * The host's messaging provider (e-mail, SMS, push) and templates. Thread-safe.
 *
 * <p>The library hands over a message kind and its data ({@link Notification}); turning it into text with the template
 * for its subject, channel and locale is the host's. Every call carries an idempotency key: sending again with the
 * same key must not deliver a second message (pass the key to a provider that dedupes, or keep it), which is how an
 * {@link NotificationOutcome#UNKNOWN} outcome is settled.
 *
 * <p>Provider refusals and transport failures are outcomes, never exceptions.
 */
public interface NotificationSender {

    /**
     * Sends {@code notification}, or answers as the first call with its key did when that one was taken.
     *
     * @return the outcome; never null, never thrown for provider trouble
     */
    NotificationResult send(Notification notification);
}

package io.omskit.core.notification;

import io.omskit.core.common.Checks;
import io.omskit.core.spi.NotificationChannel;
import java.util.Locale;

/**
 * One way to reach a customer: a channel and the locale of its templates.
 *
 * @param channel how; never null
 * @param locale  in which language and region; never null
 */
public record Contact(NotificationChannel channel, Locale locale) {

    public Contact {
        Checks.notNull(channel, "channel");
        Checks.notNull(locale, "locale");
    }

    /** {@code channel} in {@code locale}. */
    public static Contact of(NotificationChannel channel, Locale locale) {
        return new Contact(channel, locale);
    }
}

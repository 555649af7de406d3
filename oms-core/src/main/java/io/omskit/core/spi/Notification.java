package io.omskit.core.spi;

import io.omskit.core.common.Checks;
import io.omskit.core.order.CustomerRef;
import io.omskit.core.order.OrderId;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One message to a customer, as the library hands it to the host's {@link NotificationSender}: not text, but what the
 * host's template for ({@code subject}, {@code channel}, {@code locale}) needs.
 *
 * @param idempotencyKey the same for every attempt at this message, so that the provider delivers it once: 1 to 100
 *                       characters
 * @param orderId        the order it is about
 * @param recipient      the customer, as the host knows them
 * @param channel        how it reaches them
 * @param locale         the language and region of the template
 * @param subject        the status or tracking milestone it tells about
 * @param data           what the customer needs now, by name (see {@code io.omskit.core.notification.MessageData}):
 *                       tracking link, pickup code and opening hours, revised date, ...; copied, sorted by name, never
 *                       null: names of 1 to 100 characters, values of at most 2000
 *                       characters
 */
public record Notification(String idempotencyKey, OrderId orderId, CustomerRef recipient, NotificationChannel channel,
                           Locale locale, NotificationSubject subject, Map<String, String> data) {

    public Notification {
        Checks.identifier(idempotencyKey, "idempotencyKey");
        Checks.notNull(orderId, "orderId");
        Checks.notNull(recipient, "recipient");
        Checks.notNull(channel, "channel");
        Checks.notNull(locale, "locale");
        Checks.notNull(subject, "subject");
        Checks.notNull(data, "data");
        TreeMap<String, String> copy = new TreeMap<>();
        for (Map.Entry<String, String> e : data.entrySet()) {
            Checks.identifier(e.getKey(), "data name");
            if (e.getValue() == null) {
                throw new IllegalArgumentException("data value of '" + e.getKey() + "' must not be null");
            }
            Checks.multiLineText(e.getValue(), "data value of '" + e.getKey() + "'", 2000);
            copy.put(e.getKey(), e.getValue());
        }
        data = Collections.unmodifiableMap(copy);
    }
}

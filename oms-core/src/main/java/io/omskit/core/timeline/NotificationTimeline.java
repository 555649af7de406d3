package io.omskit.core.timeline;

import io.omskit.core.common.Checks;
import io.omskit.core.order.Actor;
import io.omskit.core.order.OrderId;
import io.omskit.core.spi.LoggedNotification;
import io.omskit.core.spi.Notification;
import io.omskit.core.spi.NotificationLog;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages sent to the customer about an order, read from the {@link NotificationLog}: one entry per message, at the
 * time it was sent (or last claimed, while unsent). Shows what the message was about and how it went, never its data
 * (pickup codes and links stay in the log).
 */
public final class NotificationTimeline implements TimelineSource {

    private final NotificationLog log;

    /** The messages kept by {@code log}. */
    public NotificationTimeline(NotificationLog log) {
        this.log = Checks.notNull(log, "log");
    }

    @Override
    public List<TimelineEntry> entries(OrderId orderId) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (LoggedNotification logged : log.forOrder(orderId)) {
            Notification n = logged.notification();
            String about = n.subject().kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " "
                    + n.subject().name() + (n.subject().parcel().isEmpty() ? "" : " of " + n.subject().parcel());
            entries.add(logged.isSent()
                    ? new TimelineEntry(logged.sentAt(), Actor.SYSTEM, "message.sent", "message " + n.idempotencyKey(),
                            "Told the customer by " + n.channel() + ": " + about, "", n.idempotencyKey())
                    : new TimelineEntry(logged.claimedAt(), Actor.SYSTEM, "message.unsent", "message " + n.idempotencyKey(),
                            "Not sent yet by " + n.channel() + " (" + logged.attempts() + " attempt(s)): " + about, "",
                            n.idempotencyKey()));
        }
        entries.sort(java.util.Comparator.comparing(TimelineEntry::at));
        return entries;
    }
}

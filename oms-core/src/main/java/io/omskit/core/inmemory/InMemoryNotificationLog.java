package io.omskit.core.inmemory;

import io.omskit.core.common.Checks;
import io.omskit.core.order.OrderId;
import io.omskit.core.spi.LoggedNotification;
import io.omskit.core.spi.Notification;
import io.omskit.core.spi.NotificationClaim;
import io.omskit.core.spi.NotificationLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Thread-safe in-memory {@link NotificationLog}: the reference adapter. Every call takes one lock. */
public final class InMemoryNotificationLog implements NotificationLog {

    private record Stream(OrderId order, String stream) {
    }

    private final Map<String, LoggedNotification> byKey = new HashMap<>();
    private final Map<Stream, Long> latest = new HashMap<>();

    @Override
    public synchronized NotificationClaim claim(Notification notification, long sequence, Instant now, Duration lease) {
        Checks.notNull(notification, "notification");
        Checks.notNull(now, "now");
        requirePositive(lease);
        LoggedNotification found = byKey.get(notification.idempotencyKey());
        if (found != null) {
            if (found.isSent()) {
                return NotificationClaim.SENT;
            }
            if (now.isBefore(found.claimedAt().plus(lease))) {
                return NotificationClaim.IN_FLIGHT;
            }
            byKey.put(notification.idempotencyKey(), new LoggedNotification(found.notification(), found.sequence(),
                    found.attempts() + 1, now, null));
            return NotificationClaim.TAKEN_OVER;
        }
        Stream stream = new Stream(notification.orderId(), notification.subject().stream());
        Long last = latest.get(stream);
        if (last != null && last > sequence) {
            return NotificationClaim.SUPERSEDED;
        }
        latest.put(stream, sequence);
        byKey.put(notification.idempotencyKey(), new LoggedNotification(notification, sequence, 1, now, null));
        return NotificationClaim.CLAIMED;
    }

    @Override
    public synchronized void markSent(String idempotencyKey, Instant now) {
        Checks.notNull(now, "now");
        LoggedNotification found = byKey.get(idempotencyKey);
        if (found == null) {
            throw new IllegalArgumentException("idempotencyKey " + Checks.quote(idempotencyKey) + " was never claimed");
        }
        if (!found.isSent()) {
            byKey.put(idempotencyKey, new LoggedNotification(found.notification(), found.sequence(), found.attempts(),
                    found.claimedAt(), now));
        }
    }

    @Override
    public synchronized Optional<LoggedNotification> find(String idempotencyKey) {
        return Optional.ofNullable(byKey.get(idempotencyKey));
    }

    @Override
    public synchronized List<LoggedNotification> unsent(Instant claimedBefore, int maxAttempts, int limit) {
        Checks.notNull(claimedBefore, "claimedBefore");
        Checks.positive(maxAttempts, "maxAttempts");
        Checks.positive(limit, "limit");
        List<LoggedNotification> found = new ArrayList<>();
        for (LoggedNotification n : byKey.values()) {
            if (!n.isSent() && !n.claimedAt().isAfter(claimedBefore) && n.attempts() < maxAttempts) {
                found.add(n);
            }
        }
        found.sort(Comparator.comparing(LoggedNotification::claimedAt)
                .thenComparing(n -> n.notification().idempotencyKey()));
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }

    @Override
    public synchronized List<LoggedNotification> forOrder(io.omskit.core.order.OrderId orderId) {
        Checks.notNull(orderId, "orderId");
        List<LoggedNotification> found = new ArrayList<>();
        for (LoggedNotification n : byKey.values()) {
            if (n.notification().orderId().equals(orderId)) {
                found.add(n);
            }
        }
        found.sort(Comparator.comparing(LoggedNotification::claimedAt)
                .thenComparing(n -> n.notification().idempotencyKey()));
        return found;
    }

    /** Every message kept, in no particular order. */
    public synchronized List<LoggedNotification> all() {
        return List.copyOf(byKey.values());
    }

    private static void requirePositive(Duration lease) {
        Checks.notNull(lease, "lease");
        if (lease.isZero() || lease.isNegative()) {
            throw new IllegalArgumentException("lease must be positive, was " + lease);
        }
    }
}

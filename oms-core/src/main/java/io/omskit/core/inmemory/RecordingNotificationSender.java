package io.omskit.core.inmemory;

import io.omskit.core.common.Checks;
import io.omskit.core.order.OrderId;
import io.omskit.core.spi.Notification;
import io.omskit.core.spi.NotificationResult;
import io.omskit.core.spi.NotificationSender;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A thread-safe in-memory notification provider for tests and demos. Like a real provider it delivers a message once
 * per idempotency key (sending the key again answers as the first delivery did), keeps what it delivered, and can be
 * told to misbehave on the next calls: {@link #failNext(String)} (not taken) and {@link #timeOutNext(boolean)}
 * (outcome unknown; the message may or may not have been delivered).
 */
public final class RecordingNotificationSender implements NotificationSender {

    private enum Fault { FAIL, TIMEOUT_DELIVERED, TIMEOUT_LOST }

    private record Scripted(Fault fault, String detail) {
    }

    private final Deque<Scripted> script = new ArrayDeque<>();
    private final Map<String, Notification> delivered = new LinkedHashMap<>();
    private final Map<String, String> refs = new LinkedHashMap<>();
    private final List<Notification> calls = new ArrayList<>();

    /** The next call is not taken, because of {@code detail}: {@link io.omskit.core.spi.NotificationOutcome#FAILED}. */
    public synchronized RecordingNotificationSender failNext(String detail) {
        script.add(new Scripted(Fault.FAIL, Checks.notBlank(detail, "detail")));
        return this;
    }

    /**
     * The next call times out: the caller gets {@link io.omskit.core.spi.NotificationOutcome#UNKNOWN}. Whether the
     * message really went out is {@code actuallyDelivered}; sending again with the same key reveals it.
     */
    public synchronized RecordingNotificationSender timeOutNext(boolean actuallyDelivered) {
        script.add(new Scripted(actuallyDelivered ? Fault.TIMEOUT_DELIVERED : Fault.TIMEOUT_LOST, "read timed out"));
        return this;
    }

    @Override
    public synchronized NotificationResult send(Notification notification) {
        Checks.notNull(notification, "notification");
        calls.add(notification);
        String key = notification.idempotencyKey();
        String ref = refs.get(key);
        if (ref != null) {
            return NotificationResult.sent(ref);
        }
        Scripted next = script.poll();
        if (next != null && (next.fault == Fault.FAIL)) {
            return NotificationResult.failed(next.detail);
        }
        if (next != null && next.fault == Fault.TIMEOUT_LOST) {
            return NotificationResult.unknown(next.detail);
        }
        ref = "msg-" + (refs.size() + 1);
        refs.put(key, ref);
        delivered.put(key, notification);
        return next == null ? NotificationResult.sent(ref) : NotificationResult.unknown(next.detail);
    }

    /** Every message delivered to a customer, once each, oldest first. */
    public synchronized List<Notification> delivered() {
        return List.copyOf(delivered.values());
    }

    /** The messages delivered about {@code order}, oldest first. */
    public synchronized List<Notification> delivered(OrderId order) {
        List<Notification> found = new ArrayList<>();
        for (Notification n : delivered.values()) {
            if (n.orderId().equals(order)) {
                found.add(n);
            }
        }
        return found;
    }

    /** Every call received, oldest first, repeats of a key included. */
    public synchronized List<Notification> calls() {
        return List.copyOf(calls);
    }
}

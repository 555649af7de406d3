package io.omskit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.order.CustomerRef;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.spi.LoggedNotification;
import io.omskit.core.spi.Notification;
import io.omskit.core.spi.NotificationChannel;
import io.omskit.core.spi.NotificationClaim;
import io.omskit.core.spi.NotificationLog;
import io.omskit.core.spi.NotificationSubject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link NotificationLog}. Extend it with one factory method to check an adapter:
 * <pre>{@code
 * class MyNotificationLogContractTest extends NotificationLogContract {
 *     protected NotificationLog newLog() { return new MyNotificationLog(dataSource); }
 * }
 * }</pre>
 * Each test's display name starts with the clause it checks.
 */
public abstract class NotificationLogContract {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static int counter;

    /** A new, empty log; called before each test. */
    protected abstract NotificationLog newLog();

    /** Releases what {@link #newLog()} acquired; the default does nothing. */
    protected void close(NotificationLog log) {
    }

    /** The log under test, new for each test. */
    protected NotificationLog log;

    @BeforeEach
    void createLog() {
        log = newLog();
    }

    @AfterEach
    void closeLog() {
        close(log);
    }

    private static synchronized OrderId newOrderId() {
        counter++;
        return OrderId.of("order-" + System.nanoTime() + "-" + counter);
    }

    private static Notification message(OrderId order, NotificationSubject subject, NotificationChannel channel) {
        String key = "key-" + order.value() + "-" + subject.name() + "-" + subject.parcel() + "-" + channel;
        return new Notification(key, order, CustomerRef.of("customer-1"), channel, Locale.GERMANY, subject,
                Map.of("pickupCode", "246810", "openingHours", "MONDAY 09:00-18:00\nTUESDAY 09:00-18:00", "empty", ""));
    }

    private static Notification status(OrderId order, OrderStatus status) {
        return message(order, NotificationSubject.orderStatus(status), NotificationChannel.EMAIL);
    }

    @Test
    @DisplayName("NotificationLog §1: the first claim of a message claims it, unsent, with one attempt")
    void first_claim() {
        Notification n = status(newOrderId(), OrderStatus.CONFIRMED);

        assertThat(log.claim(n, 3, T0, LEASE)).isEqualTo(NotificationClaim.CLAIMED);

        LoggedNotification logged = log.find(n.idempotencyKey()).orElseThrow();
        assertThat(logged.isSent()).isFalse();
        assertThat(logged.attempts()).isEqualTo(1);
        assertThat(logged.sequence()).isEqualTo(3);
        assertThat(logged.claimedAt()).isEqualTo(T0);
    }

    @Test
    @DisplayName("NotificationLog §2: a message claimed less than a lease ago and unsent is in flight; nothing changes")
    void in_flight() {
        Notification n = status(newOrderId(), OrderStatus.CONFIRMED);
        log.claim(n, 3, T0, LEASE);

        assertThat(log.claim(n, 3, T0.plus(LEASE).minusMillis(1), LEASE)).isEqualTo(NotificationClaim.IN_FLIGHT);

        assertThat(log.find(n.idempotencyKey()).orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    @DisplayName("NotificationLog §2: an unsent message claimed a lease ago or more is taken over, one attempt more")
    void taken_over() {
        Notification n = status(newOrderId(), OrderStatus.CONFIRMED);
        log.claim(n, 3, T0, LEASE);

        assertThat(log.claim(n, 3, T0.plus(LEASE), LEASE)).isEqualTo(NotificationClaim.TAKEN_OVER);

        LoggedNotification logged = log.find(n.idempotencyKey()).orElseThrow();
        assertThat(logged.attempts()).isEqualTo(2);
        assertThat(logged.claimedAt()).isEqualTo(T0.plus(LEASE));
        assertThat(log.claim(n, 3, T0.plus(LEASE).plusSeconds(1), LEASE)).isEqualTo(NotificationClaim.IN_FLIGHT);
    }

    @Test
    @DisplayName("NotificationLog §3: a message marked sent is never claimed again; marking it again changes nothing")
    void sent() {
        Notification n = status(newOrderId(), OrderStatus.CONFIRMED);
        log.claim(n, 3, T0, LEASE);
        log.markSent(n.idempotencyKey(), T0.plusSeconds(1));
        log.markSent(n.idempotencyKey(), T0.plusSeconds(9));

        assertThat(log.claim(n, 3, T0.plus(Duration.ofDays(1)), LEASE)).isEqualTo(NotificationClaim.SENT);
        LoggedNotification logged = log.find(n.idempotencyKey()).orElseThrow();
        assertThat(logged.sentAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(logged.attempts()).isEqualTo(1);
    }

    @Test
    @DisplayName("NotificationLog §3: marking a message never claimed is refused")
    void mark_unknown() {
        assertThatThrownBy(() -> log.markSent("never-claimed", T0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never-claimed");
    }

    @Test
    @DisplayName("NotificationLog §4: a new message older than one claimed in its order's stream is superseded; nothing is written")
    void superseded() {
        OrderId order = newOrderId();
        log.claim(status(order, OrderStatus.SHIPPED), 9, T0, LEASE);

        Notification older = status(order, OrderStatus.CONFIRMED);
        assertThat(log.claim(older, 3, T0, LEASE)).isEqualTo(NotificationClaim.SUPERSEDED);

        assertThat(log.find(older.idempotencyKey())).isEmpty();
    }

    @Test
    @DisplayName("NotificationLog §4: streams are apart: another order, another parcel, another channel at the same sequence")
    void streams_apart() {
        OrderId order = newOrderId();
        log.claim(status(order, OrderStatus.SHIPPED), 9, T0, LEASE);

        assertThat(log.claim(status(newOrderId(), OrderStatus.CONFIRMED), 3, T0, LEASE)).isEqualTo(NotificationClaim.CLAIMED);
        assertThat(log.claim(message(order, NotificationSubject.trackingMilestone("parcel-1", "OUT_FOR_DELIVERY"),
                NotificationChannel.EMAIL), 5, T0, LEASE)).isEqualTo(NotificationClaim.CLAIMED);
        assertThat(log.claim(message(order, NotificationSubject.orderStatus(OrderStatus.SHIPPED), NotificationChannel.SMS),
                9, T0, LEASE)).isEqualTo(NotificationClaim.CLAIMED);
        assertThat(log.claim(message(order, NotificationSubject.trackingMilestone("parcel-1", "IN_TRANSIT"),
                NotificationChannel.EMAIL), 4, T0, LEASE)).isEqualTo(NotificationClaim.SUPERSEDED);
    }

    @Test
    @DisplayName("NotificationLog §4: each step of a return is a stream of its own: a later step claimed first supersedes no other step")
    void return_steps_apart() {
        OrderId order = newOrderId();
        Notification received = message(order, NotificationSubject.returnStep("return-1", "RETURN_RECEIVED"), NotificationChannel.EMAIL);
        Notification authorised = message(order, NotificationSubject.returnStep("return-1", "RETURN_AUTHORISED"), NotificationChannel.EMAIL);

        assertThat(log.claim(received, 3, T0, LEASE)).isEqualTo(NotificationClaim.CLAIMED);
        assertThat(log.claim(authorised, 1, T0, LEASE)).isEqualTo(NotificationClaim.CLAIMED);
        assertThat(log.claim(authorised, 1, T0, LEASE)).isEqualTo(NotificationClaim.IN_FLIGHT);
        assertThat(log.find(authorised.idempotencyKey()).orElseThrow().notification()).isEqualTo(authorised);
    }

    @Test
    @DisplayName("NotificationLog §5: the message read back equals the one claimed")
    void read_back() {
        Notification n = message(newOrderId(), NotificationSubject.trackingMilestone("parcel-7", "DELAYED"),
                NotificationChannel.PUSH);
        log.claim(n, 1_772_445_600_000L, T0, LEASE);

        assertThat(log.find(n.idempotencyKey()).orElseThrow().notification()).isEqualTo(n);
        Notification root = new Notification("key-root-" + n.orderId().value(), n.orderId(), n.recipient(),
                NotificationChannel.EMAIL, Locale.ROOT, NotificationSubject.orderStatus(OrderStatus.CONFIRMED), Map.of());
        log.claim(root, 2, T0, LEASE);
        assertThat(log.find(root.idempotencyKey()).orElseThrow().notification()).isEqualTo(root);
    }

    @Test
    @DisplayName("NotificationLog §6: unsent lists unsent claims made at or before the moment, under the attempts, oldest claim first")
    void unsent() {
        OrderId order = newOrderId();
        Notification a = status(order, OrderStatus.CONFIRMED);
        Notification b = status(order, OrderStatus.SHIPPED);
        Notification c = status(order, OrderStatus.DELIVERED);
        Notification d = status(newOrderId(), OrderStatus.CONFIRMED);
        log.claim(b, 5, T0, LEASE);
        log.claim(a, 5, T0.plusSeconds(10), LEASE);
        log.claim(c, 7, T0.plusSeconds(20), LEASE);
        log.claim(d, 1, T0.plusSeconds(5), LEASE);
        log.markSent(d.idempotencyKey(), T0.plusSeconds(6));
        log.claim(b, 5, T0.plus(LEASE), LEASE);

        List<String> keys = new ArrayList<>();
        log.unsent(T0.plusSeconds(20), 10, 10).forEach(n -> keys.add(n.notification().idempotencyKey()));
        assertThat(keys).containsExactly(a.idempotencyKey(), c.idempotencyKey());
        assertThat(log.unsent(T0.plus(LEASE), 10, 1)).extracting(n -> n.notification().idempotencyKey())
                .containsExactly(a.idempotencyKey());
        assertThat(log.unsent(T0.plus(LEASE), 2, 10)).extracting(n -> n.notification().idempotencyKey())
                .as("b has two attempts").containsExactly(a.idempotencyKey(), c.idempotencyKey());
        assertThat(log.unsent(T0.plus(LEASE), 3, 10)).extracting(n -> n.notification().idempotencyKey())
                .containsExactly(a.idempotencyKey(), c.idempotencyKey(), b.idempotencyKey());
    }

    @Test
    @DisplayName("NotificationLog §2: of many concurrent claims of one message exactly one claims it, and of many take-overs one")
    void concurrent_claims() throws Exception {
        Notification n = status(newOrderId(), OrderStatus.CONFIRMED);
        assertThat(race(n, T0)).containsOnly(NotificationClaim.CLAIMED, NotificationClaim.IN_FLIGHT)
                .filteredOn(c -> c == NotificationClaim.CLAIMED).hasSize(1);
        assertThat(race(n, T0.plus(LEASE).plusSeconds(1))).containsOnly(NotificationClaim.TAKEN_OVER, NotificationClaim.IN_FLIGHT)
                .filteredOn(c -> c == NotificationClaim.TAKEN_OVER).hasSize(1);
        assertThat(log.find(n.idempotencyKey()).orElseThrow().attempts()).isEqualTo(2);
    }

    private List<NotificationClaim> race(Notification n, Instant now) throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<NotificationClaim>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<NotificationClaim> claim = () -> {
                    start.await();
                    return log.claim(n, 3, now, LEASE);
                };
                futures.add(pool.submit(claim));
            }
            start.countDown();
            List<NotificationClaim> claims = new ArrayList<>();
            for (Future<NotificationClaim> f : futures) {
                claims.add(f.get(30, TimeUnit.SECONDS));
            }
            return claims;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("NotificationLog §7: the messages of one order are listed, sent or not, oldest claim first, no other order's")
    void lists_messages_of_an_order() {
        OrderId order = newOrderId();
        OrderId other = newOrderId();
        Notification confirmed = status(order, OrderStatus.CONFIRMED);
        Notification shipped = status(order, OrderStatus.SHIPPED);
        Notification otherConfirmed = status(other, OrderStatus.CONFIRMED);
        log.claim(otherConfirmed, 2, T0, LEASE);
        log.claim(confirmed, 2, T0, LEASE);
        log.claim(shipped, 5, T0.plusSeconds(60), LEASE);
        log.markSent(confirmed.idempotencyKey(), T0.plusSeconds(1));

        List<LoggedNotification> found = log.forOrder(order);

        assertThat(found).extracting(LoggedNotification::notification).containsExactly(confirmed, shipped);
        assertThat(found.get(0).isSent()).isTrue();
        assertThat(found.get(1).isSent()).isFalse();
        assertThat(log.forOrder(newOrderId())).isEmpty();
    }
}

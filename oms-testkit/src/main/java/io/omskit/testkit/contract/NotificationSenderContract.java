package io.omskit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.order.CustomerRef;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.spi.Notification;
import io.omskit.core.spi.NotificationChannel;
import io.omskit.core.spi.NotificationOutcome;
import io.omskit.core.spi.NotificationResult;
import io.omskit.core.spi.NotificationSender;
import io.omskit.core.spi.NotificationSubject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link NotificationSender}, for a sender pointed at a test account of its provider (or a fake).
 * Extend it with one factory method:
 * <pre>{@code
 * class MySenderContractTest extends NotificationSenderContract {
 *     protected NotificationSender newSender() { return new MySender(sandboxAccount); }
 * }
 * }</pre>
 * Each test's display name starts with the clause it checks.
 */
public abstract class NotificationSenderContract {

    private static int counter;

    /** A sender ready to take messages; called before each test. */
    protected abstract NotificationSender newSender();

    /** The sender under test, new for each test. */
    protected NotificationSender sender;

    @BeforeEach
    void createSender() {
        sender = newSender();
    }

    private static synchronized Notification message(OrderStatus status) {
        counter++;
        OrderId order = OrderId.of("order-" + System.nanoTime() + "-" + counter);
        return new Notification("key-" + order.value() + "-" + status, order, CustomerRef.of("customer-1"),
                NotificationChannel.EMAIL, Locale.UK, NotificationSubject.orderStatus(status),
                Map.of("externalRef", "WEB-" + counter, "pickupCode", "246810"));
    }

    @Test
    @DisplayName("NotificationSender §1: a message is sent and the answer carries the provider's reference")
    void sends() {
        NotificationResult result = sender.send(message(OrderStatus.CONFIRMED));

        assertThat(result).isNotNull();
        assertThat(result.outcome()).isEqualTo(NotificationOutcome.SENT);
        assertThat(result.providerRef()).isNotBlank();
    }

    @Test
    @DisplayName("NotificationSender §2: sending a key again answers as the first send did, with the same reference")
    void same_key_same_answer() {
        Notification n = message(OrderStatus.SHIPPED);
        NotificationResult first = sender.send(n);

        NotificationResult again = sender.send(n);

        assertThat(again.outcome()).isEqualTo(NotificationOutcome.SENT);
        assertThat(again.providerRef()).isEqualTo(first.providerRef());
    }

    @Test
    @DisplayName("NotificationSender §3: messages of different keys are different messages")
    void different_keys() {
        NotificationResult a = sender.send(message(OrderStatus.CONFIRMED));
        NotificationResult b = sender.send(message(OrderStatus.CONFIRMED));

        assertThat(a.providerRef()).isNotEqualTo(b.providerRef());
    }

    @Test
    @DisplayName("NotificationSender §4: many threads sending one key at once get one message, one reference")
    void concurrent_same_key() throws Exception {
        Notification n = message(OrderStatus.DELIVERED);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<NotificationResult>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return sender.send(n);
                }));
            }
            start.countDown();
            List<String> refs = new ArrayList<>();
            for (Future<NotificationResult> f : futures) {
                NotificationResult r = f.get(30, TimeUnit.SECONDS);
                assertThat(r.outcome()).isEqualTo(NotificationOutcome.SENT);
                refs.add(r.providerRef());
            }
            assertThat(refs).containsOnly(refs.get(0));
        } finally {
            pool.shutdownNow();
        }
    }
}

package io.omskit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.event.DomainEvent;
import io.omskit.core.order.Actor;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderNote;
import io.omskit.core.spi.EventPublisher;
import io.omskit.core.spi.SpiException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link EventPublisher}. Extend it with a factory method and a way to read what a consumer received:
 * <pre>{@code
 * class MyPublisherContractTest extends EventPublisherContract {
 *     protected EventPublisher newPublisher() { return new MyBrokerPublisher(testTopic); }
 *     protected List<DomainEvent> delivered(EventPublisher publisher) { return testTopicConsumer.readAll(); }
 * }
 * }</pre>
 * A publisher whose consumers receive later than {@code publish} returns (a broker) is read again until
 * {@link #deliveryTimeout()} has passed. Duplicates are allowed (delivery is at least once; consumers drop them by
 * {@link DomainEvent#eventId()}); the clauses compare each event's first arrival. §5 needs the publisher to fail on
 * demand; an adapter that can overrides {@link #failNextPublish}; for one that cannot, it is skipped. Each test's
 * display name starts with the clause it checks.
 */
public abstract class EventPublisherContract {

    /** A new publisher whose consumers have received nothing yet; called before each test. */
    protected abstract EventPublisher newPublisher();

    /** Every event a consumer of {@code publisher} received so far, in the order received, duplicates included. */
    protected abstract List<DomainEvent> delivered(EventPublisher publisher);

    /** How long a published event may take to reach a consumer; 5 seconds by default. */
    protected Duration deliveryTimeout() {
        return Duration.ofSeconds(5);
    }

    /**
     * Makes the publisher's next {@code publish} fail to hand the events over ({@code handedOver}: after it handed them
     * over, as when the broker's acknowledgement is lost). The default skips the clause.
     */
    protected void failNextPublish(EventPublisher publisher, boolean handedOver) {
        Assumptions.abort("the adapter cannot be made to fail");
    }

    /** The publisher under test, new for each test. */
    protected EventPublisher publisher;

    private static final Instant AT = Instant.parse("2030-01-01T10:00:00Z");

    @BeforeEach
    void createPublisher() {
        publisher = newPublisher();
    }

    /** {@code count} events of one new order, versions 1 to {@code count}. */
    private static List<DomainEvent> eventsOf(OrderId order, int from, int count) {
        List<DomainEvent> events = new ArrayList<>();
        for (int v = from; v < from + count; v++) {
            events.add(new OrderEvent.OrderNoteAdded(UUID.randomUUID(), order, v, AT.plusSeconds(v),
                    new OrderNote(Actor.SYSTEM, "contract note " + v, AT.plusSeconds(v))));
        }
        return events;
    }

    private static OrderId newOrder() {
        return OrderId.of("contract-" + UUID.randomUUID());
    }

    /** The first arrival of each event, in order, once all of {@code expected} arrived or the timeout passed. */
    private List<DomainEvent> firstArrivals(Set<UUID> expected) throws InterruptedException {
        long deadline = System.nanoTime() + deliveryTimeout().toNanos();
        while (true) {
            Map<UUID, DomainEvent> first = new LinkedHashMap<>();
            for (DomainEvent e : delivered(publisher)) {
                first.putIfAbsent(e.eventId(), e);
            }
            if (first.keySet().containsAll(expected) || System.nanoTime() > deadline) {
                return new ArrayList<>(first.values());
            }
            Thread.sleep(10);
        }
    }

    private static Set<UUID> ids(List<? extends DomainEvent> events) {
        Set<UUID> ids = new LinkedHashSet<>();
        events.forEach(e -> ids.add(e.eventId()));
        return ids;
    }

    @Test
    @DisplayName("EventPublisher §1: the events of one call reach the consumer unchanged and in the order given")
    void one_call_in_order() throws Exception {
        List<DomainEvent> events = eventsOf(newOrder(), 1, 5);

        publisher.publish(events);

        assertThat(firstArrivals(ids(events))).containsExactlyElementsOf(events);
    }

    @Test
    @DisplayName("EventPublisher §2: an empty list is accepted and delivers nothing")
    void empty_list_delivers_nothing() throws Exception {
        List<DomainEvent> marker = eventsOf(newOrder(), 1, 1);

        publisher.publish(List.of());
        publisher.publish(marker);

        assertThat(firstArrivals(ids(marker))).containsExactlyElementsOf(marker);
    }

    @Test
    @DisplayName("EventPublisher §3: events of one aggregate published by successive calls arrive in call order")
    void successive_calls_in_order() throws Exception {
        OrderId order = newOrder();
        List<DomainEvent> all = new ArrayList<>();
        for (int call = 0; call < 4; call++) {
            List<DomainEvent> batch = eventsOf(order, 1 + call * 3, 3);
            publisher.publish(batch);
            all.addAll(batch);
        }

        assertThat(firstArrivals(ids(all))).containsExactlyElementsOf(all);
    }

    @Test
    @DisplayName("EventPublisher §4: 8 threads publishing at once lose no event and keep each aggregate's order")
    void concurrent_publishing_keeps_order_per_aggregate() throws Exception {
        int threads = 8;
        Map<OrderId, List<DomainEvent>> byOrder = new LinkedHashMap<>();
        for (int t = 0; t < threads; t++) {
            OrderId order = newOrder();
            byOrder.put(order, eventsOf(order, 1, 40));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (List<DomainEvent> events : byOrder.values()) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < events.size(); i += 4) {
                        publisher.publish(events.subList(i, i + 4));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Set<UUID> expected = new LinkedHashSet<>();
        byOrder.values().forEach(events -> expected.addAll(ids(events)));

        List<DomainEvent> arrived = firstArrivals(expected);

        assertThat(ids(arrived)).containsAll(expected);
        byOrder.forEach((order, events) -> assertThat(arrived)
                .filteredOn(e -> e.aggregateId().equals(order.value()))
                .as("events of %s", order).containsExactlyElementsOf(events));
    }

    @Test
    @DisplayName("EventPublisher §5: a publish that could not hand the events over throws SpiException; publishing"
            + " them again delivers each at least once, in order")
    void failed_publish_throws_and_can_be_repeated() throws Exception {
        for (boolean handedOver : new boolean[] {false, true}) {
            List<DomainEvent> events = eventsOf(newOrder(), 1, 3);
            failNextPublish(publisher, handedOver);

            assertThatThrownBy(() -> publisher.publish(events)).isInstanceOf(SpiException.class);
            publisher.publish(events);

            List<DomainEvent> arrived = firstArrivals(ids(events));
            assertThat(arrived).filteredOn(e -> ids(events).contains(e.eventId())).containsExactlyElementsOf(events);
        }
    }
}

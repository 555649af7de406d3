package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.event.DomainEvent;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.inmemory.InMemoryNotificationLog;
import io.omskit.core.inmemory.RecordingNotificationSender;
import io.omskit.core.notification.Notifier;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.spi.Notification;
import io.omskit.core.spi.NotificationResult;
import io.omskit.core.spi.NotificationSender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Exactly one message per order and status, whatever the delivery: a random order's events are replayed, duplicated
 * and reordered, and the sender crashes at random points (after the claim before sending, after sending before the
 * sent-mark); then the scheduler's retry runs.
 */
class NotificationExactlyOnceProperties {

    private static final Duration LEASE = Duration.ofMinutes(2);

    enum Journey { HOME_DELIVERY, CLICK_AND_COLLECT, CANCELLED_AFTER_CONFIRMATION, DECLINED_THEN_RELEASED }

    enum Crash { NONE, BEFORE_SEND, AFTER_SEND_BEFORE_MARK }

    static final class CrashingSender implements NotificationSender {
        final RecordingNotificationSender provider = new RecordingNotificationSender();
        /** Crashes after the provider took the message, per key. */
        final Map<String, Integer> crashes = new HashMap<>();
        Crash next = Crash.NONE;

        @Override
        public NotificationResult send(Notification n) {
            Crash crash = next;
            next = Crash.NONE;
            if (crash == Crash.BEFORE_SEND) {
                throw new IllegalStateException("node died before sending " + n.idempotencyKey());
            }
            NotificationResult result = provider.send(n);
            if (crash == Crash.AFTER_SEND_BEFORE_MARK) {
                crashes.merge(n.idempotencyKey(), 1, Integer::sum);
                throw new IllegalStateException("node died after sending " + n.idempotencyKey());
            }
            return result;
        }
    }

    @Property(tries = 150)
    void one_message_per_order_and_status_whatever_the_delivery(@ForAll Journey journey, @ForAll long seed) {
        OmsFixture f = new OmsFixture().stock(MUG, WH, 20).stock(MUG, STORE, 5);
        Order order = run(f, journey);
        List<DomainEvent> events = new ArrayList<>(f.events.events());
        Random random = new Random(seed);

        List<DomainEvent> schedule = new ArrayList<>(events);
        int duplicates = random.nextInt(events.size() * 2 + 1);
        for (int i = 0; i < duplicates; i++) {
            schedule.add(events.get(random.nextInt(events.size())));
        }
        Collections.shuffle(schedule, random);

        CrashingSender sender = new CrashingSender();
        InMemoryNotificationLog log = new InMemoryNotificationLog();
        Notifier notifier = Notifier.builder(f.oms, sender, log).lease(LEASE).build();
        Set<OrderStatus> expected = new HashSet<>();
        Set<OrderStatus> claimed = new HashSet<>();
        long newestClaimed = Long.MIN_VALUE;
        for (DomainEvent e : schedule) {
            if (e instanceof OrderEvent.OrderStatusChanged changed && Notifier.DEFAULT_STATUSES.contains(changed.to())
                    && claimed.add(changed.to())) {
                // the model: a status is told unless a newer status of the order was claimed before it first arrived
                if (changed.version() >= newestClaimed) {
                    expected.add(changed.to());
                    newestClaimed = changed.version();
                }
            }
            sender.next = Crash.values()[random.nextInt(Crash.values().length)];
            try {
                notifier.accept(e);
            } catch (IllegalStateException crashed) {
                // the node died; the event will be delivered again or the sweep finds the claim
            }
        }
        sender.next = Crash.NONE;
        f.clock.advance(LEASE);
        notifier.retryUnsent(100);
        events.forEach(notifier::accept);

        List<OrderStatus> told = new ArrayList<>();
        for (Notification n : sender.provider.delivered(order.id())) {
            told.add(OrderStatus.valueOf(n.subject().name()));
        }
        assertThat(told).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(expected).as("the newest status the order reached is always told")
                .contains(f.oms.order(order.id()).orElseThrow().status());
        Map<String, Integer> calls = new HashMap<>();
        sender.provider.calls().forEach(n -> calls.merge(n.idempotencyKey(), 1, Integer::sum));
        calls.forEach((key, n) -> assertThat(n).as("calls of %s reaching the provider: one, and one more after a crash that came after it", key)
                .isEqualTo(1 + sender.crashes.getOrDefault(key, 0)));
        assertThat(log.unsent(f.clock.instant().plus(Duration.ofDays(1)), 100, 100)).isEmpty();
    }

    private static Order run(OmsFixture f, Journey journey) {
        List<LineQuantity> two = List.of(LineQuantity.of(LineId.of("1"), 2));
        switch (journey) {
            case HOME_DELIVERY -> {
                Order o = f.oms.placeOrder(f.webOrder("W-1").line("1", "MUG", 2, eur(12)).build()).order();
                f.oms.allocate(o.id(), "f", WH, two);
                FulfilmentId id = FulfilmentId.of("f");
                f.oms.fulfilments().accept(id);
                f.oms.fulfilments().startPicking(id);
                f.oms.fulfilments().pack(id);
                f.oms.fulfilments().ship(id, ShipmentDetails.of("parcel-1", "DHL", "JD1"));
                f.oms.fulfilments().deliver(id, "");
                return o;
            }
            case CLICK_AND_COLLECT -> {
                Order o = f.oms.placeOrder(f.pickupOrder("APP-1", DeliveryMethod.EXPRESS_CLICK_AND_COLLECT)
                        .line("1", "MUG", 2, eur(12)).build()).order();
                f.oms.allocate(o.id(), "f", STORE, two);
                FulfilmentId id = FulfilmentId.of("f");
                f.oms.fulfilments().accept(id);
                f.oms.fulfilments().startPicking(id);
                f.oms.fulfilments().pack(id);
                f.oms.fulfilments().collect(id, STORE, "246810");
                return o;
            }
            case CANCELLED_AFTER_CONFIRMATION -> {
                Order o = f.oms.placeOrder(f.webOrder("W-1").line("1", "MUG", 2, eur(12)).build()).order();
                f.oms.cancelOrder(o.id(), CancellationReason.CUSTOMER_REQUEST);
                return o;
            }
            case DECLINED_THEN_RELEASED -> {
                f.payments.declineNext("insufficient funds");
                Order o = f.oms.placeOrder(f.webOrder("W-1").line("1", "MUG", 2, eur(12)).build()).order();
                f.oms.releaseHold(o.id());
                return o;
            }
            default -> throw new IllegalArgumentException("journey " + journey);
        }
    }
}

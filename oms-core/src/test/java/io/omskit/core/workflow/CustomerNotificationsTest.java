package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.event.DomainEvent;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.inmemory.InMemoryNotificationLog;
import io.omskit.core.inmemory.RecordingNotificationSender;
import io.omskit.core.notification.Contact;
import io.omskit.core.notification.MessageData;
import io.omskit.core.notification.NotificationAttempt;
import io.omskit.core.notification.Notifier;
import io.omskit.core.notification.TrackingMilestone;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.spi.LoggedNotification;
import io.omskit.core.spi.Notification;
import io.omskit.core.spi.NotificationChannel;
import io.omskit.core.spi.NotificationClaim;
import io.omskit.core.spi.NotificationLog;
import io.omskit.core.spi.NotificationSubject;
import io.omskit.core.spi.SpiException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Customer notifications: one message per order and status, fed by published events. The regression scenarios are named
 * after bugs other platforms' users reported.
 */
class CustomerNotificationsTest {

    private static final Duration LEASE = Duration.ofMinutes(2);

    private final OmsFixture f = new OmsFixture().stock(MUG, WH, 20).stock(MUG, STORE, 5);
    private final RecordingNotificationSender sender = new RecordingNotificationSender();
    private final InMemoryNotificationLog log = new InMemoryNotificationLog();

    private Notifier notifier(NotificationLog log) {
        return Notifier.builder(f.oms, sender, log).lease(LEASE)
                .trackingLinks((carrier, number) -> "https://track.example/" + carrier + "/" + number).build();
    }

    private List<String> subjects(OrderId order) {
        List<String> names = new ArrayList<>();
        for (Notification n : sender.delivered(order)) {
            names.add(n.subject().name());
        }
        return names;
    }

    private OrderEvent.OrderStatusChanged statusEvent(OrderId order, OrderStatus to) {
        return f.events.events(OrderEvent.OrderStatusChanged.class).stream()
                .filter(e -> e.orderId().equals(order) && e.to() == to).findFirst().orElseThrow();
    }

    private Order placeWebOrder(String ref) {
        return f.oms.placeOrder(f.webOrder(ref).line("1", "MUG", 2, eur(12)).build()).order();
    }

    @Test
    void news_told_through_the_generic_entry_point_is_sent_once_with_the_order_data_beside_its_own() {
        Notifier notifier = notifier(log);
        Order order = placeWebOrder("W-1");
        io.omskit.core.spi.NotificationSubject step = io.omskit.core.spi.NotificationSubject.returnStep("return-1", "RETURN_RECEIVED");

        notifier.tell(order.id(), step, 4, java.util.Map.of("returnId", "return-1"));
        notifier.tell(order.id(), step, 4, java.util.Map.of("returnId", "return-1"));

        assertThat(subjects(order.id())).containsExactly("RETURN_RECEIVED");
        assertThat(sender.delivered(order.id()).get(0).data()).containsEntry("returnId", "return-1")
                .containsEntry(io.omskit.core.notification.MessageData.ORDER_ID, order.id().value());
        assertThat(notifier.tell(io.omskit.core.order.OrderId.of("unknown-order"), step, 1, java.util.Map.of()))
                .as("an unknown order is told nothing").isEmpty();
    }

    @Test
    void saleor_13542_a_checkout_emitting_created_and_updated_for_one_order_sends_one_confirmation() {
        Notifier notifier = notifier(log);
        f.events.subscribe(notifier::accept);

        Order order = placeWebOrder("W-1");
        // the host's own "order updated" hook hands every event of the checkout over once more
        notifier.publish(f.events.events());

        assertThat(subjects(order.id())).containsExactly("CONFIRMED");
        assertThat(sender.calls()).hasSize(1);
    }

    @Test
    void medusa_15122_order_placed_is_not_sent_while_the_placement_can_still_roll_back() {
        Notifier notifier = notifier(log);
        f.events.subscribe(notifier::accept);

        f.payments.declineNext("insufficient funds");
        Order declined = placeWebOrder("W-1");
        f.payments.timeOutNext(true);
        Order pending = placeWebOrder("W-2");

        assertThat(declined.status()).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(pending.status()).isEqualTo(OrderStatus.AWAITING_CONFIRMATION);
        assertThat(f.events.events(OrderEvent.OrderPlaced.class)).hasSize(2);
        assertThat(sender.calls()).as("nothing is told before the order is confirmed").isEmpty();

        f.oms.releaseHold(declined.id());
        f.oms.reconcilePayment(pending.id());

        assertThat(subjects(declined.id())).containsExactly("CONFIRMED");
        assertThat(subjects(pending.id())).containsExactly("CONFIRMED");
    }

    @Test
    void magento_37762_a_confirmation_is_not_sent_twice_when_the_sent_flag_write_fails() {
        AtomicBoolean failMark = new AtomicBoolean(true);
        NotificationLog flaky = new NotificationLog() {
            @Override
            public NotificationClaim claim(Notification n, long sequence, Instant now, Duration lease) {
                return log.claim(n, sequence, now, lease);
            }

            @Override
            public void markSent(String key, Instant now) {
                if (failMark.getAndSet(false)) {
                    throw new SpiException("connection reset while marking " + key, null, true);
                }
                log.markSent(key, now);
            }

            @Override
            public Optional<LoggedNotification> find(String key) {
                return log.find(key);
            }

            @Override
            public List<LoggedNotification> unsent(Instant before, int maxAttempts, int limit) {
                return log.unsent(before, maxAttempts, limit);
            }

            @Override
            public List<LoggedNotification> forOrder(io.omskit.core.order.OrderId orderId) {
                return log.forOrder(orderId);
            }
        };
        Notifier notifier = notifier(flaky);
        Order order = placeWebOrder("W-1");
        DomainEvent confirmed = statusEvent(order.id(), OrderStatus.CONFIRMED);

        assertThatThrownBy(() -> notifier.accept(confirmed)).isInstanceOf(SpiException.class);
        assertThat(notifier.accept(confirmed)).extracting(NotificationAttempt::claim)
                .as("delivered again at once: its sender may still be at work").containsExactly(NotificationClaim.IN_FLIGHT);
        f.clock.advance(LEASE);
        List<NotificationAttempt> retried = notifier.retryUnsent(10);
        notifier.accept(confirmed);
        f.clock.advance(LEASE.multipliedBy(5));
        notifier.retryUnsent(10);

        assertThat(retried).extracting(NotificationAttempt::claim).containsExactly(NotificationClaim.TAKEN_OVER);
        assertThat(sender.calls()).extracting(Notification::idempotencyKey).as("sent again with the same key only")
                .hasSize(2).containsOnly(sender.calls().get(0).idempotencyKey());
        assertThat(sender.delivered(order.id())).hasSize(1);
        assertThat(log.find(sender.calls().get(0).idempotencyKey()).orElseThrow().isSent()).isTrue();
    }

    @Test
    void mollie_magento2_1047_a_payment_webhook_racing_the_checkout_sends_the_confirmation_once() throws Exception {
        Notifier notifier = notifier(log);
        Order order = placeWebOrder("W-1");
        DomainEvent confirmed = statusEvent(order.id(), OrderStatus.CONFIRMED);
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<NotificationAttempt>>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return notifier.accept(confirmed);
                }));
            }
            start.countDown();
            for (Future<List<NotificationAttempt>> fut : futures) {
                fut.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(sender.calls()).as("one call reached the provider").hasSize(1);
        assertThat(subjects(order.id())).containsExactly("CONFIRMED");
    }

    @Test
    void an_older_status_delivered_after_a_newer_one_sends_nothing() {
        Notifier notifier = notifier(log);
        Order order = placeWebOrder("W-1");
        f.oms.allocate(order.id(), "mugs", WH, List.of(LineQuantity.of(LineId.of("1"), 2)));
        FulfilmentId mugs = FulfilmentId.of("mugs");
        f.oms.fulfilments().accept(mugs);
        f.oms.fulfilments().startPicking(mugs);
        f.oms.fulfilments().pack(mugs);
        f.oms.fulfilments().ship(mugs, ShipmentDetails.of("parcel-1", "DHL", "JD0001"));

        notifier.accept(statusEvent(order.id(), OrderStatus.SHIPPED));
        List<NotificationAttempt> late = notifier.accept(statusEvent(order.id(), OrderStatus.CONFIRMED));

        assertThat(late).extracting(NotificationAttempt::claim).containsExactly(NotificationClaim.SUPERSEDED);
        assertThat(subjects(order.id())).containsExactly("SHIPPED");
    }

    @Test
    void a_whole_journey_tells_each_status_once_with_what_the_customer_needs_then() {
        Notifier notifier = notifier(log);
        f.events.subscribe(notifier::accept);
        Order order = placeWebOrder("W-1");
        f.oms.allocate(order.id(), "mugs", WH, List.of(LineQuantity.of(LineId.of("1"), 2)));
        FulfilmentId mugs = FulfilmentId.of("mugs");
        f.oms.fulfilments().accept(mugs);
        f.oms.fulfilments().startPicking(mugs);
        f.oms.fulfilments().pack(mugs);
        f.oms.fulfilments().ship(mugs, ShipmentDetails.of("parcel-1", "DHL", "JD0001"));
        f.oms.fulfilments().deliver(mugs, "signed");

        assertThat(subjects(order.id())).containsExactly("CONFIRMED", "SHIPPED", "DELIVERED");
        Notification shipped = sender.delivered(order.id()).get(1);
        assertThat(shipped.data()).containsEntry(MessageData.CARRIER, "DHL")
                .containsEntry(MessageData.TRACKING_NUMBER, "JD0001")
                .containsEntry(MessageData.TRACKING_LINK, "https://track.example/DHL/JD0001")
                .containsEntry(MessageData.EXTERNAL_REF, "W-1");
        assertThat(shipped.recipient().value()).isEqualTo("customer-1");
        assertThat(shipped.subject()).isEqualTo(NotificationSubject.orderStatus(OrderStatus.SHIPPED));
    }

    @Test
    void ready_for_pickup_carries_the_pickup_code_the_store_its_opening_hours_and_the_last_day() {
        Notifier notifier = notifier(log);
        f.events.subscribe(notifier::accept);
        Order order = f.oms.placeOrder(f.pickupOrder("APP-1", DeliveryMethod.EXPRESS_CLICK_AND_COLLECT)
                .line("1", "MUG", 2, eur(12)).build()).order();
        f.oms.allocate(order.id(), "cc-1", STORE, List.of(LineQuantity.of(LineId.of("1"), 2)));
        FulfilmentId cc = FulfilmentId.of("cc-1");
        f.oms.fulfilments().accept(cc);
        f.oms.fulfilments().startPicking(cc);
        f.oms.fulfilments().pack(cc);
        f.oms.fulfilments().collect(cc, STORE, "246810");

        assertThat(subjects(order.id())).containsExactly("CONFIRMED", "READY_FOR_PICKUP", "PICKED_UP");
        Notification ready = sender.delivered(order.id()).get(1);
        assertThat(ready.data()).containsEntry(MessageData.PICKUP_CODE, "246810")
                .containsEntry(MessageData.PICKUP_STORE, STORE.value())
                .containsEntry(MessageData.PICKUP_STORE_NAME, "Berlin Mitte")
                .containsEntry(MessageData.COLLECT_BY, NOW.plus(Duration.ofDays(2)).toString());
        assertThat(ready.data().get(MessageData.OPENING_HOURS)).startsWith("MONDAY 09:00-20:00\nTUESDAY 09:00-20:00")
                .doesNotContain("SUNDAY");
    }

    @Test
    void a_failed_or_unknown_send_is_sent_again_with_the_same_key_after_the_lease() {
        Notifier notifier = notifier(log);
        sender.failNext("mailbox unavailable");
        Order first = placeWebOrder("W-1");
        sender.timeOutNext(false);
        Order second = placeWebOrder("W-2");

        assertThat(notifier.accept(statusEvent(first.id(), OrderStatus.CONFIRMED)).get(0).isSent()).isFalse();
        assertThat(notifier.accept(statusEvent(second.id(), OrderStatus.CONFIRMED)).get(0).isSent()).isFalse();
        assertThat(notifier.retryUnsent(10)).as("not before the lease").isEmpty();
        f.clock.advance(LEASE);

        assertThat(notifier.retryUnsent(10)).allMatch(NotificationAttempt::isSent).hasSize(2);
        assertThat(sender.delivered()).hasSize(2);
        assertThat(notifier.retryUnsent(10)).isEmpty();
    }

    @Test
    void a_message_goes_to_every_contact_of_the_customer_in_their_locale() {
        Notifier notifier = Notifier.builder(f.oms, sender, log).contacts(o -> List.of(
                Contact.of(NotificationChannel.EMAIL, Locale.GERMANY), Contact.of(NotificationChannel.SMS, Locale.GERMANY)))
                .build();
        f.events.subscribe(notifier::accept);

        Order order = placeWebOrder("W-1");
        f.events.events().forEach(notifier::accept);

        assertThat(sender.delivered(order.id())).extracting(Notification::channel)
                .containsExactly(NotificationChannel.EMAIL, NotificationChannel.SMS);
        assertThat(sender.delivered(order.id())).extracting(Notification::locale).containsOnly(Locale.GERMANY);
    }

    @Test
    void a_tracking_milestone_is_told_once_per_parcel_and_never_after_a_later_one() {
        Notifier notifier = notifier(log);
        Order order = placeWebOrder("W-1");
        Instant t = NOW.plus(Duration.ofDays(1));
        TrackingMilestone delayed = new TrackingMilestone(order.id(), "parcel-1", "DELAYED", t, "DHL", "JD0001",
                LocalDate.of(2026, 3, 6));
        TrackingMilestone out = new TrackingMilestone(order.id(), "parcel-1", "OUT_FOR_DELIVERY", t.plusSeconds(3600),
                "DHL", "JD0001", null);
        TrackingMilestone inTransit = new TrackingMilestone(order.id(), "parcel-1", "IN_TRANSIT", t.minusSeconds(60),
                "DHL", "JD0001", null);

        notifier.trackingMilestone(delayed);
        notifier.trackingMilestone(delayed);
        notifier.trackingMilestone(out);
        List<NotificationAttempt> late = notifier.trackingMilestone(inTransit);

        assertThat(late).extracting(NotificationAttempt::claim).containsExactly(NotificationClaim.SUPERSEDED);
        assertThat(subjects(order.id())).containsExactly("DELAYED", "OUT_FOR_DELIVERY");
        assertThat(sender.delivered(order.id()).get(0).data()).containsEntry(MessageData.REVISED_DATE, "2026-03-06")
                .containsEntry(MessageData.TRACKING_LINK, "https://track.example/DHL/JD0001");
    }

    @Test
    void the_carriers_webhooks_reach_the_customer_as_milestones_once_each_however_often_the_events_are_delivered() {
        Notifier notifier = notifier(log);
        FulfilmentId id = f.packedParcel("W-TRACK", 1);
        io.omskit.core.shipping.Parcel box = io.omskit.core.shipping.Parcel.of(900, 200, 150, 100);
        io.omskit.core.shipping.Quote paket = f.oms.fulfilments().quote(id, box).quotes().stream()
                .filter(q -> q.service().toString().equals("DHL PAKET")).findFirst().orElseThrow();
        io.omskit.core.fulfilment.Fulfilment booked = f.oms.fulfilments().book(id, box, paket).fulfilment();
        String number = booked.booking().trackingNumber();
        Instant t = f.clock.instant();
        for (io.omskit.core.shipping.TrackingStatus status : List.of(io.omskit.core.shipping.TrackingStatus.PRE_TRANSIT,
                io.omskit.core.shipping.TrackingStatus.IN_TRANSIT, io.omskit.core.shipping.TrackingStatus.OUT_FOR_DELIVERY,
                io.omskit.core.shipping.TrackingStatus.FAILED_ATTEMPT)) {
            t = t.plusSeconds(3600);
            f.oms.fulfilments().track(io.omskit.core.shipping.TrackingEvent.of("DHL", number, status, "scan", t));
        }
        OrderId order = booked.orderId();

        notifier.publish(f.events.events());
        notifier.publish(f.events.events());                 // the outbox delivers everything again

        assertThat(subjects(order)).as("a label alone is no news; each scan the customer cares about told once")
                .containsExactlyInAnyOrder("CONFIRMED", "SHIPPED", "IN_TRANSIT", "OUT_FOR_DELIVERY", "FAILED_ATTEMPT");
        assertThat(sender.delivered(order)).filteredOn(n -> n.subject().name().equals("OUT_FOR_DELIVERY")).singleElement()
                .satisfies(n -> assertThat(n.data()).containsEntry(MessageData.CARRIER, "DHL")
                        .containsEntry(MessageData.TRACKING_LINK, "https://track.example/DHL/" + number));
    }

    @Test
    void awaiting_confirmation_cannot_be_configured_as_a_status_to_tell() {
        assertThatThrownBy(() -> Notifier.builder(f.oms, sender, log).statuses(java.util.Set.of(OrderStatus.AWAITING_CONFIRMATION)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AWAITING_CONFIRMATION");
    }
}

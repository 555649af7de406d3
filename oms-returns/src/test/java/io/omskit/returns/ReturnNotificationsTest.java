package io.omskit.returns;

import static io.omskit.returns.Shop.SHIRT;
import static io.omskit.returns.Shop.WH;
import static io.omskit.returns.Shop.eur;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.channel.Channel;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.inmemory.FakeCarrierGateway;
import io.omskit.core.inmemory.InMemoryNotificationLog;
import io.omskit.core.inmemory.RecordingNotificationSender;
import io.omskit.core.notification.Notifier;
import io.omskit.core.order.LineId;
import io.omskit.core.order.Order;
import io.omskit.core.spi.Notification;
import io.omskit.core.spi.NotificationSubject;
import io.omskit.returns.policy.ReturnPolicy;
import io.omskit.returns.rma.Arrival;
import io.omskit.returns.rma.Disposition;
import io.omskit.returns.rma.Grade;
import io.omskit.returns.rma.Return;
import io.omskit.returns.rma.ReturnEvent;
import io.omskit.returns.rma.ReturnMethod;
import io.omskit.returns.rma.ReturnReason;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The customer hears of a return's authorisation, receipt and each refund once, however its events arrive. */
class ReturnNotificationsTest {

    private static final LineId L1 = LineId.of("1");

    private final Shop shop = new Shop();
    private final Returns returns = Returns.builder(shop.oms).payments(shop.payments).policy(ReturnPolicy.standard())
            .events(shop.events).carriers(FakeCarrierGateway.withSampleCarriers(shop.clock)).build();
    private final RecordingNotificationSender sender = new RecordingNotificationSender();
    private final ReturnNotifications notifications = new ReturnNotifications(
            Notifier.builder(shop.oms, sender, new InMemoryNotificationLog()).build(), returns);
    private final Order order = shop.delivered(b -> b.line("1", "SHIRT", 2, eur("25.00")));

    private Return returnAndRefundInTwoParts() {
        Return ret = ((OpenResult.Opened) returns.open(OpenReturnRequest.of(order.id(), "rq-1", Channel.WEB, ReturnMethod.mailIn(WH),
                List.of(OpenReturnRequest.line(L1, 2, ReturnReason.CHANGED_MIND))))).ret();
        returns.receive(ret.id(), List.of(Arrival.of(SHIRT, 2)), "scan-1");
        returns.inspect(ret.id(), L1, Grade.AS_NEW, Disposition.RESTOCK, 1, "inspect-1");
        returns.inspect(ret.id(), L1, Grade.AS_NEW, Disposition.RESTOCK, 1, "inspect-2");
        return returns.find(ret.id()).orElseThrow();
    }

    private List<DomainEvent> returnEvents() {
        return new ArrayList<>(shop.events.events().stream().filter(e -> e instanceof ReturnEvent).toList());
    }

    private List<String> told() {
        return sender.delivered(order.id()).stream().map(Notification::subject)
                .filter(s -> s.kind() == NotificationSubject.Kind.RETURN_STEP).map(NotificationSubject::name).toList();
    }

    @Test
    void authorised_received_and_each_refund_are_told_once_in_order() {
        Return ret = returnAndRefundInTwoParts();

        notifications.publish(returnEvents());

        assertThat(told()).containsExactly(ReturnNotifications.AUTHORISED, ReturnNotifications.RECEIVED, ReturnNotifications.REFUNDED,
                ReturnNotifications.REFUNDED);
        List<Notification> sent = sender.delivered(order.id()).stream()
                .filter(n -> n.subject().kind() == NotificationSubject.Kind.RETURN_STEP).toList();
        assertThat(sent.get(0).data()).containsEntry(ReturnNotifications.RETURN_ID, ret.id().value())
                .containsEntry(ReturnNotifications.RETURN_METHOD, "MAIL_IN")
                .containsEntry(ReturnNotifications.LABEL_TRACKING_NUMBER, ret.label().label().trackingNumber());
        assertThat(sent.subList(2, 4)).extracting(n -> n.data().get(ReturnNotifications.REFUND_AMOUNT))
                .containsExactly("EUR 25.00", "EUR 25.00");
    }

    @Test
    void duplicated_and_reordered_events_send_one_message_per_step() {
        returnAndRefundInTwoParts();
        List<DomainEvent> events = returnEvents();
        List<DomainEvent> shuffled = new ArrayList<>(events);
        Collections.reverse(shuffled);
        shuffled.addAll(events);
        Collections.shuffle(shuffled, new java.util.Random(7));
        shuffled.addAll(events);

        notifications.publish(shuffled);

        assertThat(told()).containsExactlyInAnyOrder(ReturnNotifications.AUTHORISED, ReturnNotifications.RECEIVED,
                ReturnNotifications.REFUNDED, ReturnNotifications.REFUNDED);
        assertThat(sender.delivered(order.id()).stream().map(Notification::idempotencyKey).distinct()).hasSize(sender.delivered(order.id()).size());
    }

    @Test
    void subscribed_live_the_authorisation_of_a_mail_in_return_is_told_once_its_label_is_booked() {
        shop.events.subscribe(notifications::accept);

        Return ret = ((OpenResult.Opened) returns.open(OpenReturnRequest.of(order.id(), "rq-1", Channel.WEB, ReturnMethod.mailIn(WH),
                List.of(OpenReturnRequest.line(L1, 2, ReturnReason.CHANGED_MIND))))).ret();

        assertThat(told()).containsExactly(ReturnNotifications.AUTHORISED);
        assertThat(sender.delivered(order.id()).get(sender.delivered(order.id()).size() - 1).data())
                .containsEntry(ReturnNotifications.LABEL_TRACKING_NUMBER, ret.label().label().trackingNumber());
    }

    @Test
    void a_pending_label_holds_the_authorisation_back_until_asking_again_books_it() {
        FakeCarrierGateway fake = FakeCarrierGateway.withSampleCarriers(shop.clock);
        ReturnLabelTest.FaultAfterQuote carriers = new ReturnLabelTest.FaultAfterQuote(fake);
        Returns withFaults = Returns.builder(shop.oms).payments(shop.payments).policy(ReturnPolicy.standard()).events(shop.events)
                .carriers(carriers).build();
        ReturnNotifications live = new ReturnNotifications(Notifier.builder(shop.oms, sender, new InMemoryNotificationLog()).build(),
                withFaults);
        shop.events.subscribe(live::accept);
        carriers.next = c -> c.timeOutNext(false);

        Return pending = ((OpenResult.Opened) withFaults.open(OpenReturnRequest.of(order.id(), "rq-1", Channel.WEB,
                ReturnMethod.mailIn(WH), List.of(OpenReturnRequest.line(L1, 2, ReturnReason.CHANGED_MIND))))).ret();
        assertThat(pending.label().isPending()).isTrue();
        assertThat(told()).isEmpty();

        Return booked = withFaults.bookLabel(pending.id());

        assertThat(told()).containsExactly(ReturnNotifications.AUTHORISED);
        assertThat(sender.delivered(order.id()).get(sender.delivered(order.id()).size() - 1).data())
                .containsEntry(ReturnNotifications.LABEL_TRACKING_NUMBER, booked.label().label().trackingNumber());
    }

    @Test
    void events_that_tell_nothing_send_nothing() {
        Return ret = returnAndRefundInTwoParts();
        List<DomainEvent> quiet = returnEvents().stream()
                .filter(e -> e instanceof ReturnEvent.ReturnInspected || e instanceof ReturnEvent.RefundRequested
                        || e instanceof ReturnEvent.ReturnLabelRequested || e instanceof ReturnEvent.ReturnCompleted)
                .toList();

        assertThat(quiet).isNotEmpty();
        notifications.publish(quiet);

        assertThat(told()).isEmpty();
        assertThat(ret.status().isFinished()).isTrue();
    }
}

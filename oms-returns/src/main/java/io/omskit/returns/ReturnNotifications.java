package io.omskit.returns;

import io.omskit.core.common.Checks;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.notification.NotificationAttempt;
import io.omskit.core.notification.Notifier;
import io.omskit.core.spi.EventPublisher;
import io.omskit.core.spi.NotificationSubject;
import io.omskit.returns.rma.RefundTender;
import io.omskit.returns.rma.Return;
import io.omskit.returns.rma.ReturnEvent;
import io.omskit.returns.rma.ReturnStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.joda.money.Money;

/**
 * Tells customers about their returns through core's {@link Notifier} (and so its {@code NotificationLog}: exactly once,
 * retried with the same key): the return was authorised ({@link #AUTHORISED}), its goods were received
 * ({@link #RECEIVED}), and each refund was paid ({@link #REFUNDED}, to the card or as store credit). Subscribe it to the
 * return events as they are published ({@code events.subscribe(returnNotifications::accept)}, the outbox relay's
 * publisher on PostgreSQL), so that a change that rolled back tells nothing.
 *
 * <p>Each step is one message per return and channel (each refund one message), however often its event is delivered
 * and in whatever order the events arrive: a "received" delivered before its "authorised" does not keep the
 * authorisation (and its label) from being told. When the returns workflow books labels, the authorisation of a return
 * that travels by carrier is told once its label is booked or declined (from {@code return.label-issued} or
 * {@code return.label-declined}), with the label's tracking number ({@link #LABEL_TRACKING_NUMBER}); a label whose
 * booking is still pending holds it back until {@link Returns#bookLabel} gets an answer. Messages carry, besides what
 * every message carries, {@link #RETURN_ID}, {@link #RETURN_METHOD} and {@link #RETURN_DESTINATION}; a refund
 * {@link #REFUND_AMOUNT} and {@link #REFUND_TENDER}.
 * Thread-safe.
 */
public final class ReturnNotifications implements EventPublisher {

    /** The step told when a return is authorised. */
    public static final String AUTHORISED = "RETURN_AUTHORISED";
    /** The step told when a return's goods first arrive. */
    public static final String RECEIVED = "RETURN_RECEIVED";
    /** The step told when a refund of a return is paid (to the card) or issued (as store credit). */
    public static final String REFUNDED = "RETURN_REFUNDED";

    /** The return's id. */
    public static final String RETURN_ID = "returnId";
    /** How the goods travel ({@code DROP_OFF}, {@code CARRIER_COLLECTION}, {@code MAIL_IN}). */
    public static final String RETURN_METHOD = "returnMethod";
    /** The location that receives the goods. */
    public static final String RETURN_DESTINATION = "returnDestination";
    /** The return label's tracking number; only when a label was booked. */
    public static final String LABEL_TRACKING_NUMBER = "labelTrackingNumber";
    /** The amount refunded, such as {@code EUR 25.00}. */
    public static final String REFUND_AMOUNT = "refundAmount";
    /** Where the refund went: {@code ORIGINAL_PAYMENT} or {@code STORE_CREDIT}. */
    public static final String REFUND_TENDER = "refundTender";

    private final Notifier notifier;
    private final Returns returns;

    /**
     * Tells through {@code notifier}, reading the returns (their method, destination and label) from {@code returns}.
     *
     * @throws IllegalArgumentException when either is null
     */
    public ReturnNotifications(Notifier notifier, Returns returns) {
        this.notifier = Checks.notNull(notifier, "notifier");
        this.returns = Checks.notNull(returns, "returns");
    }

    /**
     * Sends the messages {@code events} call for: what {@link #accept(DomainEvent)} does for each.
     *
     * @throws io.omskit.core.spi.SpiException when the log failed: delivering the events again finishes the work
     */
    @Override
    public void publish(List<? extends DomainEvent> events) {
        for (DomainEvent e : events) {
            accept(e);
        }
    }

    /**
     * Sends the message {@code event} calls for, if any, to each of the customer's contacts.
     *
     * @return what became of each message; empty when the event tells the customer nothing, or the return or its order
     *         is unknown
     * @throws IllegalArgumentException when {@code event} is null
     * @throws io.omskit.core.spi.SpiException when the log failed: delivering the event again finishes the work
     */
    public List<NotificationAttempt> accept(DomainEvent event) {
        Checks.notNull(event, "event");
        if (!(event instanceof ReturnEvent e)) {
            return List.of();
        }
        Optional<Return> found = returns.find(e.returnId());
        if (found.isEmpty()) {
            return List.of();
        }
        Return ret = found.get();
        String id = ret.id().value();
        if (e instanceof ReturnEvent.ReturnAuthorised || e instanceof ReturnEvent.ReturnLabelIssued
                || e instanceof ReturnEvent.ReturnLabelDeclined) {
            if (awaitsLabel(ret)) {
                return List.of();
            }
            Map<String, String> data = data(ret);
            if (ret.label() != null && ret.label().isBooked()) {
                data.put(LABEL_TRACKING_NUMBER, ret.label().label().trackingNumber());
            }
            return notifier.tell(ret.orderId(), NotificationSubject.returnStep(id, AUTHORISED), e.version(), data);
        }
        if (e instanceof ReturnEvent.ReturnReceived) {
            return notifier.tell(ret.orderId(), NotificationSubject.returnStep(id, RECEIVED), e.version(), data(ret));
        }
        if (e instanceof ReturnEvent.ReturnRefunded r) {
            return refunded(ret, r.refundKey(), r.amount(), RefundTender.ORIGINAL_PAYMENT.name(), e.version());
        }
        if (e instanceof ReturnEvent.StoreCreditIssued c) {
            return refunded(ret, c.refundKey(), c.amount(), RefundTender.STORE_CREDIT.name(), e.version());
        }
        return List.of();
    }

    /** Whether the authorisation waits to be told with the label being booked (its answer is told when it comes). */
    private boolean awaitsLabel(Return ret) {
        return returns.booksLabels() && ret.method().kind().isShipped() && ret.status() == ReturnStatus.AUTHORISED
                && (ret.label() == null || ret.label().isPending());
    }

    private List<NotificationAttempt> refunded(Return ret, String refundKey, Money amount, String tender, long version) {
        Map<String, String> data = data(ret);
        data.put(REFUND_AMOUNT, amount.toString());
        data.put(REFUND_TENDER, tender);
        return notifier.tell(ret.orderId(), NotificationSubject.returnStep(ret.id().value() + "/" + refundKey, REFUNDED), version, data);
    }

    private static Map<String, String> data(Return ret) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(RETURN_ID, ret.id().value());
        data.put(RETURN_METHOD, ret.method().kind().name());
        data.put(RETURN_DESTINATION, ret.method().destination().value());
        return data;
    }
}

package io.omskit.returns.rma;

import io.omskit.core.common.Checks;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.order.LineId;
import io.omskit.core.order.OrderId;
import io.omskit.core.shipping.BookingKey;
import io.omskit.core.shipping.CarrierService;
import io.omskit.core.shipping.Label;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.joda.money.Money;

/** Everything that happens to a return; registered with JSON type names {@code return.*}. */
public sealed interface ReturnEvent extends DomainEvent {

    /** The return it happened to. */
    ReturnId returnId();

    /** The order the return belongs to. */
    OrderId orderId();

    @Override
    default String aggregateId() {
        return returnId().value();
    }

    /** The policy accepted the return (every line in it); carries the return as opened. */
    record ReturnAuthorised(UUID eventId, ReturnId returnId, OrderId orderId, long version, Instant occurredAt,
                            Return authorised) implements ReturnEvent {
        public ReturnAuthorised {
            Checks.notNull(authorised, "authorised");
        }
    }

    /** A carrier label was decided on and recorded under {@code key}; the carrier is asked next. */
    record ReturnLabelRequested(UUID eventId, ReturnId returnId, OrderId orderId, long version, Instant occurredAt, BookingKey key,
                                CarrierService service) implements ReturnEvent {
    }

    /** The carrier issued the return label asked for under {@code key}: what the customer prints or shows. */
    record ReturnLabelIssued(UUID eventId, ReturnId returnId, OrderId orderId, long version, Instant occurredAt, BookingKey key,
                             Label label, Money price) implements ReturnEvent {
    }

    /** The carrier refused the label asked for under {@code key}, for {@code reason}. */
    record ReturnLabelDeclined(UUID eventId, ReturnId returnId, OrderId orderId, long version, Instant occurredAt, BookingKey key,
                               String reason) implements ReturnEvent {
    }

    /** The goods left the customer; {@code trackingRef} is the carrier's reference (may be empty). */
    record ReturnInTransit(UUID eventId, ReturnId returnId, OrderId orderId, long version, Instant occurredAt,
                           String trackingRef) implements ReturnEvent {
    }

    /** Goods arrived at the destination. */
    record ReturnReceived(UUID eventId, ReturnId returnId, OrderId orderId, long version, Instant occurredAt,
                          Receipt receipt) implements ReturnEvent {
    }

    /** Units were inspected, graded and given a disposition. */
    record ReturnInspected(UUID eventId, ReturnId returnId, OrderId orderId, long version, Instant occurredAt,
                           Inspection inspection) implements ReturnEvent {
    }

    /** A refund was decided and recorded; the provider is asked next. */
    record RefundRequested(UUID eventId, ReturnId returnId, OrderId orderId, long version, Instant occurredAt,
                           Refund refund) implements ReturnEvent {
    }

    /** The provider refunded {@code amount} to the payment the order was paid with. */
    record ReturnRefunded(UUID eventId, ReturnId returnId, OrderId orderId, long version, Instant occurredAt, String refundKey,
                          Money amount, String providerRef) implements ReturnEvent {
    }

    /** Store credit of {@code amount} is due to the customer; the host issues it from this event. */
    record StoreCreditIssued(UUID eventId, ReturnId returnId, OrderId orderId, long version, Instant occurredAt,
                             String refundKey, Money amount) implements ReturnEvent {
    }

    /** The provider refused a refund; its units can be refunded again. */
    record RefundDeclined(UUID eventId, ReturnId returnId, OrderId orderId, long version, Instant occurredAt, String refundKey,
                          Money amount, String reason) implements ReturnEvent {
    }

    /** Every unit was inspected and refunded as the policy says: the return is done ({@code status} refunded or closed). */
    record ReturnCompleted(UUID eventId, ReturnId returnId, OrderId orderId, long version, Instant occurredAt,
                           ReturnStatus status) implements ReturnEvent {
    }

    /** The return was closed as it stands; {@code neverArrived} lists the authorised units that did not come. */
    record ReturnClosed(UUID eventId, ReturnId returnId, OrderId orderId, long version, Instant occurredAt,
                        List<Outstanding> neverArrived) implements ReturnEvent {
    }

    /** The return was withdrawn before anything arrived or was refunded. */
    record ReturnCancelled(UUID eventId, ReturnId returnId, OrderId orderId, long version, Instant occurredAt,
                           String reason) implements ReturnEvent {
    }

    /**
     * The replacement of an exchange was placed as {@code replacementOrder}, paid first with {@code creditApplied};
     * {@code differenceDue} is charged on it when positive, refunded by the return when negative.
     */
    record ReplacementPlaced(UUID eventId, ReturnId returnId, OrderId orderId, long version, Instant occurredAt,
                             OrderId replacementOrder, Money creditApplied, Money differenceDue) implements ReturnEvent {
    }

    /** The replacement of an exchange could not be placed; the return is refunded as any other. */
    record ReplacementFailed(UUID eventId, ReturnId returnId, OrderId orderId, long version, Instant occurredAt,
                             String reason) implements ReturnEvent {
    }

    /** Units of a line that were authorised and did not arrive. */
    record Outstanding(LineId line, int quantity) {
    }

    /** The return was cancelled with a booked label: voiding it with the carrier was recorded under {@code key}'s void key. */
    record ReturnLabelVoidRequested(UUID eventId, ReturnId returnId, OrderId orderId, long version, Instant occurredAt, BookingKey key)
            implements ReturnEvent {
        public ReturnLabelVoidRequested {
            Checks.notNull(key, "key");
        }
    }

    /** The carrier voided the label booked under {@code key} ({@code voided}), or refused to, for {@code message}. */
    record ReturnLabelVoidAnswered(UUID eventId, ReturnId returnId, OrderId orderId, long version, Instant occurredAt, BookingKey key,
                                   boolean voided, String message) implements ReturnEvent {
        public ReturnLabelVoidAnswered {
            Checks.notNull(key, "key");
            message = message == null ? "" : message;
        }
    }
}

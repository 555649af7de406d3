package io.omskit.core.order;

import io.omskit.core.common.Checks;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.payment.PaymentOutcome;
import io.omskit.core.payment.PaymentSummary;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything that happens to an order.
 */
public sealed interface OrderEvent extends DomainEvent {

    /** The order it happened to. */
    OrderId orderId();

    @Override
    default String aggregateId() {
        return orderId().value();
    }

    /** An order was accepted for processing; carries the order as placed. */
    record OrderPlaced(UUID eventId, OrderId orderId, long version, Instant occurredAt, Order order) implements OrderEvent {
        public OrderPlaced {
            Checks.notNull(order, "order");
        }
    }

    /**
     * Units of lines moved between states because of {@code command}.
     *
     * @param reference what the move refers to: a location for allocations, a shipment for shipping; may be empty
     * @param reason    the cancellation reason for {@link OrderCommand#CANCEL}; null otherwise
     */
    record OrderUnitsMoved(UUID eventId, OrderId orderId, long version, Instant occurredAt, OrderCommand command,
                           List<UnitMove> moves, String reference, CancellationReason reason) implements OrderEvent {
        public OrderUnitsMoved {
            Checks.notNull(command, "command");
            moves = List.copyOf(moves);
            reference = reference == null ? "" : reference;
        }

        /** Units moved in total. */
        public int quantity() {
            int q = 0;
            for (UnitMove m : moves) {
                q += m.quantity();
            }
            return q;
        }
    }

    /** Payment secured; the order goes ahead. */
    record OrderConfirmed(UUID eventId, OrderId orderId, long version, Instant occurredAt) implements OrderEvent {
    }

    /** The order was put on hold. */
    record OrderPutOnHold(UUID eventId, OrderId orderId, long version, Instant occurredAt, Hold hold) implements OrderEvent {
    }

    /** The hold was lifted. */
    record OrderHoldReleased(UUID eventId, OrderId orderId, long version, Instant occurredAt, HoldReason reason)
            implements OrderEvent {
    }

    /** A payment call was made; {@code payment} is the order's payment state after it. */
    record OrderPaymentUpdated(UUID eventId, OrderId orderId, long version, Instant occurredAt, String operation,
                               PaymentOutcome outcome, PaymentSummary payment) implements OrderEvent {
    }

    /** The customer-visible status changed; drives customer notifications. */
    record OrderStatusChanged(UUID eventId, OrderId orderId, long version, Instant occurredAt, OrderStatus from,
                              OrderStatus to) implements OrderEvent {
    }

    /**
     * Stock held for the order that the order did not account for (left by an interrupted call or a lost race) was
     * given back by a reconciliation; the order itself did not change.
     *
     * @param reservations the reservations released
     * @param allocations  the allocations whose open units were deallocated
     */
    record OrderStockReconciled(UUID eventId, OrderId orderId, long version, Instant occurredAt,
                                List<io.omskit.core.inventory.ReservationKey> reservations,
                                List<io.omskit.core.inventory.AllocationKey> allocations) implements OrderEvent {
        public OrderStockReconciled {
            reservations = List.copyOf(reservations);
            allocations = List.copyOf(allocations);
        }
    }
}

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

    /**
     * An order was accepted for processing; carries the order as placed.
     *
     * @param placedBy who placed it for the customer (a contact-centre agent); null when the customer placed it
     */
    record OrderPlaced(UUID eventId, OrderId orderId, long version, Instant occurredAt, Order order, Actor placedBy)
            implements OrderEvent {
        public OrderPlaced {
            Checks.notNull(order, "order");
        }

        /** An order the customer placed. */
        public OrderPlaced(UUID eventId, OrderId orderId, long version, Instant occurredAt, Order order) {
            this(eventId, orderId, version, occurredAt, order, null);
        }
    }

    /**
     * Units of lines moved between states: one named event per kind of move ({@link OrderUnitsReserved},
     * {@link OrderUnitsAllocated}, {@link OrderUnitsShipped}, {@link OrderUnitsCancelled}, ...). Each says which units
     * moved from which state to which, so a consumer can follow every unit.
     */
    sealed interface UnitsMoved extends OrderEvent {

        /** The units moved, per line and state. */
        List<UnitMove> moves();

        /** What the move refers to: a fulfilment for its steps, a shipment or proof of delivery; may be empty. */
        String reference();

        /** The order command that moved them. */
        OrderCommand command();

        /** Units moved in total. */
        default int quantity() {
            int q = 0;
            for (UnitMove m : moves()) {
                q += m.quantity();
            }
            return q;
        }

        /** The named event of a move made by {@code command}; {@code reason} only for a cancellation. */
        static UnitsMoved of(OrderCommand command, UUID eventId, OrderId orderId, long version, Instant occurredAt,
                             List<UnitMove> moves, String reference, CancellationReason reason) {
            return switch (command) {
                case RESERVE -> new OrderUnitsReserved(eventId, orderId, version, occurredAt, moves, reference);
                case RELEASE_RESERVATION -> new OrderReservationReleased(eventId, orderId, version, occurredAt, moves, reference);
                case ALLOCATE -> new OrderUnitsAllocated(eventId, orderId, version, occurredAt, moves, reference);
                case DEALLOCATE -> new OrderUnitsDeallocated(eventId, orderId, version, occurredAt, moves, reference);
                case MARK_READY -> new OrderUnitsReady(eventId, orderId, version, occurredAt, moves, reference);
                case SHIP -> new OrderUnitsShipped(eventId, orderId, version, occurredAt, moves, reference);
                case PICK_UP -> new OrderUnitsPickedUp(eventId, orderId, version, occurredAt, moves, reference);
                case DELIVER -> new OrderUnitsDelivered(eventId, orderId, version, occurredAt, moves, reference);
                case CANCEL -> new OrderUnitsCancelled(eventId, orderId, version, occurredAt, moves, reference, reason);
                case RETURN -> new OrderUnitsReturned(eventId, orderId, version, occurredAt, moves, reference);
                default -> throw new IllegalArgumentException("command " + command + " moves no units");
            };
        }
    }

    /** Open units got stock held for them in the network. */
    record OrderUnitsReserved(UUID eventId, OrderId orderId, long version, Instant occurredAt, List<UnitMove> moves,
                              String reference) implements UnitsMoved {
        public OrderUnitsReserved {
            moves = List.copyOf(moves);
            reference = reference == null ? "" : reference;
        }

        @Override
        public OrderCommand command() {
            return OrderCommand.RESERVE;
        }
    }

    /** Reserved units let go of their stock and are open again. */
    record OrderReservationReleased(UUID eventId, OrderId orderId, long version, Instant occurredAt, List<UnitMove> moves,
                                    String reference) implements UnitsMoved {
        public OrderReservationReleased {
            moves = List.copyOf(moves);
            reference = reference == null ? "" : reference;
        }

        @Override
        public OrderCommand command() {
            return OrderCommand.RELEASE_RESERVATION;
        }
    }

    /** Units were given to a fulfilment ({@code reference}) at a location. */
    record OrderUnitsAllocated(UUID eventId, OrderId orderId, long version, Instant occurredAt, List<UnitMove> moves,
                               String reference) implements UnitsMoved {
        public OrderUnitsAllocated {
            moves = List.copyOf(moves);
            reference = reference == null ? "" : reference;
        }

        @Override
        public OrderCommand command() {
            return OrderCommand.ALLOCATE;
        }
    }

    /** Units a location refused came back from their fulfilment ({@code reference}), open to be sourced again. */
    record OrderUnitsDeallocated(UUID eventId, OrderId orderId, long version, Instant occurredAt, List<UnitMove> moves,
                                 String reference) implements UnitsMoved {
        public OrderUnitsDeallocated {
            moves = List.copyOf(moves);
            reference = reference == null ? "" : reference;
        }

        @Override
        public OrderCommand command() {
            return OrderCommand.DEALLOCATE;
        }
    }

    /** Units were packed, or arrived at the pickup store: ready to ship or to collect. */
    record OrderUnitsReady(UUID eventId, OrderId orderId, long version, Instant occurredAt, List<UnitMove> moves,
                           String reference) implements UnitsMoved {
        public OrderUnitsReady {
            moves = List.copyOf(moves);
            reference = reference == null ? "" : reference;
        }

        @Override
        public OrderCommand command() {
            return OrderCommand.MARK_READY;
        }
    }

    /** Units were handed to the carrier for the customer. */
    record OrderUnitsShipped(UUID eventId, OrderId orderId, long version, Instant occurredAt, List<UnitMove> moves,
                             String reference) implements UnitsMoved {
        public OrderUnitsShipped {
            moves = List.copyOf(moves);
            reference = reference == null ? "" : reference;
        }

        @Override
        public OrderCommand command() {
            return OrderCommand.SHIP;
        }
    }

    /** The customer collected units in store. */
    record OrderUnitsPickedUp(UUID eventId, OrderId orderId, long version, Instant occurredAt, List<UnitMove> moves,
                              String reference) implements UnitsMoved {
        public OrderUnitsPickedUp {
            moves = List.copyOf(moves);
            reference = reference == null ? "" : reference;
        }

        @Override
        public OrderCommand command() {
            return OrderCommand.PICK_UP;
        }
    }

    /** Shipped units reached the customer. */
    record OrderUnitsDelivered(UUID eventId, OrderId orderId, long version, Instant occurredAt, List<UnitMove> moves,
                               String reference) implements UnitsMoved {
        public OrderUnitsDelivered {
            moves = List.copyOf(moves);
            reference = reference == null ? "" : reference;
        }

        @Override
        public OrderCommand command() {
            return OrderCommand.DELIVER;
        }
    }

    /**
     * Units will never be fulfilled, for {@code reason}, as {@code actor} asked.
     *
     * @param actor who asked for the cancellation; {@link Actor#SYSTEM} for the workflows (and for events stored before
     *              cancellations carried their actor)
     */
    record OrderUnitsCancelled(UUID eventId, OrderId orderId, long version, Instant occurredAt, List<UnitMove> moves,
                               String reference, CancellationReason reason, Actor actor) implements UnitsMoved {
        public OrderUnitsCancelled {
            moves = List.copyOf(moves);
            reference = reference == null ? "" : reference;
            Checks.notNull(reason, "reason");
            actor = actor == null ? Actor.SYSTEM : actor;
        }

        /** A cancellation the system asked for. */
        public OrderUnitsCancelled(UUID eventId, OrderId orderId, long version, Instant occurredAt, List<UnitMove> moves,
                                   String reference, CancellationReason reason) {
            this(eventId, orderId, version, occurredAt, moves, reference, reason, Actor.SYSTEM);
        }

        /** This event, asked for by {@code by}. */
        public OrderUnitsCancelled askedBy(Actor by) {
            return new OrderUnitsCancelled(eventId, orderId, version, occurredAt, moves, reference, reason, by);
        }

        @Override
        public OrderCommand command() {
            return OrderCommand.CANCEL;
        }
    }

    /** Units came back from the customer. */
    record OrderUnitsReturned(UUID eventId, OrderId orderId, long version, Instant occurredAt, List<UnitMove> moves,
                              String reference) implements UnitsMoved {
        public OrderUnitsReturned {
            moves = List.copyOf(moves);
            reference = reference == null ? "" : reference;
        }

        @Override
        public OrderCommand command() {
            return OrderCommand.RETURN;
        }
    }

    /**
     * Units of lines moved between states because of {@code command}: the one event every move raised before the named
     * events above. Never raised any more; kept so that events and orders stored by earlier versions still read.
     *
     * @param reference what the move refers to: a location for allocations, a shipment for shipping; may be empty
     * @param reason    the cancellation reason for {@link OrderCommand#CANCEL}; null otherwise
     * @deprecated read only; every move now raises its named event ({@link UnitsMoved#of})
     */
    @Deprecated
    record OrderUnitsMoved(UUID eventId, OrderId orderId, long version, Instant occurredAt, OrderCommand command,
                           List<UnitMove> moves, String reference, CancellationReason reason) implements UnitsMoved {
        public OrderUnitsMoved {
            Checks.notNull(command, "command");
            moves = List.copyOf(moves);
            reference = reference == null ? "" : reference;
        }
    }

    /**
     * Open units of a line were sold beyond stock: they await inbound supply ({@link UnitState#AWAITING_STOCK}).
     *
     * @param reference the location where the supply arrives
     */
    record OrderUnitsBackordered(UUID eventId, OrderId orderId, long version, Instant occurredAt, List<UnitMove> moves,
                                 String reference) implements UnitsMoved {
        public OrderUnitsBackordered {
            moves = List.copyOf(moves);
        }

        @Override
        public OrderCommand command() {
            return OrderCommand.RESERVE;
        }
    }

    /**
     * Units awaiting stock arrived and are held for the order: they are reserved now.
     *
     * @param reference the reservation change that holds them
     */
    record OrderBackorderFilled(UUID eventId, OrderId orderId, long version, Instant occurredAt, List<UnitMove> moves,
                                String reference) implements UnitsMoved {
        public OrderBackorderFilled {
            moves = List.copyOf(moves);
        }

        @Override
        public OrderCommand command() {
            return OrderCommand.RESERVE;
        }
    }

    /**
     * The supply the units of {@code line} await is now expected at another time (or none is announced any more).
     *
     * @param promisedBefore what the customer was promised before; null when nothing was
     * @param backorder      the line's backorder now, with the new date and promise
     */
    record OrderSupplyDateChanged(UUID eventId, OrderId orderId, long version, Instant occurredAt, LineId line,
                                  Instant promisedBefore, LineBackorder backorder) implements OrderEvent {
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

    /** Customer service added a note to the order. */
    record OrderNoteAdded(UUID eventId, OrderId orderId, long version, Instant occurredAt, OrderNote note)
            implements OrderEvent {
        public OrderNoteAdded {
            Checks.notNull(note, "note");
        }
    }

    /**
     * Customer service made good to the customer with no goods coming back: a goodwill refund (already made by the
     * payment provider; {@code payment} shows it) or store credit for the host to issue.
     *
     * @param actor     who granted it
     * @param goodwill  the form, amount and reason
     * @param reference the provider's references of the refund (comma-separated, one per tender); empty for store credit
     * @param payment   the order's payment after it
     */
    record OrderGoodwillGranted(UUID eventId, OrderId orderId, long version, Instant occurredAt, Actor actor,
                                Goodwill goodwill, String reference, io.omskit.core.payment.PaymentSummary payment)
            implements OrderEvent {
        public OrderGoodwillGranted {
            Checks.notNull(actor, "actor");
            Checks.notNull(goodwill, "goodwill");
            Checks.notNull(payment, "payment");
            reference = reference == null ? "" : reference;
        }
    }

    /**
     * Customer service re-ships units of a parcel that was lost or arrived damaged, at no charge: a new fulfilment
     * ({@code replacement}) sends them again; the order's quantities, totals and payment stay as they were.
     *
     * @param actor       who asked for it
     * @param parcel      the id of the fulfilment whose parcel is made good
     * @param replacement the id of the fulfilment that ships the units again
     * @param units       the units re-shipped, per line
     * @param reason      why the parcel is made good
     */
    record OrderParcelReshipped(UUID eventId, OrderId orderId, long version, Instant occurredAt, Actor actor,
                                String parcel, String replacement, List<LineQuantity> units,
                                ReshipReason reason) implements OrderEvent {
        public OrderParcelReshipped {
            Checks.notNull(actor, "actor");
            Checks.notBlank(parcel, "parcel");
            Checks.notBlank(replacement, "replacement");
            units = List.copyOf(Checks.notNull(units, "units"));
            Checks.notNull(reason, "reason");
        }
    }

    /**
     * The delivery address of a home-delivered order was changed before any of its goods were picked.
     *
     * @param actor    who changed it
     * @param delivery the order's delivery after the change
     */
    record OrderAddressChanged(UUID eventId, OrderId orderId, long version, Instant occurredAt, Actor actor,
                               DeliveryChoice delivery) implements OrderEvent {
        public OrderAddressChanged {
            Checks.notNull(actor, "actor");
            Checks.notNull(delivery, "delivery");
        }
    }

    /**
     * The order's lines were edited as {@code actor} asked: lines added or given more units (reserved), and what the
     * order is worth to the customer before and after. Units cancelled by the same edit are told by the
     * {@link OrderUnitsCancelled} event of the same change (or of the fulfilment that held them).
     *
     * @param edits       the edits as asked
     * @param valueBefore what the units not cancelled were worth before ({@link Order#valueNotCancelled()})
     * @param valueAfter  what they are worth after the whole edit
     */
    record OrderLinesEdited(UUID eventId, OrderId orderId, long version, Instant occurredAt, Actor actor,
                            List<LineEdit> edits, org.joda.money.Money valueBefore, org.joda.money.Money valueAfter)
            implements OrderEvent {
        public OrderLinesEdited {
            Checks.notNull(actor, "actor");
            edits = List.copyOf(Checks.notNull(edits, "edits"));
            Checks.notNull(valueBefore, "valueBefore");
            Checks.notNull(valueAfter, "valueAfter");
        }
    }

    /**
     * The delivery of an order was changed before any of its goods were picked, and its open fulfilments were sourced
     * again for the new delivery: the ones named in {@code withdrawn} give their units back and {@code placed} takes
     * them at the locations the sourcing chose, under the inventory allocation {@code allocationKey}. Both lists are
     * empty when the plan stayed as it was.
     *
     * @param actor         who changed it
     * @param delivery      the order's delivery after the change, with the promise recomputed for it
     * @param changeKey     the caller's key of the change
     * @param withdrawn     the ids of the fulfilments whose units move elsewhere
     * @param placed        where those units go, per location
     * @param allocationKey the inventory allocation holding the placed units; empty when nothing moved
     * @param previousPromise the window promised before the change; null when none was
     */
    record OrderDeliveryChanged(UUID eventId, OrderId orderId, long version, Instant occurredAt, Actor actor,
                                DeliveryChoice delivery, String changeKey, List<String> withdrawn,
                                List<PlacedUnits> placed, String allocationKey, DeliveryWindow previousPromise)
            implements OrderEvent {
        public OrderDeliveryChanged {
            Checks.notNull(actor, "actor");
            Checks.notNull(delivery, "delivery");
            Checks.notBlank(changeKey, "changeKey");
            withdrawn = withdrawn == null ? List.of() : List.copyOf(withdrawn);
            placed = placed == null ? List.of() : List.copyOf(placed);
            allocationKey = allocationKey == null ? "" : allocationKey;
        }

        /** Whether the promised window moved with the change: the customer is told. */
        public boolean promiseMoved() {
            return !java.util.Objects.equals(previousPromise, delivery.promised());
        }
    }
}

package io.omskit.core.fulfilment;

import io.omskit.core.common.Checks;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.Actor;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.OrderId;
import io.omskit.core.shipping.BookingKey;
import io.omskit.core.shipping.CarrierService;
import io.omskit.core.shipping.Lane;
import io.omskit.core.shipping.TrackingStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.joda.money.Money;
import java.util.UUID;

/**
 * Everything that happens to a fulfilment: one event per transition of its lifecycle, and the events of its parcel's
 * booking and tracking (which leave its status as it is).
 */
public sealed interface FulfilmentEvent extends DomainEvent {

    /** The fulfilment it happened to. */
    FulfilmentId fulfilmentId();

    /** The order the fulfilment belongs to. */
    OrderId orderId();

    @Override
    default String aggregateId() {
        return fulfilmentId().value();
    }

    /** The fulfilment was created and offered to its location. */
    record FulfilmentOffered(UUID eventId, FulfilmentId fulfilmentId, OrderId orderId, long version, Instant occurredAt,
                             FulfilmentKind kind, LocationId location, LocationId pickupStore,
                             List<FulfilmentLine> lines) implements FulfilmentEvent {
        public FulfilmentOffered {
            Checks.notNull(kind, "kind");
            Checks.notNull(location, "location");
            lines = List.copyOf(lines);
        }
    }

    /**
     * The location accepted it.
     *
     * @param actor who accepted it; {@link Actor#SYSTEM} when no person was named (and for events stored before steps
     *              carried their actor)
     */
    record FulfilmentAccepted(UUID eventId, FulfilmentId fulfilmentId, OrderId orderId, long version, Instant occurredAt,
                              Actor actor) implements FulfilmentEvent {
        public FulfilmentAccepted {
            actor = actor == null ? Actor.SYSTEM : actor;
        }

        /** An acceptance no person was named for. */
        public FulfilmentAccepted(UUID eventId, FulfilmentId fulfilmentId, OrderId orderId, long version, Instant occurredAt) {
            this(eventId, fulfilmentId, orderId, version, occurredAt, Actor.SYSTEM);
        }
    }

    /**
     * The location refused units of it (a whole refusal, or a short pick); they go back to the order to be sourced
     * elsewhere.
     *
     * @param units  the units refused, per line
     * @param reason why, as the location said it
     * @param whole  whether nothing is left to fulfil (the fulfilment is rejected)
     */
    record FulfilmentRejected(UUID eventId, FulfilmentId fulfilmentId, OrderId orderId, long version, Instant occurredAt,
                              List<LineQuantity> units, String reason, boolean whole) implements FulfilmentEvent {
        public FulfilmentRejected {
            units = List.copyOf(units);
            Checks.notBlank(reason, "reason");
        }
    }

    /**
     * Picking started.
     *
     * @param actor who started it; {@link Actor#SYSTEM} when no person was named
     */
    record FulfilmentPickingStarted(UUID eventId, FulfilmentId fulfilmentId, OrderId orderId, long version,
                                    Instant occurredAt, Actor actor) implements FulfilmentEvent {
        public FulfilmentPickingStarted {
            actor = actor == null ? Actor.SYSTEM : actor;
        }

        /** A start of picking no person was named for. */
        public FulfilmentPickingStarted(UUID eventId, FulfilmentId fulfilmentId, OrderId orderId, long version,
                                        Instant occurredAt) {
            this(eventId, fulfilmentId, orderId, version, occurredAt, Actor.SYSTEM);
        }
    }

    /**
     * Picked and packed.
     *
     * @param status    what it is now: ready to ship, or ready for collection (collected in the store that packed it)
     * @param collectBy when it must be collected by, for a collection; null otherwise
     * @param actor     who packed it; {@link Actor#SYSTEM} when no person was named
     */
    record FulfilmentPacked(UUID eventId, FulfilmentId fulfilmentId, OrderId orderId, long version, Instant occurredAt,
                            FulfilmentStatus status, Instant collectBy, Actor actor) implements FulfilmentEvent {
        public FulfilmentPacked {
            actor = actor == null ? Actor.SYSTEM : actor;
        }

        /** A packing no person was named for. */
        public FulfilmentPacked(UUID eventId, FulfilmentId fulfilmentId, OrderId orderId, long version, Instant occurredAt,
                                FulfilmentStatus status, Instant collectBy) {
            this(eventId, fulfilmentId, orderId, version, occurredAt, status, collectBy, Actor.SYSTEM);
        }
    }

    /** Handed to the carrier: to the customer, or (a transfer) to the pickup store. */
    record FulfilmentShipped(UUID eventId, FulfilmentId fulfilmentId, OrderId orderId, long version, Instant occurredAt,
                             ShipmentDetails shipment) implements FulfilmentEvent {
        public FulfilmentShipped {
            Checks.notNull(shipment, "shipment");
        }
    }

    /** A transfer arrived at the pickup store, which holds it for the customer until {@code collectBy}. */
    record FulfilmentArrivedAtStore(UUID eventId, FulfilmentId fulfilmentId, OrderId orderId, long version,
                                    Instant occurredAt, LocationId store, Instant collectBy) implements FulfilmentEvent {
    }

    /**
     * The customer collected it at {@code store}, showing the pickup code.
     *
     * @param actor who handed it over (a store associate); {@link Actor#SYSTEM} when no person was named
     */
    record FulfilmentCollected(UUID eventId, FulfilmentId fulfilmentId, OrderId orderId, long version, Instant occurredAt,
                               LocationId store, Actor actor) implements FulfilmentEvent {
        public FulfilmentCollected {
            actor = actor == null ? Actor.SYSTEM : actor;
        }

        /** A collection no person was named for. */
        public FulfilmentCollected(UUID eventId, FulfilmentId fulfilmentId, OrderId orderId, long version,
                                   Instant occurredAt, LocationId store) {
            this(eventId, fulfilmentId, orderId, version, occurredAt, store, Actor.SYSTEM);
        }
    }

    /** The parcel reached the customer; {@code proof} is the carrier's proof of delivery (may be empty). */
    record FulfilmentDelivered(UUID eventId, FulfilmentId fulfilmentId, OrderId orderId, long version, Instant occurredAt,
                               String proof) implements FulfilmentEvent {
    }

    /**
     * Units were cancelled before they reached the customer, as {@code actor} asked.
     *
     * @param whole whether nothing is left to fulfil (the fulfilment is cancelled)
     * @param actor who asked for it; {@link Actor#SYSTEM} for the workflows (and for events stored before cancellations
     *              carried their actor)
     */
    record FulfilmentCancelled(UUID eventId, FulfilmentId fulfilmentId, OrderId orderId, long version, Instant occurredAt,
                               List<LineQuantity> units, CancellationReason reason, boolean whole, Actor actor)
            implements FulfilmentEvent {
        public FulfilmentCancelled {
            units = List.copyOf(units);
            Checks.notNull(reason, "reason");
            actor = actor == null ? Actor.SYSTEM : actor;
        }

        /** A cancellation the system asked for. */
        public FulfilmentCancelled(UUID eventId, FulfilmentId fulfilmentId, OrderId orderId, long version, Instant occurredAt,
                                   List<LineQuantity> units, CancellationReason reason, boolean whole) {
            this(eventId, fulfilmentId, orderId, version, occurredAt, units, reason, whole, Actor.SYSTEM);
        }
    }

    /** Nobody collected it within the pickup period: its units go back to the store's sellable stock. */
    record FulfilmentExpired(UUID eventId, FulfilmentId fulfilmentId, OrderId orderId, long version, Instant occurredAt,
                             List<LineQuantity> units) implements FulfilmentEvent {
        public FulfilmentExpired {
            units = List.copyOf(units);
        }
    }

    /**
     * A booking with a carrier was recorded under {@code key}, before the carrier was asked.
     *
     * @param attempt 1 for the fulfilment's first booking, one more for each after a decline or cancellation
     */
    record ParcelBookingRequested(UUID eventId, FulfilmentId fulfilmentId, OrderId orderId, long version,
                                  Instant occurredAt, BookingKey key, int attempt, CarrierService service)
            implements FulfilmentEvent {
        public ParcelBookingRequested {
            Checks.notNull(key, "key");
            Checks.notNull(service, "service");
        }
    }

    /**
     * The carrier booked the parcel and issued its label.
     *
     * @param expectedDelivery the day the carrier's quote expects delivery on
     */
    record ParcelBooked(UUID eventId, FulfilmentId fulfilmentId, OrderId orderId, long version, Instant occurredAt,
                        BookingKey key, CarrierService service, String trackingNumber, Money price,
                        LocalDate expectedDelivery) implements FulfilmentEvent {
        public ParcelBooked {
            Checks.notNull(key, "key");
            Checks.notNull(service, "service");
            Checks.notBlank(trackingNumber, "trackingNumber");
            Checks.notNull(price, "price");
        }
    }

    /** The carrier refused the booking; {@code reason} is its explanation. */
    record ParcelBookingDeclined(UUID eventId, FulfilmentId fulfilmentId, OrderId orderId, long version,
                                 Instant occurredAt, BookingKey key, CarrierService service, String reason)
            implements FulfilmentEvent {
        public ParcelBookingDeclined {
            Checks.notNull(key, "key");
            Checks.notNull(service, "service");
            reason = reason == null ? "" : reason;
        }
    }

    /** Cancelling the booked label was recorded, before the carrier was asked. */
    record ParcelBookingCancellationRequested(UUID eventId, FulfilmentId fulfilmentId, OrderId orderId, long version,
                                              Instant occurredAt, BookingKey key, CarrierService service,
                                              String trackingNumber) implements FulfilmentEvent {
        public ParcelBookingCancellationRequested {
            Checks.notNull(key, "key");
            Checks.notNull(service, "service");
            Checks.notBlank(trackingNumber, "trackingNumber");
        }
    }

    /** The carrier refused to void the label (it has the parcel): the booking stands; {@code reason} is its explanation. */
    record ParcelBookingCancellationDeclined(UUID eventId, FulfilmentId fulfilmentId, OrderId orderId, long version,
                                             Instant occurredAt, BookingKey key, CarrierService service,
                                             String trackingNumber, String reason) implements FulfilmentEvent {
        public ParcelBookingCancellationDeclined {
            Checks.notNull(key, "key");
            Checks.notNull(service, "service");
            reason = reason == null ? "" : reason;
        }
    }

    /** The booking was cancelled with the carrier: its label is void. */
    record ParcelBookingCancelled(UUID eventId, FulfilmentId fulfilmentId, OrderId orderId, long version,
                                  Instant occurredAt, BookingKey key, CarrierService service, String trackingNumber)
            implements FulfilmentEvent {
        public ParcelBookingCancelled {
            Checks.notNull(key, "key");
            Checks.notNull(service, "service");
            trackingNumber = trackingNumber == null ? "" : trackingNumber;
        }
    }

    /**
     * The carrier reported something new about the parcel.
     *
     * @param status           what the report says
     * @param detail           the carrier's wording; may be empty
     * @param reportedAt       when the carrier saw it happen
     * @param currentStatus    where the parcel is now, after all reports (an older report does not change it)
     * @param expectedDelivery the delivery day expected now; null when unknown
     */
    record ParcelTracked(UUID eventId, FulfilmentId fulfilmentId, OrderId orderId, long version, Instant occurredAt,
                         CarrierService service, String trackingNumber, TrackingStatus status, String detail,
                         Instant reportedAt, TrackingStatus currentStatus, LocalDate expectedDelivery)
            implements FulfilmentEvent {
        public ParcelTracked {
            Checks.notNull(service, "service");
            Checks.notNull(status, "status");
            Checks.notNull(currentStatus, "currentStatus");
            detail = detail == null ? "" : detail;
        }
    }

    /**
     * The parcel will arrive after the day promised to the customer, or is still on its way after it. Customer service
     * may tell the customer or reship.
     *
     * @param expectedDelivery the carrier's new estimate, later than {@code promisedBy}; null when the carrier gave none
     *                         (the parcel was reported on its way after the promised day)
     */
    record ParcelDelayed(UUID eventId, FulfilmentId fulfilmentId, OrderId orderId, long version, Instant occurredAt,
                         CarrierService service, String trackingNumber, LocalDate promisedBy,
                         LocalDate expectedDelivery) implements FulfilmentEvent {
        public ParcelDelayed {
            Checks.notNull(promisedBy, "promisedBy");
        }
    }

    /**
     * The carrier could not deliver: a failed attempt, an exception or a return to the sender ({@code status}, in the
     * carrier's words {@code detail}). Customer service may have to act.
     */
    record DeliveryFailed(UUID eventId, FulfilmentId fulfilmentId, OrderId orderId, long version, Instant occurredAt,
                          CarrierService service, String trackingNumber, TrackingStatus status, String detail,
                          Instant reportedAt) implements FulfilmentEvent {
        public DeliveryFailed {
            Checks.notNull(status, "status");
            detail = detail == null ? "" : detail;
        }
    }

    /**
     * The carrier first reported the parcel delivered: whether it kept the promise on its lane, what a carrier's
     * on-time record is learnt from.
     *
     * @param onTime whether {@code deliveredOn} is on or before {@code promisedBy}
     */
    record ParcelDeliveryRecorded(UUID eventId, FulfilmentId fulfilmentId, OrderId orderId, long version,
                                  Instant occurredAt, CarrierService service, Lane lane, LocalDate promisedBy,
                                  LocalDate deliveredOn, boolean onTime) implements FulfilmentEvent {
        public ParcelDeliveryRecorded {
            Checks.notNull(service, "service");
            Checks.notNull(lane, "lane");
            Checks.notNull(promisedBy, "promisedBy");
            Checks.notNull(deliveredOn, "deliveredOn");
        }
    }
}

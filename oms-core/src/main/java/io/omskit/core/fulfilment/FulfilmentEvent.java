package io.omskit.core.fulfilment;

import io.omskit.core.common.Checks;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.OrderId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Everything that happens to a fulfilment: one event per transition. */
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

    /** The location accepted it. */
    record FulfilmentAccepted(UUID eventId, FulfilmentId fulfilmentId, OrderId orderId, long version, Instant occurredAt)
            implements FulfilmentEvent {
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

    /** Picking started. */
    record FulfilmentPickingStarted(UUID eventId, FulfilmentId fulfilmentId, OrderId orderId, long version,
                                    Instant occurredAt) implements FulfilmentEvent {
    }

    /**
     * Picked and packed.
     *
     * @param status    what it is now: ready to ship, or ready for collection (collected in the store that packed it)
     * @param collectBy when it must be collected by, for a collection; null otherwise
     */
    record FulfilmentPacked(UUID eventId, FulfilmentId fulfilmentId, OrderId orderId, long version, Instant occurredAt,
                            FulfilmentStatus status, Instant collectBy) implements FulfilmentEvent {
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

    /** The customer collected it at {@code store}, showing the pickup code. */
    record FulfilmentCollected(UUID eventId, FulfilmentId fulfilmentId, OrderId orderId, long version, Instant occurredAt,
                               LocationId store) implements FulfilmentEvent {
    }

    /** The parcel reached the customer; {@code proof} is the carrier's proof of delivery (may be empty). */
    record FulfilmentDelivered(UUID eventId, FulfilmentId fulfilmentId, OrderId orderId, long version, Instant occurredAt,
                               String proof) implements FulfilmentEvent {
    }

    /**
     * Units were cancelled before they reached the customer.
     *
     * @param whole whether nothing is left to fulfil (the fulfilment is cancelled)
     */
    record FulfilmentCancelled(UUID eventId, FulfilmentId fulfilmentId, OrderId orderId, long version, Instant occurredAt,
                               List<LineQuantity> units, CancellationReason reason, boolean whole) implements FulfilmentEvent {
        public FulfilmentCancelled {
            units = List.copyOf(units);
            Checks.notNull(reason, "reason");
        }
    }

    /** Nobody collected it within the pickup period: its units go back to the store's sellable stock. */
    record FulfilmentExpired(UUID eventId, FulfilmentId fulfilmentId, OrderId orderId, long version, Instant occurredAt,
                             List<LineQuantity> units) implements FulfilmentEvent {
        public FulfilmentExpired {
            units = List.copyOf(units);
        }
    }
}

package io.omskit.core.backorder;

import io.omskit.core.catalog.Sku;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.OrderId;
import java.time.Instant;
import java.util.UUID;

/** What happened to units waiting for supply. The aggregate id is the order's. */
public sealed interface BackorderEvent extends DomainEvent {

    /** The order the units belong to. */
    OrderId orderId();

    @Override
    default String aggregateId() {
        return orderId().value();
    }

    @Override
    default long version() {
        return 0;
    }

    /** Units were placed to wait for supply. */
    record BackorderPlaced(UUID eventId, Instant occurredAt, OrderId orderId, Backorder backorder)
            implements BackorderEvent {
    }

    /** Units arrived for a backorder and are now held for the order by the reservation {@code reservation}. */
    record BackorderFilled(UUID eventId, Instant occurredAt, OrderId orderId, BackorderFill fill,
                           ReservationKey reservation) implements BackorderEvent {
    }

    /**
     * Supply slipped: the waiting units are now expected later ({@code to}), or without a date (null) when the
     * inbound covering them was cancelled. The notifier tells the customer.
     */
    record SupplyDateMoved(UUID eventId, Instant occurredAt, OrderId orderId, BackorderId backorder, Sku sku,
                           LocationId location, Instant from, Instant to) implements BackorderEvent {
    }
}

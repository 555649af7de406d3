package io.omskit.core.inventory;

import io.omskit.core.catalog.Sku;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.network.LocationId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything that happens to stock. The aggregate id is the SKU; {@code version} is 0 (stock has no
 * optimistic version).
 */
public sealed interface InventoryEvent extends DomainEvent {

    Sku sku();

    @Override
    default String aggregateId() {
        return sku().value();
    }

    @Override
    default long version() {
        return 0;
    }

    /** A ledger entry was recorded. */
    record StockMoved(UUID eventId, Instant occurredAt, Sku sku, StockMovement movement) implements InventoryEvent {
    }

    /**
     * A position's (or, when {@code location} is null, the network's) alert level changed. Raised once per crossing.
     *
     * @param from            the level before
     * @param to              the level now
     * @param availableToSell available to sell now
     */
    record StockLevelChanged(UUID eventId, Instant occurredAt, Sku sku, LocationId location, StockLevel from, StockLevel to,
                             int availableToSell) implements InventoryEvent {

        /** Whether this is a back-in-stock alert. */
        public boolean isBackInStock() {
            return from == StockLevel.OUT_OF_STOCK && to != StockLevel.OUT_OF_STOCK;
        }
    }

    /** Stock was held under a reservation; {@code lines} are the lines of this SKU. */
    record StockReserved(UUID eventId, Instant occurredAt, Sku sku, ReservationKey key, List<ReservationLine> lines)
            implements InventoryEvent {
    }

    /** Held stock was let go: released, expired, or converted into an allocation. */
    record ReservationReleased(UUID eventId, Instant occurredAt, Sku sku, ReservationKey key, List<ReservationLine> lines,
                               ReservationStatus cause) implements InventoryEvent {
    }

    /** Stock was allocated at a location. */
    record StockAllocated(UUID eventId, Instant occurredAt, Sku sku, AllocationKey key, List<AllocationLine> lines)
            implements InventoryEvent {
    }

    /** Allocated stock was returned to availability (rejection, cancellation). */
    record StockDeallocated(UUID eventId, Instant occurredAt, Sku sku, AllocationKey key, AllocationLine line)
            implements InventoryEvent {
    }
}

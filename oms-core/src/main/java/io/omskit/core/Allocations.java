package io.omskit.core;

import io.omskit.core.common.Change;
import io.omskit.core.common.Checks;
import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.inventory.AllocationLine;
import io.omskit.core.inventory.AllocationRequest;
import io.omskit.core.inventory.AllocationResult;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.CommandKey;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderCommand;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.UnitState;
import io.omskit.core.spi.InventoryStore;
import io.omskit.core.spi.SpiException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Allocation: a sourcing decision applied to an order, its units held at a location, drawing on the order's
 * reservation. An allocation made here, or one made in the inventory by sourcing and recorded here, becomes the
 * order's fulfilments, offered to their locations. What each operation promises, and what a retry after a failure
 * does, is written on {@link Oms}.
 */
final class Allocations {

    private final OrderBook book;
    private final StockKeeper stock;
    private final StockReconciliation reconciliation;
    private final Fulfilments fulfilments;
    private final InventoryStore inventory;
    private final Clock clock;

    Allocations(OrderBook book, StockKeeper stock, StockReconciliation reconciliation, Fulfilments fulfilments,
                InventoryStore inventory, Clock clock) {
        this.book = book;
        this.stock = stock;
        this.reconciliation = reconciliation;
        this.fulfilments = fulfilments;
        this.inventory = inventory;
        this.clock = clock;
    }

    /** Allocates under a key derived from the order's version. */
    AllocationResult allocate(OrderId id, LocationId location, List<LineQuantity> quantities) {
        Checks.notNull(location, "location");
        return book.locked(id, () -> {
            Order order = book.current(id);
            return allocateLocked(order, "alloc-" + id + "-" + location + "-v" + order.version(), location, quantities);
        });
    }

    /** Allocates under the caller's {@code allocationKey}. */
    AllocationResult allocate(OrderId id, String allocationKey, LocationId location, List<LineQuantity> quantities) {
        Checks.identifier(allocationKey, "allocationKey");
        Checks.notNull(location, "location");
        return book.locked(id, () -> allocateLocked(book.current(id), allocationKey, location, quantities));
    }

    private AllocationResult allocateLocked(Order order, String key, LocationId location, List<LineQuantity> quantities) {
        Checks.notNull(quantities, "quantities");
        OrderId id = order.id();
        CommandKey command = CommandKey.of(OrderCommand.ALLOCATE, key);
        if (order.applied(command)) {
            stock.syncStock(order, null, Set.of(key), true);
            fulfilments.open(order);
            return inventory.findAllocation(new AllocationKey(key))
                    .<AllocationResult>map(a -> new AllocationResult.Allocated(a, true))
                    .orElseThrow(() -> new IllegalStateException("allocation " + key + " of order " + id + " is recorded but unknown to the inventory"));
        }
        // Refused before any stock moves: an order that cannot take the allocation never leaves units allocated.
        order.allocate(location, key, quantities, clock.instant());
        List<AllocationLine> lines = new ArrayList<>();
        stock.stockUnits(order, quantities).forEach((sku, qty) -> lines.add(new AllocationLine(sku, location, qty)));
        AllocationResult result = inventory.allocate(new AllocationRequest(new AllocationKey(key), StockKeeper.stockReference(id),
                lines, StockKeeper.reservationKey(order)));
        if (result.isAllocated()) {
            try {
                OrderBook.Applied applied = book.update(id, o -> o.applied(command) ? Change.unchanged(o)
                        : OrderBook.withKey(o.allocate(location, key, quantities, clock.instant()), command));
                fulfilments.open(applied.after(), applied.changed() ? key : null);
            } catch (RuntimeException e) {
                giveBack(id, key, e);
                throw e;
            }
        }
        return result;
    }

    /**
     * After a failed recording: when the order refused the allocation, brings the order's stock in line, naming the
     * allocation the order may not know. When an adapter failed, the allocation is left for the retry (which replays it
     * under the same key and records it) or, when nobody retries, for {@link Oms#reconcileStock(java.time.Duration, int)}.
     */
    private void giveBack(OrderId id, String allocationKey, RuntimeException failure) {
        if (failure instanceof SpiException) {
            return;
        }
        try {
            Order current = book.load(id);
            stock.syncStock(current, current, Set.of(allocationKey), true);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Records on the order an inventory allocation made by sourcing, each location's lines one fulfilment, taking
     * open units before reserved ones when {@code openUnitsFirst}.
     */
    Order recordAllocation(OrderId id, AllocationKey inventoryKey, Map<LocationId, List<LineQuantity>> byLocation,
                           boolean openUnitsFirst) {
        Checks.notNull(inventoryKey, "inventoryKey");
        Checks.notNull(byLocation, "byLocation");
        CommandKey key = CommandKey.of(OrderCommand.ALLOCATE, inventoryKey.value());
        return book.locked(id, () -> recordLocked(id, inventoryKey, byLocation, key, openUnitsFirst));
    }

    private Order recordLocked(OrderId id, AllocationKey inventoryKey, Map<LocationId, List<LineQuantity>> byLocation,
                               CommandKey key, boolean openUnitsFirst) {
        try {
            OrderBook.Applied applied = book.update(id, o -> {
                if (o.applied(key)) {
                    return Change.unchanged(o);
                }
                Change<Order, OrderEvent> change = Change.unchanged(o);
                Instant now = clock.instant();
                for (Map.Entry<LocationId, List<LineQuantity>> e : byLocation.entrySet()) {
                    if (!e.getValue().isEmpty()) {
                        change = change.then(p -> p.allocate(e.getKey(), inventoryKey.value() + "@" + e.getKey().value(),
                                inventoryKey.value(), e.getValue(), openUnitsFirst, now));
                    }
                }
                return OrderBook.withKey(change, key);
            });
            // the allocation may hold more than the order took (components of an incomplete bundle): let it go
            stock.syncStock(applied.after(), applied.before(), Set.of(inventoryKey.value()), false);
            fulfilments.open(applied.after(), applied.changed() ? inventoryKey.value() : null);
            if (applied.after().units(UnitState.RESERVED) > 0) {
                // what it let go may have come from the order's reservation: units no longer held go back to open
                reconciliation.reopenUnbackedUnits(applied.after());
                return book.load(id);
            }
            return applied.after();
        } catch (RuntimeException e) {
            giveBack(id, inventoryKey.value(), e);
            throw e;
        }
    }
}

package io.omskit.core;

import io.omskit.core.event.EventIds;
import io.omskit.core.catalog.Sku;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.inventory.Allocation;
import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.common.Change;
import io.omskit.core.common.Checks;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderId;
import io.omskit.core.spi.EventPublisher;
import io.omskit.core.spi.FulfilmentRepository;
import io.omskit.core.spi.InventoryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The safety net for stock: gives back what the inventory holds for an order that the order does not account for
 * (left by a call nobody retried), and puts the order's reserved units whose stock went with it back to open. Its
 * sweep is run by a scheduler; in the normal path it finds nothing. What each operation promises is written on
 * {@link Oms}.
 */
final class StockReconciliation {

    private static final Logger LOG = LoggerFactory.getLogger(StockReconciliation.class);

    private final OrderBook book;
    private final StockKeeper stock;
    private final InventoryStore inventory;
    private final EventPublisher events;
    private final FulfilmentRepository fulfilments;
    private final Clock clock;

    StockReconciliation(OrderBook book, StockKeeper stock, InventoryStore inventory, EventPublisher events,
                        FulfilmentRepository fulfilments, Clock clock) {
        this.book = book;
        this.stock = stock;
        this.inventory = inventory;
        this.events = events;
        this.fulfilments = fulfilments;
        this.clock = clock;
    }

    /** Looks at every owner of stock made at least {@code olderThan} ago; answers the orders it corrected. */
    List<OrderId> reconcileStock(Duration olderThan, int limit) {
        Checks.notNull(olderThan, "olderThan");
        Checks.positive(limit, "limit");
        if (olderThan.isNegative()) {
            throw new IllegalArgumentException("olderThan must not be negative, was " + olderThan);
        }
        Instant cutoff = clock.instant().minus(olderThan);
        List<OrderId> corrected = new ArrayList<>();
        String after = null;
        while (true) {
            List<String> page = inventory.holders(cutoff, after, limit);
            for (String reference : page) {
                OrderId id = OrderId.tryParse(reference);
                if (id != null && reconcileOrderStock(id, cutoff)) {
                    corrected.add(id);
                }
                OrderId reshipped = reference.startsWith(Reshipments.STOCK_REFERENCE_PREFIX) ? OrderId.tryParse(reference.substring(Reshipments.STOCK_REFERENCE_PREFIX.length())) : null;
                if (reshipped != null && reconcileReshipStock(reshipped, reference, cutoff) && !corrected.contains(reshipped)) {
                    corrected.add(reshipped);
                }
            }
            if (page.size() < limit) {
                return corrected;
            }
            after = page.get(page.size() - 1);
        }
    }

    /**
     * Gives back the stock a re-shipment of the order's parcel allocated when its re-shipment was never saved (the
     * call failed after allocating and nobody retried it): the allocation is keyed by the re-shipment's id, so one
     * made before {@code cutoff} with no fulfilment of that id is left over.
     */
    private boolean reconcileReshipStock(OrderId id, String reference, Instant cutoff) {
        return book.locked(id, () -> {
            List<AllocationKey> released = new ArrayList<>();
            for (Allocation a : inventory.heldFor(reference).allocations()) {
                if (!a.createdAt().isAfter(cutoff) && fulfilments.find(FulfilmentId.of(a.key().value())).isEmpty()) {
                    stock.releaseWhole(a);
                    released.add(a.key());
                }
            }
            if (released.isEmpty()) {
                return false;
            }
            Order order = book.find(id).orElse(null);
            LOG.warn("order {}: released stock of re-shipments never saved: allocations {}", id, released);
            events.publish(List.of(new OrderEvent.OrderStockReconciled(EventIds.next(), id, order == null ? 0 : order.version(),
                    clock.instant(), List.of(), released)));
            return true;
        });
    }

    /** Gives back the stock held for one order that it does not account for; answers whether it released anything. */
    boolean reconcileStock(OrderId id) {
        book.load(id);
        return reconcileOrderStock(id, stock.recoveryCutoff());
    }

    private boolean reconcileOrderStock(OrderId id, Instant cutoff) {
        return book.locked(id, () -> {
            Optional<Order> found = book.find(id);
            if (found.isEmpty()) {
                return false;
            }
            Order order = found.get();
            StockKeeper.Orphans orphans = stock.syncStock(order, null, Set.of(), cutoff);
            if (orphans.isEmpty()) {
                return false;
            }
            reopenUnbackedUnits(order);
            LOG.warn("order {}: released stock it did not account for: reservations {}, allocations {}", id,
                    orphans.reservations(), orphans.allocations());
            events.publish(List.of(new OrderEvent.OrderStockReconciled(EventIds.next(), id, order.version(), clock.instant(),
                    orphans.reservations(), orphans.allocations())));
            return true;
        });
    }

    /**
     * An orphan allocation that drew on the order's reservation took the reservation's units with it when it was
     * released: the order's reserved units it no longer backs go back to open (not held), to be sourced from what is
     * available, and the rest of their reservation is let go.
     */
    void reopenUnbackedUnits(Order order) {
        Set<Sku> unbacked = stock.unbacked(order);
        if (unbacked.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        OrderBook.Applied reopened = book.update(order.id(), o -> {
            List<LineQuantity> back = stock.reservedUnitsTaking(o, unbacked);
            return back.isEmpty() ? Change.unchanged(o) : o.releaseReservation(back, now);
        });
        stock.syncStock(reopened.after(), reopened.before(), Set.of(), false);
    }
}

package io.omskit.reporting.projection;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.fulfilment.FulfilmentEvent;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.FulfilmentLine;
import io.omskit.core.fulfilment.FulfilmentStatus;
import io.omskit.core.inventory.InventoryEvent;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.StockMovement;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderLine;
import io.omskit.returns.rma.Receipt;
import io.omskit.returns.rma.ReturnEvent;
import io.omskit.returns.rma.ReturnId;
import io.omskit.returns.rma.ReturnLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The facts of every order, fulfilment, return and stock position, kept from the domain events; what every measure
 * is computed from.
 *
 * <p>Feed it live events ({@link #ingest}) and past ones ({@link #ingestAll}) alike: a fact is recorded once under its
 * aggregate and version (or the idempotency key it carries), and each time is the earliest reported, so events arriving
 * twice, late or out of order leave the same facts as the history in order, and a projection rebuilt from the history
 * equals the live one. Events it does not report on (transfers, notifications, parcel bookings) are ignored.
 *
 * <p>Memory grows with the orders, fulfilments, returns and stock ledger entries it holds (about 1.2 KB for an order
 * with its fulfilments, reservations and stock ledger entries, as {@code ReportingIngestBenchmark} measures it), not
 * with the events: duplicates cost nothing. A host bounds it by
 * rebuilding from the history of the period it reports on (for example the last 13 months).
 *
 * <p>Thread-safe: events from many threads are applied one at a time; {@link #read} sees a consistent state.
 */
public final class EventProjection {

    private final Map<OrderId, OrderFacts> orders = new HashMap<>();
    private final Map<FulfilmentId, FulfilmentFacts> fulfilments = new HashMap<>();
    private final Map<ReturnId, ReturnFacts> returns = new HashMap<>();
    private final Map<PositionKey, StockFacts> stock = new HashMap<>();
    private final Map<String, Boolean> reservationsHeld = new HashMap<>();
    private int heldCount;
    private final List<Consumer<DomainEvent>> listeners = new CopyOnWriteArrayList<>();

    private record PositionKey(Sku sku, LocationId location) {
    }

    /** An empty projection. */
    public EventProjection() {
    }

    /**
     * Applies one event.
     *
     * @return whether it told something new (false for a duplicate, or an event the reports do not use)
     * @throws IllegalArgumentException when {@code event} is null
     */
    public synchronized boolean ingest(DomainEvent event) {
        Checks.notNull(event, "event");
        boolean changed = apply(event);
        if (changed && !listeners.isEmpty()) {
            for (Consumer<DomainEvent> l : listeners) {
                l.accept(event);
            }
        }
        return changed;
    }

    /**
     * Applies every event of {@code events}, in the order given (which does not change the outcome).
     *
     * @return how many told something new
     */
    public synchronized int ingestAll(Iterable<? extends DomainEvent> events) {
        Checks.notNull(events, "events");
        int changed = 0;
        for (DomainEvent e : events) {
            if (ingest(e)) {
                changed++;
            }
        }
        return changed;
    }

    /**
     * Records the stock a position held before the history fed to the projection (stock loaded in bulk raises no
     * events). Recorded once per position and instant; a second call with the same arguments changes nothing.
     *
     * @throws IllegalArgumentException when an argument is null or {@code units} is negative
     */
    public synchronized void openingStock(Sku sku, LocationId location, int units, Instant at) {
        Checks.notNull(sku, "sku");
        Checks.notNull(location, "location");
        Checks.notNegative(units, "units");
        Checks.notNull(at, "at");
        position(sku, location).entry("opening@" + at, new StockFacts.Entry(at, MovementReason.OPENING_BALANCE, units, units));
    }

    /**
     * Registers {@code listener}, called with each event that told the projection something new, right after it was
     * applied, under the projection's lock: it must be quick; it may read the facts (on the same thread).
     */
    public void subscribe(Consumer<DomainEvent> listener) {
        listeners.add(Checks.notNull(listener, "listener"));
    }

    /** Runs {@code query} on the facts, with no event applied meanwhile; what it returns must not hold on to them. */
    public synchronized <T> T read(Function<EventProjection, T> query) {
        return query.apply(this);
    }

    /** Every order known. Read inside {@link #read} only. */
    public Collection<OrderFacts> orders() {
        return Collections.unmodifiableCollection(orders.values());
    }

    /** The order {@code id}; null when unknown. Read inside {@link #read} only. */
    public OrderFacts order(OrderId id) {
        return orders.get(id);
    }

    /** Every fulfilment known. Read inside {@link #read} only. */
    public Collection<FulfilmentFacts> fulfilments() {
        return Collections.unmodifiableCollection(fulfilments.values());
    }

    /** The fulfilment {@code id}; null when unknown. Read inside {@link #read} only. */
    public FulfilmentFacts fulfilment(FulfilmentId id) {
        return fulfilments.get(id);
    }

    /** Every return known. Read inside {@link #read} only. */
    public Collection<ReturnFacts> returns() {
        return Collections.unmodifiableCollection(returns.values());
    }

    /** Every stock position known, with those of the network as a whole (location null). Read inside {@link #read} only. */
    public Collection<StockFacts> stock() {
        return Collections.unmodifiableCollection(stock.values());
    }

    /** Reservations held now: recorded ({@code StockReserved}) and not yet let go, per key and SKU. */
    public synchronized int reservationsHeld() {
        return heldCount;
    }

    // ---- applying events ----

    private boolean apply(DomainEvent event) {
        if (event instanceof OrderEvent) {
            return order((OrderEvent) event);
        }
        if (event instanceof FulfilmentEvent) {
            return fulfilment((FulfilmentEvent) event);
        }
        if (event instanceof InventoryEvent) {
            return inventory((InventoryEvent) event);
        }
        if (event instanceof ReturnEvent) {
            return returnEvent((ReturnEvent) event);
        }
        return false;
    }

    private OrderFacts orderFacts(OrderId id) {
        OrderFacts f = orders.get(id);
        if (f == null) {
            f = new OrderFacts(id);
            orders.put(id, f);
        }
        return f;
    }

    private boolean order(OrderEvent event) {
        if (event instanceof OrderEvent.OrderUnitsBackordered) {
            OrderEvent.OrderUnitsBackordered b = (OrderEvent.OrderUnitsBackordered) event;
            return orderFacts(b.orderId()).stockWait(b.version(), b.occurredAt(), b.moves(), b.reference());
        }
        if (event instanceof OrderEvent.OrderBackorderFilled) {
            OrderEvent.OrderBackorderFilled f = (OrderEvent.OrderBackorderFilled) event;
            return orderFacts(f.orderId()).stockWait(f.version(), f.occurredAt(), f.moves(), null);
        }
        if (event instanceof OrderEvent.UnitsMoved) {
            OrderEvent.UnitsMoved moved = (OrderEvent.UnitsMoved) event;
            switch (moved.command()) {
                case ALLOCATE:
                    return orderFacts(event.orderId()).allocated(event.occurredAt());
                case CANCEL:
                    return orderFacts(event.orderId()).cancelled(event.version(), new OrderFacts.Cancellation(
                            event.occurredAt(), cancellationReason(moved), moved.quantity(), moved.moves()));
                default:
                    return false;
            }
        }
        if (event instanceof OrderEvent.OrderStatusChanged) {
            return orderFacts(event.orderId()).status(event.version(), ((OrderEvent.OrderStatusChanged) event).to());
        }
        if (event instanceof OrderEvent.OrderPlaced) {
            Order o = ((OrderEvent.OrderPlaced) event).order();
            List<OrderFacts.PlacedLine> lines = new ArrayList<>(o.lines().size());
            for (OrderLine l : o.lines()) {
                lines.add(new OrderFacts.PlacedLine(l.id(), l.sku(), l.quantity(), l.total()));
            }
            Instant promised = o.delivery().promised() == null ? null : o.delivery().promised().latest();
            return orderFacts(o.id()).place(o.channel(), o.currency(), o.placedAt(), o.delivery().method(), promised, lines,
                    o.total());
        }
        if (event instanceof OrderEvent.OrderConfirmed) {
            return orderFacts(event.orderId()).confirmed(event.occurredAt());
        }
        if (event instanceof OrderEvent.OrderPutOnHold) {
            return orderFacts(event.orderId()).held(event.version(), ((OrderEvent.OrderPutOnHold) event).hold().reason());
        }
        return false;
    }

    private static io.omskit.core.order.CancellationReason cancellationReason(OrderEvent.UnitsMoved moved) {
        if (moved instanceof OrderEvent.OrderUnitsCancelled) {
            return ((OrderEvent.OrderUnitsCancelled) moved).reason();
        }
        @SuppressWarnings("deprecation")
        boolean legacy = moved instanceof OrderEvent.OrderUnitsMoved;
        if (legacy) {
            @SuppressWarnings("deprecation")
            io.omskit.core.order.CancellationReason r = ((OrderEvent.OrderUnitsMoved) moved).reason();
            if (r != null) {
                return r;
            }
        }
        return io.omskit.core.order.CancellationReason.OTHER;
    }

    private FulfilmentFacts fulfilmentFacts(FulfilmentId id) {
        FulfilmentFacts f = fulfilments.get(id);
        if (f == null) {
            f = new FulfilmentFacts(id);
            fulfilments.put(id, f);
        }
        return f;
    }

    private boolean fulfilment(FulfilmentEvent event) {
        if (event instanceof FulfilmentEvent.FulfilmentOffered) {
            FulfilmentEvent.FulfilmentOffered o = (FulfilmentEvent.FulfilmentOffered) event;
            List<FulfilmentFacts.OfferedLine> lines = new ArrayList<>(o.lines().size());
            for (FulfilmentLine l : o.lines()) {
                lines.add(new FulfilmentFacts.OfferedLine(l.line(), l.sku(), l.quantity() + l.rejected() + l.cancelled()));
            }
            return fulfilmentFacts(o.fulfilmentId()).offer(o.orderId(), o.kind(), o.location(), lines, o.occurredAt());
        }
        if (event instanceof FulfilmentEvent.FulfilmentShipped) {
            return fulfilmentFacts(event.fulfilmentId()).shipped(event.occurredAt());
        }
        if (event instanceof FulfilmentEvent.FulfilmentPacked) {
            if (((FulfilmentEvent.FulfilmentPacked) event).status() == FulfilmentStatus.READY_FOR_COLLECTION) {
                return fulfilmentFacts(event.fulfilmentId()).readyForCollection(event.occurredAt());
            }
            return false;
        }
        if (event instanceof FulfilmentEvent.FulfilmentArrivedAtStore) {
            return fulfilmentFacts(event.fulfilmentId()).readyForCollection(event.occurredAt());
        }
        if (event instanceof FulfilmentEvent.FulfilmentDelivered) {
            return fulfilmentFacts(event.fulfilmentId()).delivered(event.occurredAt());
        }
        if (event instanceof FulfilmentEvent.FulfilmentCollected) {
            return fulfilmentFacts(event.fulfilmentId()).collected(event.occurredAt());
        }
        if (event instanceof FulfilmentEvent.FulfilmentRejected) {
            FulfilmentEvent.FulfilmentRejected r = (FulfilmentEvent.FulfilmentRejected) event;
            return fulfilmentFacts(r.fulfilmentId()).rejected(r.version(),
                    new FulfilmentFacts.Removal(r.occurredAt(), r.units(), r.reason(), r.whole()));
        }
        if (event instanceof FulfilmentEvent.FulfilmentCancelled) {
            FulfilmentEvent.FulfilmentCancelled c = (FulfilmentEvent.FulfilmentCancelled) event;
            return fulfilmentFacts(c.fulfilmentId()).cancelled(c.version(),
                    new FulfilmentFacts.Removal(c.occurredAt(), c.units(), c.reason().name(), c.whole()));
        }
        if (event instanceof FulfilmentEvent.FulfilmentExpired) {
            return fulfilmentFacts(event.fulfilmentId()).expired(event.occurredAt());
        }
        return false;
    }

    private StockFacts position(Sku sku, LocationId location) {
        PositionKey key = new PositionKey(sku, location);
        StockFacts f = stock.get(key);
        if (f == null) {
            f = new StockFacts(sku, location);
            stock.put(key, f);
        }
        return f;
    }

    private boolean inventory(InventoryEvent event) {
        if (event instanceof InventoryEvent.StockMoved) {
            StockMovement m = ((InventoryEvent.StockMoved) event).movement();
            return position(m.sku(), m.location()).entry(m.key().value(),
                    new StockFacts.Entry(m.at(), m.reason(), m.quantity(), m.onHandDelta()));
        }
        if (event instanceof InventoryEvent.StockLevelChanged) {
            InventoryEvent.StockLevelChanged c = (InventoryEvent.StockLevelChanged) event;
            return position(c.sku(), c.location()).level(c.occurredAt(), c.eventId(), c.to());
        }
        if (event instanceof InventoryEvent.StockReserved) {
            InventoryEvent.StockReserved r = (InventoryEvent.StockReserved) event;
            String key = r.key().value() + '|' + r.sku().value();
            if (reservationsHeld.containsKey(key)) {
                return false;
            }
            reservationsHeld.put(key, Boolean.TRUE);
            heldCount++;
            return true;
        }
        if (event instanceof InventoryEvent.ReservationReleased) {
            InventoryEvent.ReservationReleased r = (InventoryEvent.ReservationReleased) event;
            Boolean before = reservationsHeld.put(r.key().value() + '|' + r.sku().value(), Boolean.FALSE);
            if (Boolean.TRUE.equals(before)) {
                heldCount--;
            }
            return !Boolean.FALSE.equals(before);
        }
        return false;
    }

    private ReturnFacts returnFacts(ReturnId id) {
        ReturnFacts f = returns.get(id);
        if (f == null) {
            f = new ReturnFacts(id);
            returns.put(id, f);
        }
        return f;
    }

    private boolean returnEvent(ReturnEvent event) {
        if (event instanceof ReturnEvent.ReturnAuthorised) {
            io.omskit.returns.rma.Return r = ((ReturnEvent.ReturnAuthorised) event).authorised();
            List<ReturnFacts.AuthorisedLine> lines = new ArrayList<>(r.lines().size());
            for (ReturnLine l : r.lines()) {
                lines.add(new ReturnFacts.AuthorisedLine(l.line(), l.sku(), l.quantity(), l.reason()));
            }
            return returnFacts(r.id()).authorise(r.orderId(), r.openedFrom(), event.occurredAt(), lines);
        }
        if (event instanceof ReturnEvent.ReturnReceived) {
            Receipt receipt = ((ReturnEvent.ReturnReceived) event).receipt();
            int units = 0;
            for (Receipt.Matched m : receipt.matched()) {
                units += m.quantity();
            }
            return returnFacts(event.returnId()).received(receipt.number(), units);
        }
        if (event instanceof ReturnEvent.RefundRequested) {
            io.omskit.returns.rma.Refund refund = ((ReturnEvent.RefundRequested) event).refund();
            List<io.omskit.core.order.LineQuantity> units = new ArrayList<>(refund.units().size());
            for (io.omskit.returns.rma.Refund.RefundedUnits u : refund.units()) {
                units.add(io.omskit.core.order.LineQuantity.of(u.line(), u.units()));
            }
            return returnFacts(event.returnId()).refundRequested(refund.key(), refund.goods(), units);
        }
        if (event instanceof ReturnEvent.ReturnRefunded) {
            return returnFacts(event.returnId()).refunded(((ReturnEvent.ReturnRefunded) event).refundKey(), event.occurredAt());
        }
        if (event instanceof ReturnEvent.StoreCreditIssued) {
            return returnFacts(event.returnId()).refunded(((ReturnEvent.StoreCreditIssued) event).refundKey(), event.occurredAt());
        }
        if (event instanceof ReturnEvent.ReturnCancelled) {
            return returnFacts(event.returnId()).cancelled(event.occurredAt());
        }
        return false;
    }

}

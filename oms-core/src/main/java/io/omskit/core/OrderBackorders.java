package io.omskit.core;

import io.omskit.core.backorder.Backorder;
import io.omskit.core.backorder.BackorderFill;
import io.omskit.core.backorder.BackorderId;
import io.omskit.core.backorder.BackorderRequest;
import io.omskit.core.backorder.BackorderResult;
import io.omskit.core.backorder.DeliveryLeg;
import io.omskit.core.backorder.SupplyKind;
import io.omskit.core.backorder.SupplyTerms;
import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Change;
import io.omskit.core.inventory.InboundSupply;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.Reservation;
import io.omskit.core.inventory.ReservationChange;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.inventory.ReservationLine;
import io.omskit.core.inventory.Shortage;
import io.omskit.core.inventory.StockMovement;
import io.omskit.core.inventory.StockPosition;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.CommandKey;
import io.omskit.core.order.LineBackorder;
import io.omskit.core.order.LineId;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderCommand;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderLine;
import io.omskit.core.spi.Catalog;
import io.omskit.core.spi.InventoryStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backorders joined to orders: placement sells the units beyond stock as backorders where the policy allows it, a
 * receipt's fills become units reserved by the order's own reservation (so sourcing and allocation treat them as any
 * reserved unit), supply dates reach the order's lines, and units cancelled on the order leave the queue. The order
 * is the record of what the customer still wants; the backorder book follows it.
 */
final class OrderBackorders implements Backorders.FillTarget {

    private static final Logger LOG = LoggerFactory.getLogger(OrderBackorders.class);

    private final OrderBook book;
    private final Backorders backorders;
    private final InventoryStore inventory;
    private final Catalog catalog;
    private final DeliveryLeg leg;
    private final java.util.function.ToIntFunction<Order> priority;
    private final Clock clock;
    private final ConcurrentLinkedQueue<BackorderId> datesToTell = new ConcurrentLinkedQueue<>();

    /** Joined to {@code unjoined}; null when the host configured no backorders. */
    OrderBackorders(OrderBook book, Backorders unjoined, InventoryStore inventory, Catalog catalog, DeliveryLeg leg,
                    java.util.function.ToIntFunction<Order> priority, Clock clock) {
        this.book = book;
        this.priority = priority;
        this.inventory = inventory;
        this.catalog = catalog;
        this.leg = leg;
        this.clock = clock;
        this.backorders = unjoined == null ? null : unjoined.joinedTo(this);
    }

    /** The host's priority for the order, brought within 0 to the highest priority (a value outside is logged). */
    private int priorityOf(Order order) {
        int p = priority.applyAsInt(order);
        if (p < 0 || p > BackorderRequest.MAX_PRIORITY) {
            int bounded = Math.max(0, Math.min(BackorderRequest.MAX_PRIORITY, p));
            LOG.warn("backorder priority {} for order {} is outside 0 to {}: {} taken", p, order.id(),
                    BackorderRequest.MAX_PRIORITY, bounded);
            return bounded;
        }
        return p;
    }

    /** The joined service; null when none is configured. */
    Backorders service() {
        return backorders;
    }

    boolean enabled() {
        return backorders != null;
    }

    /** The id of the backorder of {@code line} of {@code order}: one per line, stable across retries. */
    static BackorderId idOf(OrderId order, LineId line) {
        String text = "bo-" + order.value() + "-" + line.value();
        if (text.length() <= 100) {
            return BackorderId.of(text);
        }
        return BackorderId.of("bo-" + UUID.nameUUIDFromBytes((order.value() + '\u0000' + line.value())
                .getBytes(StandardCharsets.UTF_8)));
    }

    // ---- placement ----

    /** What placement sells beyond stock per line; empty when nothing. */
    record Split(Map<LineId, Backorder> backordered, boolean refused) {
        static final Split NONE = new Split(Map.of(), false);
        static final Split REFUSED = new Split(Map.of(), true);

        /** This split and {@code more} (of other lines). */
        Split plus(Split more) {
            Map<LineId, Backorder> all = new LinkedHashMap<>(backordered);
            all.putAll(more.backordered);
            return new Split(all, refused || more.refused);
        }
    }

    /**
     * The backorders an earlier call of this placement placed and the order does not show yet (a retry): its split.
     * Lines that await stock already (a later payment attempt) keep their backorders as they are.
     */
    Split placedBefore(Order order) {
        if (backorders == null) {
            return Split.NONE;
        }
        Map<LineId, Backorder> found = new LinkedHashMap<>();
        boolean refused = false;
        for (OrderLine l : order.lines()) {
            if (l.backorder() != null) {
                continue;
            }
            Optional<Backorder> b = backorders.find(idOf(order.id(), l.id()));
            if (b.isPresent()) {
                found.put(l.id(), b.get());
                // cancelled before the order took them: the first call gave up on the placement
                refused |= b.get().cancelled() > 0 && l.backorder() == null;
            }
        }
        return refused ? Split.REFUSED : new Split(found, false);
    }

    /**
     * Places the units {@code shortages} leave short as backorders, line by line; all or none (those placed are
     * cancelled again when one is refused). A later payment attempt sells beyond stock as placement did, under the same
     * policy, for lines that do not wait for supply yet; a line that waits already (one backorder per line) is refused.
     */
    Split place(Order order, List<Shortage> shortages) {
        if (backorders == null) {
            return Split.REFUSED;
        }
        Map<Sku, Integer> shortBy = new LinkedHashMap<>();
        for (Shortage s : shortages) {
            shortBy.merge(s.sku(), Math.max(0, s.requested() - s.available()), Integer::sum);
        }
        Map<LineId, Integer> wanted = new LinkedHashMap<>();
        // later lines give up their units first: the first lines of a cart are the ones the customer chose first
        List<OrderLine> lines = new ArrayList<>(order.lines());
        java.util.Collections.reverse(lines);
        for (OrderLine l : lines) {
            Integer left = shortBy.get(l.sku());
            if (left == null || left == 0 || l.units().open() == 0) {
                continue;
            }
            int n = Math.min(left, l.units().open());
            wanted.put(l.id(), n);
            shortBy.put(l.sku(), left - n);
        }
        for (Map.Entry<Sku, Integer> e : shortBy.entrySet()) {
            if (e.getValue() > 0) {
                // short of a component of a bundle, or of a SKU sold as something else: not sold beyond stock
                return Split.REFUSED;
            }
        }
        for (OrderLine l : order.lines()) {
            if (wanted.containsKey(l.id()) && (!sellsItself(l.sku()) || l.backorder() != null)) {
                return Split.REFUSED;
            }
        }
        Map<LineId, Backorder> placed = new LinkedHashMap<>();
        for (OrderLine l : order.lines()) {
            Integer n = wanted.get(l.id());
            if (n == null) {
                continue;
            }
            Optional<Backorder> b = placeAnywhere(order, l, n);
            if (b.isEmpty()) {
                LOG.debug("order {} line {}: {} unit(s) of {} may not wait for supply", order.id(), l.id(), n, l.sku());
                placed.values().forEach(p -> backorders.cancel(p.id(), p.quantity()));
                return Split.REFUSED;
            }
            placed.put(l.id(), b.get());
        }
        return new Split(placed, false);
    }

    private boolean sellsItself(Sku sku) {
        Map<Sku, Integer> units = catalog.stockUnits(sku, 1);
        return units.size() == 1 && Integer.valueOf(1).equals(units.get(sku));
    }

    /** Where announced inbound covers the units first, else wherever the SKU is kept and the terms allow. */
    private Optional<Backorder> placeAnywhere(Order order, OrderLine line, int units) {
        Set<LocationId> candidates = new LinkedHashSet<>();
        for (InboundSupply s : inventory.inbound(line.sku())) {
            candidates.add(s.location());
        }
        for (StockPosition p : inventory.positions(line.sku())) {
            candidates.add(p.location());
        }
        BackorderId id = idOf(order.id(), line.id());
        for (LocationId at : candidates) {
            SupplyTerms terms = backorders.policy().terms(line.sku(), at);
            if (terms.sellsOnlyStock()) {
                continue;
            }
            BackorderResult r = backorders.place(new BackorderRequest(id, order.id(), line.id(), line.sku(), at, units,
                    priorityOf(order)));
            if (r instanceof BackorderResult.Accepted a) {
                return Optional.of(a.backorder());
            }
        }
        return Optional.empty();
    }

    /** The order with each backordered line's units awaiting stock, promised from the book's dates. */
    Change<Order, OrderEvent> awaitStock(Order order, Map<LineId, Backorder> split, Instant now) {
        Change<Order, OrderEvent> change = Change.unchanged(order);
        for (Map.Entry<LineId, Backorder> e : split.entrySet()) {
            Backorder b = backorders.find(e.getValue().id()).orElse(e.getValue());
            LineBackorder lb = new LineBackorder(b.quantity(), 0, b.location(), b.kind() == SupplyKind.PREORDER,
                    b.expectedAt(), promise(order, b));
            change = change.then(o -> o.awaitStock(e.getKey(), lb, now));
        }
        return change;
    }

    private Instant promise(Order order, Backorder b) {
        return b.expectedAt() == null ? null : b.expectedAt().plus(leg.after(b.location(), order));
    }

    /** Gives up the backorders of a placement that failed: every waiting unit leaves the queue. */
    void cancelAll(Map<LineId, Backorder> split) {
        split.values().forEach(b -> backorders.cancel(b.id(), b.quantity()));
    }

    // ---- cancellation ----

    /** The units the order cancelled while they awaited stock leave the queue. Idempotent. */
    void followCancellations(Order order) {
        if (backorders == null) {
            return;
        }
        for (OrderLine l : order.lines()) {
            LineBackorder lb = l.backorder();
            if (lb != null) {
                int cancelled = lb.quantity() - lb.filled() - l.units().awaitingStock();
                if (cancelled > 0) {
                    backorders.cancel(idOf(order.id(), l.id()), cancelled);
                }
            }
        }
    }

    // ---- receipts ----

    /** A stock movement booked through the library: a receipt fills, an announcement or cancellation re-dates. */
    void moved(StockMovement m) {
        if (backorders == null) {
            return;
        }
        if (m.reason() == MovementReason.INBOUND_RECEIVED) {
            backorders.receiptBooked(m);
        } else if (m.reason() == MovementReason.INBOUND_EXPECTED || m.reason() == MovementReason.INBOUND_CANCELLED) {
            backorders.supplyChanged(m.sku(), m.location());
        }
        tellDates();
    }

    /** Inbound stock movements among inventory events, each handled as {@link #moved}; others are ignored. */
    void seen(List<? extends io.omskit.core.event.DomainEvent> events) {
        for (io.omskit.core.event.DomainEvent e : events) {
            // under an order's lock the library is booking the movement itself, and handles it when done
            if (e instanceof io.omskit.core.inventory.InventoryEvent.StockMoved m && !OrderBook.holdsAnyLock()) {
                moved(m.movement());
            }
        }
    }

    @Override
    public Backorders.HoldAnswer hold(BackorderFill fill, Backorder backorder) {
        if (OrderBook.holdsAnyLock()) {
            return Backorders.HoldAnswer.WAIT_AGAIN;
        }
        return book.locked(fill.order(), () -> holdLocked(fill, backorder));
    }

    /** Units of the line cancelled while they waited, in all. */
    private static int cancelledWhileWaiting(OrderLine line) {
        return line.backorder().quantity() - line.backorder().filled() - line.units().awaitingStock();
    }

    private Backorders.HoldAnswer holdLocked(BackorderFill fill, Backorder backorder) {
        Order order = book.load(fill.order());
        String ref = Backorders.reservationKey(fill).value();
        CommandKey key = CommandKey.of(OrderCommand.RESERVE, ref);
        OrderLine line = order.line(backorder.line()).orElse(null);
        boolean applied = order.applied(key);
        if (!applied && line != null && line.backorder() != null && line.units().awaitingStock() < fill.units()) {
            // cancelled on the order while the receipt filled them: the arrived units go to the backorders behind
            return Backorders.HoldAnswer.givenUp(cancelledWhileWaiting(line));
        }
        if (!applied && (line == null || line.backorder() == null
                || order.units(io.omskit.core.order.UnitState.OPEN) > 0 || order.isOnHold())) {
            // its placement is not finished: the units wait again
            return Backorders.HoldAnswer.WAIT_AGAIN;
        }
        ReservationKey reservation = StockKeeper.reservationKey(order);
        List<ReservationLine> before = held(reservation);
        List<ReservationLine> lines = new ArrayList<>(before);
        if (!applied) {
            lines.add(ReservationLine.at(fill.sku(), fill.location(), fill.units()));
        }
        if (!lines.isEmpty() && !inventory.change(new ReservationChange(reservation, ref, StockKeeper.stockReference(order.id()),
                lines, null)).isReserved()) {
            return applied ? Backorders.HoldAnswer.HELD : Backorders.HoldAnswer.WAIT_AGAIN;
        }
        if (applied) {
            return Backorders.HoldAnswer.HELD;
        }
        if (!restored(order, fill, reservation, ref)) {
            return Backorders.HoldAnswer.WAIT_AGAIN;
        }
        Order after = book.update(order.id(), o -> o.applied(key) || o.line(backorder.line()).orElseThrow().awaitingStock() < fill.units()
                ? Change.unchanged(o)
                : OrderBook.withKey(o.fillBackorder(backorder.line(), fill.units(), ref, clock.instant()), key)).after();
        if (after.applied(key)) {
            return Backorders.HoldAnswer.HELD;
        }
        // another node cancelled the waiting units meanwhile: the reservation gives the arrived units back
        if (before.isEmpty()) {
            inventory.release(reservation);
        } else {
            inventory.change(new ReservationChange(reservation, ref + "~back", StockKeeper.stockReference(order.id()), before,
                    null));
        }
        OrderLine now = after.line(backorder.line()).orElseThrow();
        return now.units().awaitingStock() < fill.units() ? Backorders.HoldAnswer.givenUp(cancelledWhileWaiting(now))
                : Backorders.HoldAnswer.WAIT_AGAIN;
    }

    private List<ReservationLine> held(ReservationKey reservation) {
        List<ReservationLine> lines = new ArrayList<>();
        inventory.findReservation(reservation).filter(Reservation::isActive).ifPresent(r -> lines.addAll(r.held()));
        return lines;
    }

    /**
     * Whether the reservation holds the order's reserved units of the fill's SKU and the fill's units besides, after
     * the change under {@code ref}; when it does not, the units missing (at most the fill's) are reserved again. A
     * retry needs this: a sync of the order between the first call's change and its save trims the units the order
     * did not count yet, and the change replayed under the same key does not bring them back.
     *
     * @return false when the missing units cannot be reserved (the order is left as it was)
     */
    private boolean restored(Order order, BackorderFill fill, ReservationKey reservation, String ref) {
        int wanted = fill.units();
        for (OrderLine l : order.lines()) {
            if (l.units().reserved() > 0) {
                wanted += catalog.stockUnits(l.sku(), l.units().reserved()).getOrDefault(fill.sku(), 0);
            }
        }
        List<ReservationLine> now = held(reservation);
        int held = now.stream().filter(l -> l.sku().equals(fill.sku())).mapToInt(ReservationLine::quantity).sum();
        int missing = Math.min(fill.units(), wanted - held);
        if (missing <= 0) {
            return true;
        }
        LOG.info("order {}: {} unit(s) of {} filled from {} were let go before the order took them; reserving them again",
                order.id(), missing, fill.sku(), fill.receipt());
        List<ReservationLine> lines = new ArrayList<>(now);
        lines.add(ReservationLine.at(fill.sku(), fill.location(), missing));
        String restoreKey = ref.length() > 60 ? ref.substring(0, 60) : ref;
        restoreKey += "~again-" + UUID.nameUUIDFromBytes(now.toString().getBytes(StandardCharsets.UTF_8));
        return inventory.change(new ReservationChange(reservation, restoreKey, StockKeeper.stockReference(order.id()),
                lines, null)).isReserved();
    }

    @Override
    public void refused(BackorderFill fill, Backorder backorder) {
        // the units waited again; those the order cancelled meanwhile leave the queue now
        book.find(fill.order()).ifPresent(this::followCancellations);
    }

    // ---- dates ----

    @Override
    public void expected(Backorder backorder) {
        datesToTell.add(backorder.id());
        if (!OrderBook.holdsAnyLock()) {
            tellDates();
        }
    }

    /**
     * Tells the orders the dates their waiting units moved to. Call it holding no order's lock.
     *
     * @throws RuntimeException when an adapter failed; what was not told yet is told by the next call (a retry of
     *                          the step that failed)
     */
    void tellDates() {
        BackorderId id;
        while ((id = datesToTell.poll()) != null) {
            try {
                tell(id);
            } catch (RuntimeException e) {
                datesToTell.add(id);
                throw e;
            }
        }
    }

    private void tell(BackorderId id) {
        Optional<Backorder> found = backorders.find(id);
        if (found.isEmpty()) {
            return;
        }
        Backorder b = found.get();
        book.locked(b.order(), () -> {
            Optional<Order> o = book.find(b.order());
            if (o.isPresent() && o.get().line(b.line()).map(l -> l.backorder() != null && l.awaitingStock() > 0).orElse(false)) {
                Instant promised = promise(o.get(), b);
                book.update(b.order(), x -> x.expectStock(b.line(), b.kind() == SupplyKind.PREORDER, b.expectedAt(),
                        promised, clock.instant()));
            }
            return null;
        });
    }
}

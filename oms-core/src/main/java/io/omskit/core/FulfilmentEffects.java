package io.omskit.core;

import io.omskit.core.common.Change;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentEvent;
import io.omskit.core.fulfilment.FulfilmentKind;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.CommandKey;
import io.omskit.core.order.LineAllocation;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderCommand;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.ShipmentIntent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The effects of a fulfilment's steps on its order, its stock and its payment: each step the order does not reflect yet
 * is applied to it under a key fixed by the step (units move, a shipment's or collection's stock leaves the location, a
 * transfer's uncollected units go onto the pickup store's shelf), so running it again repeats nothing. Used by
 * {@link Fulfilments} after each step, on a retry and by its sync.
 */
final class FulfilmentEffects {

    private final OrderBook book;
    private final StockKeeper stock;
    private final Settlement settlement;
    private final Clock clock;

    FulfilmentEffects(OrderBook book, StockKeeper stock, Settlement settlement, Clock clock) {
        this.book = book;
        this.stock = stock;
        this.settlement = settlement;
        this.clock = clock;
    }

    /** The order command that reflects {@code event} of {@code f}; null when the order does not change. */
    static OrderCommand orderCommand(Fulfilment f, FulfilmentEvent event) {
        if (f.reshipsParcel()) {
            // its units are counted on the order once, as the original parcel's: see reshipmentEffects
            return null;
        }
        if (event instanceof FulfilmentEvent.FulfilmentRejected) {
            return OrderCommand.DEALLOCATE;
        }
        if (event instanceof FulfilmentEvent.FulfilmentPacked) {
            return f.kind() == FulfilmentKind.SHIP_TO_STORE ? null : OrderCommand.MARK_READY;
        }
        if (event instanceof FulfilmentEvent.FulfilmentArrivedAtStore) {
            return OrderCommand.MARK_READY;
        }
        if (event instanceof FulfilmentEvent.FulfilmentShipped) {
            return f.kind() == FulfilmentKind.SHIP_TO_STORE ? null : OrderCommand.SHIP;
        }
        if (event instanceof FulfilmentEvent.FulfilmentCollected) {
            return OrderCommand.PICK_UP;
        }
        if (event instanceof FulfilmentEvent.FulfilmentDelivered) {
            return OrderCommand.DELIVER;
        }
        if (event instanceof FulfilmentEvent.FulfilmentCancelled || event instanceof FulfilmentEvent.FulfilmentExpired) {
            return OrderCommand.CANCEL;
        }
        return null;
    }

    private static CommandKey orderKey(Fulfilment f, FulfilmentEvent event, OrderCommand command) {
        return CommandKey.of(command, f.id().value() + "#" + event.version());
    }

    /**
     * Applies to the order, its stock and its payment every step of {@code f} after the last one the order reflects.
     * Steps that change the order are keyed on it; stock movements are keyed by the step; so a second run repeats
     * nothing. In {@code recovery} (a retry, a sync) it also replays the stock movements of the steps the order
     * already reflects, and with {@code trimStock} trims the fulfilment's allocation to what the order holds, for a call
     * that stopped between the order and the stock.
     *
     * @return whether the payment may have to follow (units were delivered or cancelled, or in recovery; a hand-over
     *         settled it already)
     */
    boolean propagate(Fulfilment f, boolean recovery, boolean trimStock) {
        if (f.reshipsParcel()) {
            reshipmentEffects(f);
            return false;
        }
        boolean money = recovery;
        // read only when a step has an effect on the order (an acceptance or a pick has none)
        Order order = null;
        long done = 0;
        for (int i = f.history().size() - 1; i >= 0 && done == 0; i--) {
            FulfilmentEvent e = f.history().get(i);
            OrderCommand command = orderCommand(f, e);
            if (command == null) {
                continue;
            }
            if (order == null) {
                order = book.current(f.orderId());
            }
            if (order.applied(orderKey(f, e, command))) {
                done = e.version();
            }
        }
        boolean transferLeft = false;
        String share = f.id().value();
        for (FulfilmentEvent e : f.history()) {
            if (e instanceof FulfilmentEvent.FulfilmentShipped && f.kind() == FulfilmentKind.SHIP_TO_STORE) {
                transferLeft = true;
            }
            if (e.version() <= done) {
                if (recovery) {
                    replayStock(f, e, transferLeft);
                }
                continue;
            }
            OrderCommand command = orderCommand(f, e);
            Instant now = clock.instant();
            if (command == null) {
                if (e instanceof FulfilmentEvent.FulfilmentShipped) {
                    moveTransferOut(f, e);
                }
                continue;
            }
            CommandKey key = orderKey(f, e, command);
            // a hand-over (a shipment, a collection from the shelf) settles the payment itself before it returns
            boolean handedOver = command == OrderCommand.SHIP
                    || (command == OrderCommand.PICK_UP && f.kind() != FulfilmentKind.SHIP_TO_STORE);
            money |= command != OrderCommand.MARK_READY && command != OrderCommand.DEALLOCATE && !handedOver;
            switch (command) {
                case DEALLOCATE -> {
                    List<LineQuantity> units = ((FulfilmentEvent.FulfilmentRejected) e).units();
                    OrderBook.Applied applied = book.update(f.orderId(), o -> o.applied(key) ? Change.unchanged(o)
                            : OrderBook.withKey(o.deallocate(share, units, now), key));
                    stock.syncStock(applied.after(), applied.before(), Set.of(), false);
                }
                case MARK_READY -> book.update(f.orderId(), o -> o.applied(key) ? Change.unchanged(o)
                        : OrderBook.withKey(o.markReady(share, held(o, share, true), now), key));
                case SHIP -> handOver(f.orderId(), share, unhanded(f, key), key,
                        (o, t) -> o.ship(share, held(o, share, false), key.key(), t));
                case PICK_UP -> {
                    if (f.kind() == FulfilmentKind.SHIP_TO_STORE) {
                        // the stock left the warehouse with the transfer: nothing moves in the store's stock
                        book.update(f.orderId(), o -> o.applied(key) ? Change.unchanged(o)
                                : OrderBook.withKey(o.pickUp(share, held(o, share, false), now), key));
                    } else {
                        handOver(f.orderId(), share, unhanded(f, key), key,
                                (o, t) -> o.pickUp(share, held(o, share, false), t));
                    }
                }
                case DELIVER -> book.update(f.orderId(), o -> {
                    // a re-shipment of the parcel may have delivered its units first: the parcel turned up after all
                    List<LineQuantity> units = stillShipped(o, f.units());
                    return o.applied(key) || units.isEmpty() ? Change.unchanged(o)
                            : OrderBook.withKey(o.deliver(units, key.key(), now), key);
                });
                case CANCEL -> {
                    List<LineQuantity> units = e instanceof FulfilmentEvent.FulfilmentCancelled c ? c.units()
                            : ((FulfilmentEvent.FulfilmentExpired) e).units();
                    CancellationReason reason = e instanceof FulfilmentEvent.FulfilmentCancelled c ? c.reason()
                            : CancellationReason.NOT_COLLECTED;
                    io.omskit.core.order.Actor actor = e instanceof FulfilmentEvent.FulfilmentCancelled c ? c.actor()
                            : io.omskit.core.order.Actor.SYSTEM;
                    OrderBook.Applied applied = book.update(f.orderId(), o -> o.applied(key) ? Change.unchanged(o)
                            : OrderBook.withKey(o.cancelHeld(share, units, reason, actor, now), key));
                    if (transferLeft) {
                        backOnTheStoreShelf(f, e, units, applied.after());
                    } else {
                        stock.syncStock(applied.after(), applied.before(), Set.of(), false);
                    }
                }
                default -> throw new IllegalStateException("no order effect for " + command);
            }
        }
        if (trimStock) {
            Order after = book.current(f.orderId());
            stock.syncStock(after, null, Set.of(f.inventoryKey().value()), false);
        }
        return money;
    }

    /**
     * The effects of a re-shipment's steps, every one keyed so that running them again repeats nothing, and none moving
     * money or changing the order's quantities: until it ships, its allocation holds exactly the units it still has
     * (what a rejection or cancellation took goes back to availability); its shipment takes its stock off its location;
     * its delivery delivers those of the order's units of its lines that are still shipped (the original parcel's,
     * lost on the way; a damaged parcel's were delivered already and stay so).
     */
    private void reshipmentEffects(Fulfilment f) {
        Order order = book.current(f.orderId());
        boolean shipped = false;
        for (FulfilmentEvent e : f.history()) {
            if (e instanceof FulfilmentEvent.FulfilmentShipped) {
                shipped = true;
                stock.ship(order, unitsAt(f, e.version()), f.inventoryKey(), f.location(), "reship-" + f.id() + "#" + e.version());
            } else if (e instanceof FulfilmentEvent.FulfilmentDelivered) {
                CommandKey key = CommandKey.of(OrderCommand.DELIVER, f.id().value() + "#" + e.version());
                Instant now = clock.instant();
                book.update(f.orderId(), o -> {
                    List<LineQuantity> stillShipped = stillShipped(o, f.units());
                    if (o.applied(key) || stillShipped.isEmpty()
                            || !io.omskit.core.order.OrderTransitions.isAllowed(o.status(), OrderCommand.DELIVER)) {
                        return Change.unchanged(o);
                    }
                    return OrderBook.withKey(o.deliver(stillShipped, key.key(), now), key);
                });
            }
        }
        if (!shipped) {
            stock.trimAllocation(order, f.inventoryKey(), f.location(), f.units());
        }
    }

    /** Of {@code units}, those the order still counts as shipped, line by line. */
    static List<LineQuantity> stillShipped(Order order, List<LineQuantity> units) {
        List<LineQuantity> out = new ArrayList<>();
        for (LineQuantity q : units) {
            int shipped = order.line(q.line()).map(l -> l.units().shipped()).orElse(0);
            int n = Math.min(shipped, q.quantity());
            if (n > 0) {
                out.add(LineQuantity.of(q.line(), n));
            }
        }
        return out;
    }

    /** The stock movements of a step the order already reflects, made again (keyed: replayed, not repeated). */
    private void replayStock(Fulfilment f, FulfilmentEvent e, boolean transferLeft) {
        if (e instanceof FulfilmentEvent.FulfilmentShipped && f.kind() == FulfilmentKind.SHIP_TO_STORE) {
            moveTransferOut(f, e);
        } else if (transferLeft && e instanceof FulfilmentEvent.FulfilmentCancelled c) {
            backOnTheStoreShelf(f, e, c.units(), book.current(f.orderId()));
        } else if (transferLeft && e instanceof FulfilmentEvent.FulfilmentExpired x) {
            backOnTheStoreShelf(f, e, x.units(), book.current(f.orderId()));
        }
    }

    /**
     * Units of a fulfilment leave its location (shipped or collected). The order first: from then on a cancellation
     * cannot take them, and the allocation keeps holding them until the stock movements (keyed by the hand-over) are
     * made, by this call, its retry or the next command on the order; then the payment is settled.
     */
    private Order handOver(OrderId id, String allocationKey, List<LineQuantity> quantities, CommandKey key,
                           BiFunction<Order, Instant, Change<Order, OrderEvent>> command) {
        // within the step's section: the order it read or saved a moment ago
        return book.lockedKeepingRead(id, () -> {
            Order before = book.current(id);
            if (!before.applied(key)) {
                LineAllocation held = heldBy(before, allocationKey);
                Instant now = clock.instant();
                ShipmentIntent intent = new ShipmentIntent(key.key(), held.inventoryKey(), held.location(), quantities);
                book.update(id, o -> o.applied(key) ? Change.unchanged(o)
                        : OrderBook.withKey(command.apply(o, now), key).then(p -> Change.unchanged(p.withShipping(intent))));
            }
            book.completeShipments(book.current(id));
            return settlement.settle(id);
        });
    }

    private static LineAllocation heldBy(Order order, String allocationKey) {
        for (LineAllocation a : order.allocations()) {
            if (a.allocationKey().equals(allocationKey)) {
                return a;
            }
        }
        throw new IllegalArgumentException("allocationKey " + allocationKey + " holds nothing of order " + order.id());
    }

    /** The units {@code f} was fulfilling when it reached {@code version}. */
    private static List<LineQuantity> unitsAt(Fulfilment f, long version) {
        Map<LineId, Integer> units = new LinkedHashMap<>();
        for (FulfilmentEvent e : f.history()) {
            if (e.version() > version) {
                break;
            }
            if (e instanceof FulfilmentEvent.FulfilmentOffered o) {
                o.lines().forEach(l -> units.put(l.line(), l.quantity()));
            } else if (e instanceof FulfilmentEvent.FulfilmentRejected r) {
                r.units().forEach(q -> units.merge(q.line(), -q.quantity(), Integer::sum));
            } else if (e instanceof FulfilmentEvent.FulfilmentCancelled c) {
                c.units().forEach(q -> units.merge(q.line(), -q.quantity(), Integer::sum));
            } else if (e instanceof FulfilmentEvent.FulfilmentExpired x) {
                x.units().forEach(q -> units.merge(q.line(), -q.quantity(), Integer::sum));
            }
        }
        List<LineQuantity> left = new ArrayList<>();
        units.forEach((line, n) -> {
            if (n > 0) {
                left.add(LineQuantity.of(line, n));
            }
        });
        return left;
    }

    /** The units of {@code f} the order still holds for the hand-over keyed {@code key}; none when it was handed over. */
    private List<LineQuantity> unhanded(Fulfilment f, CommandKey key) {
        Order order = book.current(f.orderId());
        return order.applied(key) ? List.of() : held(order, f.id().value(), false);
    }

    /** The units the order's share of fulfilment {@code share} holds: allocated ones, or (else) ready ones. */
    private static List<LineQuantity> held(Order order, String share, boolean allocatedOnly) {
        List<LineQuantity> units = new ArrayList<>();
        for (LineAllocation a : order.allocations()) {
            if (a.allocationKey().equals(share)) {
                int n = allocatedOnly ? a.allocated() : a.units();
                if (n > 0) {
                    units.add(LineQuantity.of(a.line(), n));
                }
            }
        }
        if (units.isEmpty()) {
            throw new IllegalStateException("order " + order.id() + " holds nothing for fulfilment " + share);
        }
        return units;
    }

    /** A transfer left the warehouse: its stock leaves the warehouse's allocation (keyed, so replayed, not repeated). */
    private void moveTransferOut(Fulfilment f, FulfilmentEvent shipped) {
        Order order = book.current(f.orderId());
        stock.ship(order, unitsAt(f, shipped.version()), f.inventoryKey(), f.location(),
                "transfer-" + f.id() + "#" + shipped.version());
    }

    /** Units of a transfer that waited at the pickup store go onto its shelf as sellable stock (keyed by the step). */
    private void backOnTheStoreShelf(Fulfilment f, FulfilmentEvent step, List<LineQuantity> units, Order order) {
        stock.receive(order, units, f.pickupStore(), "uncollected-" + f.id() + "#" + step.version(),
                "uncollected " + f.orderId());
    }
}

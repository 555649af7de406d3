package io.omskit.core;

import io.omskit.core.common.Change;
import io.omskit.core.common.Checks;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentCommand;
import io.omskit.core.fulfilment.IllegalFulfilmentTransitionException;
import io.omskit.core.order.Actor;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.CommandKey;
import io.omskit.core.order.IllegalTransitionException;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderCommand;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.UnitState;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Cancellation of an order's units: of units no fulfilment holds yet, or of the whole order, its fulfilments first.
 * Each releases the stock of what it cancelled and settles the payment (what was authorised for the cancelled units
 * is voided). What each operation promises, and what a retry after a failure does, is written on {@link Oms}.
 */
final class Cancellation {

    private final OrderBook book;
    private final StockKeeper stock;
    private final Settlement settlement;
    private final Fulfilments fulfilments;
    private final Clock clock;
    private OrderBackorders backorders;

    /** Joins backorders: units cancelled while awaiting stock leave the queue. */
    void backorders(OrderBackorders joined) {
        this.backorders = joined;
    }

    private void follow(Order order) {
        if (backorders != null) {
            backorders.followCancellations(order);
        }
    }

    Cancellation(OrderBook book, StockKeeper stock, Settlement settlement, Fulfilments fulfilments, Clock clock) {
        this.book = book;
        this.stock = stock;
        this.settlement = settlement;
        this.fulfilments = fulfilments;
        this.clock = clock;
    }

    /** Cancels units no fulfilment holds, under {@code cancellationKey} when not null. */
    Order cancel(OrderId id, List<LineQuantity> quantities, CancellationReason reason, String cancellationKey) {
        return cancel(id, quantities, reason, cancellationKey, Actor.SYSTEM);
    }

    /** Cancels units no fulfilment holds as {@code actor} asked, under {@code cancellationKey} when not null. */
    Order cancel(OrderId id, List<LineQuantity> quantities, CancellationReason reason, String cancellationKey, Actor actor) {
        Checks.notNull(quantities, "quantities");
        Checks.notNull(reason, "reason");
        CommandKey key = cancellationKey == null ? null : CommandKey.of(OrderCommand.CANCEL, cancellationKey);
        return book.locked(id, () -> {
            OrderBook.Applied applied;
            try {
                applied = book.update(id, o -> key != null && o.applied(key) ? Change.unchanged(o)
                        : OrderBook.withKey(o.cancel(quantities, reason, actor, clock.instant()), key));
            } catch (io.omskit.core.order.IllegalTransitionException refused) {
                throw heldByFulfilments(book.current(id), quantities, refused);
            }
            stock.syncStock(applied.after(), applied.before(), Set.of(), !applied.changed());
            follow(applied.after());
            return settlement.settle(id);
        });
    }

    /**
     * The refusal of a cancellation that asked for units fulfilments hold, naming the fulfilments to cancel them through;
     * {@code refused} itself when that was not why.
     */
    private static io.omskit.core.order.IllegalTransitionException heldByFulfilments(Order order, List<LineQuantity> quantities,
                                                                                     io.omskit.core.order.IllegalTransitionException refused) {
        java.util.Set<String> holders = new java.util.TreeSet<>();
        for (LineQuantity q : quantities) {
            order.line(q.line()).ifPresent(line -> {
                if (line.units().open() + line.units().reserved() + line.units().awaitingStock() < q.quantity()) {
                    order.allocations().stream().filter(a -> a.line().equals(q.line()))
                            .forEach(a -> holders.add(a.allocationKey()));
                }
            });
        }
        if (holders.isEmpty()) {
            return refused;
        }
        return new io.omskit.core.order.IllegalTransitionException(order.id(), order.status(), OrderCommand.CANCEL,
                "the units asked for are held by fulfilments " + holders + ": cancel them with Fulfilments.cancel");
    }

    /** Cancels every unit not yet shipped or collected: the fulfilments first, then the units no fulfilment holds. */
    Order cancelOrder(OrderId id, CancellationReason reason) {
        return cancelOrder(id, reason, Actor.SYSTEM);
    }

    /** {@link #cancelOrder(OrderId, CancellationReason)} as {@code actor} asked. */
    Order cancelOrder(OrderId id, CancellationReason reason, Actor actor) {
        Checks.notNull(reason, "reason");
        return book.locked(id, () -> {
            OrderBook.Applied applied = null;
            // an allocation recorded by another node meanwhile gives the order a fulfilment to cancel: another round
            for (int round = 0; round < OrderBook.MAX_CONFLICT_RETRIES; round++) {
                // an earlier call (this one's, or a step of a fulfilment) may have stopped before the order followed it
                fulfilments.catchUp(id);
                for (Fulfilment f : fulfilments.forOrder(id)) {
                    // a re-shipment makes good units the customer was sold and shipped already: not the order's to cancel
                    if (f.accepts(FulfilmentCommand.CANCEL) && !f.reshipsParcel()) {
                        try {
                            fulfilments.cancel(f.id(), null, reason, "order-cancelled", actor);
                        } catch (IllegalFulfilmentTransitionException movedOn) {
                            // shipped or collected meanwhile (another node): those units are the customer's now
                        }
                    }
                }
                applied = book.update(id, o -> o.units(UnitState.OPEN) + o.units(UnitState.RESERVED)
                        + o.units(UnitState.AWAITING_STOCK) == 0 ? Change.unchanged(o) : o.cancelAll(reason, actor, clock.instant()));
                stock.syncStock(applied.after(), applied.before(), Set.of(), !applied.changed());
                follow(applied.after());
                if (!fulfilments.holdsCancellable(applied.after())) {
                    break;
                }
            }
            if (applied.after().units(UnitState.CANCELLED) == 0) {
                throw new IllegalTransitionException(id, applied.after().status(), OrderCommand.CANCEL,
                        "no unit left to cancel");
            }
            return settlement.settle(id);
        });
    }
}

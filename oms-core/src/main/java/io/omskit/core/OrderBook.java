package io.omskit.core;

import com.google.common.util.concurrent.Striped;
import io.omskit.core.common.Change;
import io.omskit.core.common.Checks;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.CommandKey;
import io.omskit.core.order.ExternalOrderRef;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderId;
import io.omskit.core.spi.EventPublisher;
import io.omskit.core.spi.OrderRepository;
import io.omskit.core.spi.SaveOutcome;
import io.omskit.core.spi.SpiException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The orders as the workflows read and change them: one lock per order within this process, a read that first
 * publishes the events of the order's last change when this process has not seen them published, and a command
 * applied to the order and saved against the version it was read at, retried on a conflict, its events published
 * after the save (or left to the repository's outbox). Before a command is applied, the stock movements of the
 * order's shipments in progress are made, so that a change never forgets a shipment whose stock has not left.
 */
final class OrderBook {

    private static final Logger LOG = LoggerFactory.getLogger(OrderBook.class);
    /** How often a command is tried on version conflicts, and how many rounds a workflow goes while others race it. */
    static final int MAX_CONFLICT_RETRIES = 8;

    private final OrderRepository orders;
    private final EventPublisher events;
    private final StockKeeper stock;
    private final Striped<Lock> locks = Striped.lock(256);
    /**
     * Per thread, the orders whose lock it holds, each with the version it last read or saved under that lock: within
     * one locked section the order is read from the repository once, and then what this thread saved is the order.
     */
    private final ThreadLocal<java.util.Map<OrderId, Held>> held = ThreadLocal.withInitial(java.util.HashMap::new);
    /** The highest version of each order whose events this process published; an optimisation, not a guarantee. */
    private final RecentVersions<OrderId> published = new RecentVersions<>(100_000);
    /**
     * The highest version of each order whose shipments in progress this process moved out of stock; an optimisation,
     * not a guarantee (the movements are keyed: made again, they are replayed).
     */
    private final RecentVersions<OrderId> shipmentsMade = new RecentVersions<>(100_000);

    OrderBook(OrderRepository orders, EventPublisher events, StockKeeper stock) {
        this.orders = orders;
        this.events = events;
        this.stock = stock;
    }

    // ---- reading ----

    /** The order with {@code id}, as stored. */
    Optional<Order> find(OrderId id) {
        return orders.find(id);
    }

    /** The order placed from {@code channel} under {@code externalRef}. */
    Optional<Order> findByExternalRef(Channel channel, ExternalOrderRef externalRef) {
        return orders.findByExternalRef(channel, externalRef);
    }

    /** Up to {@code limit} orders awaiting confirmation. */
    List<OrderId> awaitingConfirmation(int limit) {
        return orders.findAwaitingConfirmation(limit);
    }

    /**
     * The order as stored.
     *
     * @throws IllegalArgumentException when the order is unknown
     */
    Order load(OrderId id) {
        Checks.notNull(id, "id");
        Held h = held.get().get(id);
        if (h != null && h.order != null) {
            return h.order;
        }
        Order order = orders.find(id).orElseThrow(() -> new IllegalArgumentException("orderId " + id + " is not a known order"));
        if (h != null) {
            h.order = order;
        }
        return order;
    }

    /**
     * Notes, in this thread's locked section of the order, that {@link #add} just saved {@code placed}: the
     * section then starts from it instead of reading it back (a save still checks its version).
     */
    void added(Change<Order, OrderEvent> placed) {
        known(placed.state().id(), firstVersion(placed));
    }

    private Order firstVersion(Change<Order, OrderEvent> placed) {
        return orders.storesEvents() ? placed.state() : placed.state().withPendingEvents(placed.events());
    }

    /** The order this thread last read or saved in its locked section of it; null when none. */
    private Order kept(OrderId id) {
        Held h = held.get().get(id);
        return h == null ? null : h.order;
    }

    /**
     * Notes what this thread now knows the stored order to be, when it holds the order's lock: {@code order}, or null
     * when it does not know (a save conflicted or ended in doubt), so that the next read asks the repository.
     */
    private void known(OrderId id, Order order) {
        Held h = held.get().get(id);
        if (h != null) {
            h.order = order;
        }
    }

    /**
     * An order whose lock a thread holds: how deep its locked sections nest, and the order as last read or saved in
     * the innermost one. Another node may change the order meanwhile: {@link #update} applies a command to the kept
     * order, and reads afresh when the save conflicts or the command changes nothing or refuses it.
     */
    private static final class Held {
        int depth;
        Order order;
    }

    /** The order, after publishing the events of its last change when this process has not seen them published. */
    Order current(OrderId id) {
        Order order = load(id);
        flush(order);
        return order;
    }

    /** {@link #current(OrderId)} under the order's lock. */
    Order publishPendingEvents(OrderId id) {
        return locked(id, () -> current(id));
    }

    private void flush(Order order) {
        if (order.pendingEvents().isEmpty() || orders.storesEvents()) {
            return;
        }
        if (published.reached(order.id(), order.version())) {
            return;
        }
        events.publish(order.pendingEvents());
        markPublished(order);
    }

    private void markPublished(Order order) {
        published.record(order.id(), order.version());
    }

    // ---- changing ----

    /**
     * Runs {@code work} holding the order's lock (reentrant: a workflow may call another under it), with the order's
     * id in the logging MDC.
     */
    <T> T locked(OrderId id, Supplier<T> work) {
        Lock lock = locks.get(Checks.notNull(id, "id"));
        lock.lock();
        LOCKS_HELD.get()[0]++;
        java.util.Map<OrderId, Held> mine = held.get();
        Held h = mine.computeIfAbsent(id, k -> new Held());
        h.depth++;
        // each section, nested ones too, starts from the stored order: what it checks first is checked afresh
        h.order = null;
        LogContext logged = LogContext.order(id);
        try {
            return work.get();
        } finally {
            logged.restore();
            if (--h.depth == 0) {
                mine.remove(id);
            }
            LOCKS_HELD.get()[0]--;
            lock.unlock();
        }
    }

    /**
     * {@link #locked}, except that a thread already in a locked section of the order runs {@code work} within it, from
     * what that section last read or saved (its saves still check the version), instead of reading the order afresh.
     */
    <T> T lockedKeepingRead(OrderId id, Supplier<T> work) {
        return held.get().containsKey(Checks.notNull(id, "id")) ? work.get() : locked(id, work);
    }

    private static final ThreadLocal<int[]> LOCKS_HELD = ThreadLocal.withInitial(() -> new int[1]);

    /** Whether this thread holds the lock of some order (taking another's now could deadlock). */
    static boolean holdsAnyLock() {
        return LOCKS_HELD.get()[0] > 0;
    }

    /**
     * Saves the first version of a placed order, and publishes its events when saved (or leaves them to the
     * repository's outbox).
     *
     * @return the repository's answer; a duplicate external reference or a conflict saved nothing
     */
    SaveOutcome add(Change<Order, OrderEvent> placed) {
        Order first = firstVersion(placed);
        SaveOutcome saved = orders.save(first, placed.events());
        if (saved == SaveOutcome.SAVED && !orders.storesEvents()) {
            events.publish(placed.events());
            markPublished(first);
        }
        return saved;
    }

    static Change<Order, OrderEvent> withKey(Change<Order, OrderEvent> change, CommandKey key) {
        return key == null ? change : change.then(o -> Change.unchanged(o.withCommandKey(key)));
    }

    /** The order a command was applied to, and the order after it (the same when the command changed nothing). */
    record Applied(Order before, Order after) {
        boolean changed() {
            return before != after;
        }
    }

    /** {@link #update}, answering the order after the command. */
    Order apply(OrderId id, Function<Order, Change<Order, OrderEvent>> command) {
        return update(id, command).after();
    }

    /**
     * Loads, applies and saves with optimistic retries; publishes the events of the saved change (or leaves them to
     * the repository's outbox).
     */
    Applied update(OrderId id, Function<Order, Change<Order, OrderEvent>> command) {
        for (int attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
            Order kept = kept(id);
            Order current = current(id);
            // kept from earlier in the locked section: a save checks its version, a no-op or a refusal is checked afresh
            boolean unchecked = kept != null && current == kept;
            // a shipment in progress leaves the stock before anything else changes; the change then forgets it
            boolean shipped = completeShipments(current);
            Change<Order, OrderEvent> change;
            try {
                change = command.apply(shipped ? current.withoutShipping() : current);
            } catch (RuntimeException refused) {
                if (unchecked) {
                    known(id, null);
                    continue;
                }
                throw refused;
            }
            if (!change.changed()) {
                if (unchecked) {
                    known(id, null);
                    continue;
                }
                return new Applied(current, current);
            }
            Order next = versioned(current, change.state());
            if (!orders.storesEvents()) {
                next = next.withPendingEvents(change.events());
            }
            SaveOutcome outcome = saveKnown(next, change.events());
            if (outcome == SaveOutcome.SAVED) {
                if (!orders.storesEvents()) {
                    events.publish(change.events());
                    markPublished(next);
                }
                return new Applied(current, next);
            }
            LOG.debug("order {} changed concurrently (attempt {}), retrying", id, attempt + 1);
        }
        throw new SpiException("order " + id + " kept changing concurrently; gave up after " + MAX_CONFLICT_RETRIES + " attempts",
                null, true);
    }

    /**
     * Makes the stock movements of the order's shipments in progress, unless this process made them for this version
     * of the order (or a later one) already: a hand-over makes them, then the settlement's change would replay them.
     *
     * @return whether the order has any
     */
    boolean completeShipments(Order order) {
        if (order.shipping().isEmpty()) {
            return false;
        }
        if (!shipmentsMade.reached(order.id(), order.version())) {
            stock.completeShipments(order);
            shipmentsMade.record(order.id(), order.version());
        }
        return true;
    }

    /**
     * Saves the order with {@code key} marked as applied and no event: the bookkeeping that a command made of several
     * steps finished, so that its retry changes nothing more. Retried on a conflict.
     */
    Order markApplied(OrderId id, CommandKey key) {
        for (int attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
            Order current = current(id);
            if (current.applied(key)) {
                return current;
            }
            Order next = versioned(current, current.withCommandKey(key));
            if (saveKnown(next, List.of()) == SaveOutcome.SAVED) {
                return next;
            }
        }
        throw new SpiException("order " + id + " kept changing concurrently; gave up after " + MAX_CONFLICT_RETRIES + " attempts",
                null, true);
    }

    /** Saves {@code next}, noting for a locked section what the stored order now is (unknown unless saved). */
    private SaveOutcome saveKnown(Order next, List<OrderEvent> raised) {
        known(next.id(), null);
        SaveOutcome outcome = orders.save(next, raised);
        if (outcome == SaveOutcome.SAVED) {
            known(next.id(), next);
        }
        return outcome;
    }

    /** A change made of several commands must still be saved as one version step. */
    private static Order versioned(Order current, Order next) {
        if (next.version() == current.version() + 1) {
            return next;
        }
        return new Order(next.id(), current.version() + 1, next.channel(), next.externalRef(), next.customer(),
                next.currency(), next.delivery(), next.lines(), next.discounts(), next.charges(), next.paymentRef(),
                next.payment(), next.hold(), next.placedAt(), next.confirmedAt(), next.allocations(), next.commandKeys(),
                List.of(), next.shipping(), next.notes());
    }
}

package io.omskit.core.spi;

import io.omskit.core.event.DomainEvent;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.ExternalOrderRef;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderId;
import java.util.List;
import java.util.Optional;

/**
 * Stores orders with optimistic versioning. Thread-safe.
 *
 * <p>Contract: an order of version 1 is inserted, and only if neither its id nor its
 * (channel, external reference) exists; an order of version n &gt; 1 replaces the stored one
 * only if that one has version n - 1. Otherwise nothing is written and the outcome says why.
 */
public interface OrderRepository {

    /**
     * Saves {@code order} against the version it was derived from.
     *
     * @return {@link SaveOutcome#SAVED}, or why nothing was written
     * @throws SpiException on infrastructure failure; nothing was written
     */
    SaveOutcome save(Order order);

    /**
     * Saves {@code order} as {@link #save(Order)} does and hands over {@code events}, the events of the change that
     * produced it. An adapter with a transactional outbox stores them in the same transaction, so that they are
     * published if and only if the order was saved, and answers true to {@link #storesEvents()}. The default only
     * saves the order; the caller then publishes the events itself.
     *
     * @throws SpiException on infrastructure failure; nothing was written
     */
    default SaveOutcome save(Order order, List<? extends DomainEvent> events) {
        return save(order);
    }

    /**
     * Whether {@link #save(Order, List)} stores the events for publication (a transactional outbox); when true the
     * caller must not publish them again, and they are published if and only if the order was saved. Default false:
     * the caller publishes them at least once, keeping them in the saved order ({@link Order#pendingEvents()}) so that
     * a retry or the next command publishes them when the call that saved them stopped before publishing.
     */
    default boolean storesEvents() {
        return false;
    }

    /** The latest stored version of the order; empty when unknown. */
    Optional<Order> find(OrderId id);

    /** The order placed with this channel and external reference; empty when none. */
    Optional<Order> findByExternalRef(Channel channel, ExternalOrderRef externalRef);

    /** Ids of orders whose status is awaiting confirmation, for reconciliation sweeps; at most {@code limit}. */
    List<OrderId> findAwaitingConfirmation(int limit);

    /**
     * One page of the orders {@code query} finds, sorted and started as it says (see {@link OrderQuery}). Paging on
     * with {@link OrderPage#next()} while orders are placed and changed returns every order that matched the query
     * when the first page was read, and still matches when its page is read, exactly once.
     *
     * @throws SpiException on infrastructure failure
     */
    OrderPage search(OrderQuery query);

    /**
     * The events of every change of the order saved with {@link #save(Order, List)}, in the order they were saved
     * (oldest first): what the order's timeline is rebuilt from. An adapter keeps them as long as the order; empty
     * when the order is unknown.
     *
     * @throws SpiException on infrastructure failure
     */
    List<OrderEvent> history(OrderId id);
}

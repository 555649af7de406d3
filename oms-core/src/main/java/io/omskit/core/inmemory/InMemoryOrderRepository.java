package io.omskit.core.inmemory;

import io.omskit.core.channel.Channel;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderLine;
import io.omskit.core.spi.OrderCursor;
import io.omskit.core.spi.OrderPage;
import io.omskit.core.spi.OrderQuery;
import java.util.Iterator;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;
import io.omskit.core.order.ExternalOrderRef;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.spi.OrderRepository;
import io.omskit.core.spi.SaveOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Thread-safe in-memory {@link OrderRepository}: the reference adapter, and the default of {@link io.omskit.core.Oms}.
 */
public final class InMemoryOrderRepository implements OrderRepository {

    private record ExternalKey(Channel channel, ExternalOrderRef ref) {
    }

    /** An order's place in searches: placement time (to the microsecond), then id. */
    private record SearchKey(java.time.Instant placedAt, OrderId id) implements Comparable<SearchKey> {
        @Override
        public int compareTo(SearchKey other) {
            return OrderCursor.compare(placedAt, id, other.placedAt, other.id);
        }
    }

    private final ConcurrentHashMap<OrderId, Order> orders = new ConcurrentHashMap<>();
    private final NavigableSet<SearchKey> byPlacement = new ConcurrentSkipListSet<>();
    /** Each order's events in the order they were saved; appended under the order's entry, copied when read. */
    private final ConcurrentHashMap<OrderId, List<OrderEvent>> histories = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<ExternalKey, OrderId> byExternalRef = new ConcurrentHashMap<>();

    @Override
    public SaveOutcome save(Order order) {
        return save(order, List.of());
    }

    /** Saves {@code order} as {@link #save(Order)} does and, when saved, keeps the order events for {@link #history}. */
    @Override
    public SaveOutcome save(Order order, List<? extends DomainEvent> events) {
        List<OrderEvent> orderEvents = new ArrayList<>(events.size());
        for (DomainEvent e : events) {
            if (e instanceof OrderEvent oe) {
                orderEvents.add(oe);
            }
        }
        if (order.version() == 1) {
            ExternalKey key = new ExternalKey(order.channel(), order.externalRef());
            OrderId existing = byExternalRef.putIfAbsent(key, order.id());
            if (existing != null) {
                return existing.equals(order.id()) ? SaveOutcome.VERSION_CONFLICT : SaveOutcome.DUPLICATE_EXTERNAL_REF;
            }
            if (orders.putIfAbsent(order.id(), order) != null) {
                byExternalRef.remove(key, order.id());
                return SaveOutcome.VERSION_CONFLICT;
            }
            List<OrderEvent> history = histories.computeIfAbsent(order.id(), k -> new ArrayList<>(8));
            synchronized (history) {
                history.addAll(0, orderEvents);
            }
            // findable once stored: a search that meets the key finds the order
            byPlacement.add(new SearchKey(order.placedAt(), order.id()));
            return SaveOutcome.SAVED;
        }
        boolean[] saved = {false};
        orders.computeIfPresent(order.id(), (id, current) -> {
            if (current.version() == order.version() - 1) {
                saved[0] = true;
                if (!orderEvents.isEmpty()) {
                    List<OrderEvent> history = histories.computeIfAbsent(id, k -> new ArrayList<>(8));
                    synchronized (history) {
                        history.addAll(orderEvents);
                    }
                }
                return order;
            }
            return current;
        });
        return saved[0] ? SaveOutcome.SAVED : SaveOutcome.VERSION_CONFLICT;
    }

    @Override
    public Optional<Order> find(OrderId id) {
        return Optional.ofNullable(orders.get(id));
    }

    @Override
    public Optional<Order> findByExternalRef(Channel channel, ExternalOrderRef externalRef) {
        OrderId id = byExternalRef.get(new ExternalKey(channel, externalRef));
        return id == null ? Optional.empty() : find(id);
    }

    @Override
    public List<OrderId> findAwaitingConfirmation(int limit) {
        List<OrderId> ids = new ArrayList<>();
        for (Order o : orders.values()) {
            if (o.status() == OrderStatus.AWAITING_CONFIRMATION) {
                ids.add(o.id());
            }
        }
        ids.sort(null);
        return ids.size() > limit ? List.copyOf(ids.subList(0, limit)) : ids;
    }

    /** Every stored order, in no particular order. */
    public List<Order> all() {
        return List.copyOf(orders.values());
    }

    /** Walks the orders in placement order from the query's cursor, keeping those that match, until the page is full. */
    @Override
    public OrderPage search(OrderQuery query) {
        java.util.Objects.requireNonNull(query, "query");
        NavigableSet<SearchKey> keys = query.isNewestFirst() ? byPlacement.descendingSet() : byPlacement;
        if (query.after() != null) {
            keys = keys.tailSet(new SearchKey(query.after().placedAt(), query.after().orderId()), false);
        }
        List<Order> found = new ArrayList<>(query.limit() + 1);
        for (Iterator<SearchKey> it = keys.iterator(); it.hasNext() && found.size() <= query.limit(); ) {
            SearchKey key = it.next();
            if (outsideRange(key, query)) {
                continue;
            }
            Order o = orders.get(key.id);
            if (o != null && matches(o, query)) {
                found.add(o);
            }
        }
        return OrderPage.of(found, query.limit());
    }

    private static boolean outsideRange(SearchKey key, OrderQuery q) {
        return (q.placedFrom() != null && key.placedAt.isBefore(q.placedFrom()))
                || (q.placedBefore() != null && !key.placedAt.isBefore(q.placedBefore()));
    }

    private static boolean matches(Order o, OrderQuery q) {
        if ((q.customer() != null && !q.customer().equals(o.customer()))
                || (q.channel() != null && q.channel() != o.channel())
                || (q.externalRef() != null && !q.externalRef().equals(o.externalRef()))
                || (q.pickupStore() != null && !q.pickupStore().equals(o.delivery().pickupStore()))
                || (!q.statuses().isEmpty() && !q.statuses().contains(o.status()))) {
            return false;
        }
        if (q.sku() == null) {
            return true;
        }
        for (OrderLine line : o.lines()) {
            if (line.sku().equals(q.sku())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<OrderEvent> history(OrderId id) {
        java.util.Objects.requireNonNull(id, "id");
        List<OrderEvent> history = histories.get(id);
        if (history == null) {
            return List.of();
        }
        synchronized (history) {
            return List.copyOf(history);
        }
    }
}

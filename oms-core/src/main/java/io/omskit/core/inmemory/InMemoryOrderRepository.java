package io.omskit.core.inmemory;

import io.omskit.core.channel.Channel;
import io.omskit.core.common.Checks;
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

    /**
     * An order's current version and its events in the order they were saved, in one entry so that an order costs
     * one map node and no list wrapper: the events are appended while the map holds the entry's bin lock, and
     * read under the entry's own lock.
     */
    private static final class Stored {
        volatile Order order;
        private OrderEvent[] history;
        private int size;

        Stored(Order order, List<OrderEvent> events) {
            this.order = order;
            this.history = new OrderEvent[Math.max(8, events.size())];
            append(events);
        }

        synchronized void append(List<OrderEvent> events) {
            int needed = size + events.size();
            if (needed > history.length) {
                history = java.util.Arrays.copyOf(history, Math.max(needed, history.length + (history.length >> 1)));
            }
            for (int i = 0; i < events.size(); i++) {
                history[size++] = events.get(i);
            }
        }

        synchronized List<OrderEvent> history() {
            return List.of(java.util.Arrays.copyOf(history, size));
        }
    }

    private final ConcurrentHashMap<OrderId, Stored> orders;
    private final NavigableSet<SearchKey> byPlacement = new ConcurrentSkipListSet<>();
    private final ConcurrentHashMap<ExternalKey, OrderId> byExternalRef;

    /** An empty repository that grows as orders come. */
    public InMemoryOrderRepository() {
        this(0);
    }

    /**
     * An empty repository with room for about {@code expectedOrders} orders before it has to grow: a host that knows
     * it will keep many saves the time of growing there, a small one passes nothing and pays nothing up front.
     *
     * @throws IllegalArgumentException if {@code expectedOrders} is negative
     */
    public InMemoryOrderRepository(int expectedOrders) {
        Checks.notNegative(expectedOrders, "expectedOrders");
        this.orders = new ConcurrentHashMap<>(expectedOrders);
        this.byExternalRef = new ConcurrentHashMap<>(expectedOrders);
    }

    @Override
    public SaveOutcome save(Order order) {
        return save(order, List.of());
    }

    /** Saves {@code order} as {@link #save(Order)} does and, when saved, keeps the order events for {@link #history}. */
    @Override
    public SaveOutcome save(Order order, List<? extends DomainEvent> events) {
        List<OrderEvent> orderEvents = orderEvents(events);
        if (order.version() == 1) {
            ExternalKey key = new ExternalKey(order.channel(), order.externalRef());
            OrderId existing = byExternalRef.putIfAbsent(key, order.id());
            if (existing != null) {
                return existing.equals(order.id()) ? SaveOutcome.VERSION_CONFLICT : SaveOutcome.DUPLICATE_EXTERNAL_REF;
            }
            if (orders.putIfAbsent(order.id(), new Stored(order, orderEvents)) != null) {
                byExternalRef.remove(key, order.id());
                return SaveOutcome.VERSION_CONFLICT;
            }
            // findable once stored: a search that meets the key finds the order
            byPlacement.add(new SearchKey(order.placedAt(), order.id()));
            return SaveOutcome.SAVED;
        }
        boolean[] saved = {false};
        orders.computeIfPresent(order.id(), (id, stored) -> {
            if (stored.order.version() == order.version() - 1) {
                saved[0] = true;
                if (!orderEvents.isEmpty()) {
                    stored.append(orderEvents);
                }
                stored.order = order;
            }
            return stored;
        });
        return saved[0] ? SaveOutcome.SAVED : SaveOutcome.VERSION_CONFLICT;
    }

    /** The order events among {@code events}: usually all of them, and then the list itself, not a copy. */
    @SuppressWarnings("unchecked")
    private static List<OrderEvent> orderEvents(List<? extends DomainEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            if (!(events.get(i) instanceof OrderEvent)) {
                List<OrderEvent> some = new ArrayList<>(events.size());
                for (DomainEvent e : events) {
                    if (e instanceof OrderEvent oe) {
                        some.add(oe);
                    }
                }
                return some;
            }
        }
        return (List<OrderEvent>) events;
    }

    @Override
    public Optional<Order> find(OrderId id) {
        Stored stored = orders.get(id);
        return stored == null ? Optional.empty() : Optional.of(stored.order);
    }

    @Override
    public Optional<Order> findByExternalRef(Channel channel, ExternalOrderRef externalRef) {
        OrderId id = byExternalRef.get(new ExternalKey(channel, externalRef));
        return id == null ? Optional.empty() : find(id);
    }

    @Override
    public List<OrderId> findAwaitingConfirmation(int limit) {
        List<OrderId> ids = new ArrayList<>();
        for (Stored stored : orders.values()) {
            Order o = stored.order;
            if (o.status() == OrderStatus.AWAITING_CONFIRMATION) {
                ids.add(o.id());
            }
        }
        ids.sort(null);
        return ids.size() > limit ? List.copyOf(ids.subList(0, limit)) : ids;
    }

    /** Every stored order, in no particular order. */
    public List<Order> all() {
        List<Order> all = new ArrayList<>(orders.size());
        for (Stored stored : orders.values()) {
            all.add(stored.order);
        }
        return java.util.Collections.unmodifiableList(all);
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
            Stored stored = orders.get(key.id);
            Order o = stored == null ? null : stored.order;
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
        Stored stored = orders.get(id);
        return stored == null ? List.of() : stored.history();
    }
}

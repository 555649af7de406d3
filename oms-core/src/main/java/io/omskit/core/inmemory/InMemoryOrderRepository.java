package io.omskit.core.inmemory;

import io.omskit.core.channel.Channel;
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

    private final ConcurrentHashMap<OrderId, Order> orders = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<ExternalKey, OrderId> byExternalRef = new ConcurrentHashMap<>();

    @Override
    public SaveOutcome save(Order order) {
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
            return SaveOutcome.SAVED;
        }
        boolean[] saved = {false};
        orders.computeIfPresent(order.id(), (id, current) -> {
            if (current.version() == order.version() - 1) {
                saved[0] = true;
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
}

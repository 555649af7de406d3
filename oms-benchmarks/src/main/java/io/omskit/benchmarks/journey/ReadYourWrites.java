package io.omskit.benchmarks.journey;

import io.omskit.core.channel.Channel;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.FulfilmentStatus;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.ExternalOrderRef;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderId;
import io.omskit.core.spi.FulfilmentRepository;
import io.omskit.core.spi.OrderRepository;
import io.omskit.core.spi.SaveOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PROTOTYPE, not for merge: repositories that answer a read of an order or a fulfilment by id from the version last
 * saved or read, as the workflows would if they went on with what they saved instead of reading it again. Exact only
 * while one {@code Oms} writes (as in the benchmark); it estimates what that change would save.
 */
final class ReadYourWrites {

    private ReadYourWrites() {
    }

    static OrderRepository orders(OrderRepository repository) {
        ConcurrentHashMap<OrderId, Order> last = new ConcurrentHashMap<>();
        return new OrderRepository() {
            @Override
            public SaveOutcome save(Order order) {
                return remember(last, order.id(), order, repository.save(order));
            }

            @Override
            public SaveOutcome save(Order order, List<? extends DomainEvent> events) {
                return remember(last, order.id(), order, repository.save(order, events));
            }

            @Override
            public boolean storesEvents() {
                return repository.storesEvents();
            }

            @Override
            public Optional<Order> find(OrderId id) {
                return read(last, id, repository::find);
            }

            @Override
            public Optional<Order> findByExternalRef(Channel channel, ExternalOrderRef externalRef) {
                return repository.findByExternalRef(channel, externalRef);
            }

            @Override
            public List<OrderId> findAwaitingConfirmation(int limit) {
                return repository.findAwaitingConfirmation(limit);
            }
        };
    }

    static FulfilmentRepository fulfilments(FulfilmentRepository repository) {
        ConcurrentHashMap<FulfilmentId, Fulfilment> last = new ConcurrentHashMap<>();
        return new FulfilmentRepository() {
            @Override
            public SaveOutcome save(Fulfilment fulfilment) {
                return remember(last, fulfilment.id(), fulfilment, repository.save(fulfilment));
            }

            @Override
            public SaveOutcome save(Fulfilment fulfilment, List<? extends DomainEvent> events) {
                return remember(last, fulfilment.id(), fulfilment, repository.save(fulfilment, events));
            }

            @Override
            public boolean storesEvents() {
                return repository.storesEvents();
            }

            @Override
            public Optional<Fulfilment> find(FulfilmentId id) {
                return read(last, id, repository::find);
            }

            @Override
            public List<Fulfilment> forOrder(OrderId orderId) {
                return repository.forOrder(orderId);
            }

            @Override
            public List<Fulfilment> atLocation(LocationId location, FulfilmentStatus status, int limit) {
                return repository.atLocation(location, status, limit);
            }

            @Override
            public List<Fulfilment> dueForExpiry(Instant now, int limit) {
                return repository.dueForExpiry(now, limit);
            }
        };
    }

    private static <K, V> SaveOutcome remember(ConcurrentHashMap<K, V> last, K id, V saved, SaveOutcome outcome) {
        if (outcome == SaveOutcome.SAVED) {
            last.put(id, saved);
        } else {
            last.remove(id);
        }
        return outcome;
    }

    private static <K, V> Optional<V> read(ConcurrentHashMap<K, V> last, K id, java.util.function.Function<K, Optional<V>> find) {
        V known = last.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<V> read = find.apply(id);
        read.ifPresent(v -> last.put(id, v));
        return read;
    }
}

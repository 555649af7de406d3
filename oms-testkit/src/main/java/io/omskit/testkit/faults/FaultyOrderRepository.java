package io.omskit.testkit.faults;

import io.omskit.core.common.Checks;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.ExternalOrderRef;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderId;
import io.omskit.core.spi.OrderPage;
import io.omskit.core.spi.OrderQuery;
import io.omskit.core.spi.OrderRepository;
import io.omskit.core.spi.SaveOutcome;
import java.util.List;
import java.util.Optional;

/**
 * An {@link OrderRepository} that fails as its {@link FaultPlan} says: a save may fail before writing or after it
 * (the order was stored, the caller hears of a failure); reads may fail before reading.
 */
public final class FaultyOrderRepository implements OrderRepository {

    private final OrderRepository delegate;
    private final FaultPlan plan;

    /** Wraps {@code delegate}. */
    public FaultyOrderRepository(OrderRepository delegate, FaultPlan plan) {
        this.delegate = Checks.notNull(delegate, "delegate");
        this.plan = Checks.notNull(plan, "plan");
    }

    @Override
    public SaveOutcome save(Order order) {
        return plan.run("save", () -> delegate.save(order));
    }

    @Override
    public SaveOutcome save(Order order, List<? extends DomainEvent> events) {
        return plan.run("save", () -> delegate.save(order, events));
    }

    @Override
    public boolean storesEvents() {
        return delegate.storesEvents();
    }

    @Override
    public Optional<Order> find(OrderId id) {
        return plan.read("find", () -> delegate.find(id));
    }

    @Override
    public Optional<Order> findByExternalRef(Channel channel, ExternalOrderRef externalRef) {
        return plan.read("findByExternalRef", () -> delegate.findByExternalRef(channel, externalRef));
    }

    @Override
    public List<OrderId> findAwaitingConfirmation(int limit) {
        return plan.read("findAwaitingConfirmation", () -> delegate.findAwaitingConfirmation(limit));
    }

    @Override
    public OrderPage search(OrderQuery query) {
        return plan.read("search", () -> delegate.search(query));
    }

    @Override
    public List<OrderEvent> history(OrderId id) {
        return plan.read("history", () -> delegate.history(id));
    }
}

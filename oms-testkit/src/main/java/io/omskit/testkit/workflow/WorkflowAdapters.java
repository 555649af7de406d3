package io.omskit.testkit.workflow;

import io.omskit.core.common.Checks;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.spi.EventPublisher;
import io.omskit.core.spi.FulfilmentRepository;
import io.omskit.core.spi.InventoryStore;
import io.omskit.core.spi.OrderRepository;
import java.util.List;
import java.util.function.Supplier;

/**
 * The storage an {@link io.omskit.core.Oms} under test runs on, as a subclass of {@link WorkflowFaultContract}
 * provides it.
 *
 * @param orders    the order repository under test
 * @param fulfilments the fulfilment repository under test (shared by every node on the same storage)
 * @param inventory the inventory store under test
 * @param events    the publisher the {@code Oms} hands order and fulfilment events to (ignored by repositories with an
 *                  outbox)
 * @param published every order and fulfilment event published so far, however it got out (the publisher's record, or
 *                  the outbox)
 */
public record WorkflowAdapters(OrderRepository orders, FulfilmentRepository fulfilments, InventoryStore inventory,
                               EventPublisher events, Supplier<List<? extends DomainEvent>> published) {

    public WorkflowAdapters {
        Checks.notNull(orders, "orders");
        Checks.notNull(fulfilments, "fulfilments");
        Checks.notNull(inventory, "inventory");
        Checks.notNull(events, "events");
        Checks.notNull(published, "published");
    }
}

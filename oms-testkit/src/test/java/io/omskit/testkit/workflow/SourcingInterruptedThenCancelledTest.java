package io.omskit.testkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.inmemory.InMemoryOrderRepository;
import io.omskit.core.inmemory.RecordingEventPublisher;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.OrderId;
import io.omskit.core.spi.SpiException;
import io.omskit.testkit.contract.ContractClock;
import io.omskit.testkit.faults.FaultPlan.Point;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On one Oms, in-memory adapters, one thread: OrderSourcing.source allocates stock, then the order's save that records
 * it fails (before writing); the order is cancelled before anyone retries; the retried sourcing is refused (the order
 * takes no allocation) and gives the allocation back, without waiting for the stock sweep.
 */
class SourcingInterruptedThenCancelledTest {

    @Test
    void a_sourcing_retried_after_the_order_was_cancelled_is_refused_and_gives_its_stock_back() {
        ContractClock clock = new ContractClock(WorkflowWorld.START);
        RecordingEventPublisher events = new RecordingEventPublisher();
        WorkflowWorld w = new WorkflowWorld(new WorkflowAdapters(new InMemoryOrderRepository(), new io.omskit.core.inmemory.InMemoryFulfilmentRepository(),
                InMemoryInventoryStore.builder().clock(clock).build(), events, events::events), clock, 1, 0);
        OrderId id = w.place(w.oms, List.of(WorkflowWorld.MUG), List.of(2, 1), false);

        // 1. source: the engine allocates the stock, then the save recording it on the order fails before writing
        w.faults.failNext("save", Point.BEFORE);
        assertThatThrownBy(() -> w.sourcing.source(id)).isInstanceOf(SpiException.class);
        // 2. the customer cancels before anyone retries the sourcing: accepted
        w.oms.cancelOrder(id, CancellationReason.CUSTOMER_REQUEST);
        // 3. the sourcing retried: refused, and it gives the stock back
        assertThatThrownBy(() -> w.sourcing.source(id)).isInstanceOf(io.omskit.core.order.IllegalTransitionException.class)
                .hasMessageContaining("CANCELLED");
        assertThat(events.events(io.omskit.core.order.OrderEvent.OrderStockReconciled.class)).hasSize(1);

        assertThat(w.check()).as("end checks").isEmpty();
    }
}

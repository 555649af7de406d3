package io.omskit.testkit.workflow;

import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.inmemory.InMemoryOrderRepository;
import io.omskit.core.inmemory.RecordingEventPublisher;
import java.time.Clock;

/** The workflow contract on the in-memory adapters, their repository without an outbox. */
class InMemoryWorkflowFaultTest extends WorkflowFaultContract {

    @Override
    protected WorkflowAdapters newAdapters(Clock clock) {
        RecordingEventPublisher events = new RecordingEventPublisher();
        return new WorkflowAdapters(new InMemoryOrderRepository(), new io.omskit.core.inmemory.InMemoryFulfilmentRepository(), InMemoryInventoryStore.builder().clock(clock).build(), events,
                events::events);
    }
}

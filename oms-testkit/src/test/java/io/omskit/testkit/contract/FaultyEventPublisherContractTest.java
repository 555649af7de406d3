package io.omskit.testkit.contract;

import io.omskit.core.event.DomainEvent;
import io.omskit.core.inmemory.RecordingEventPublisher;
import io.omskit.core.spi.EventPublisher;
import io.omskit.testkit.faults.FaultPlan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The in-memory publisher, wrapped by the fault injector and read by a listener as a host's consumer would, passes the
 * event publisher TCK, the failure clause included: the faults the workflow tests inject are ones the contract allows.
 */
class FaultyEventPublisherContractTest extends EventPublisherContract {

    private final FaultPlan plan = FaultPlan.seeded(23);
    private final List<DomainEvent> received = Collections.synchronizedList(new ArrayList<>());

    @Override
    protected EventPublisher newPublisher() {
        received.clear();
        return plan.events(new RecordingEventPublisher(0).subscribe(received::add));
    }

    @Override
    protected List<DomainEvent> delivered(EventPublisher publisher) {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    protected void failNextPublish(EventPublisher publisher, boolean handedOver) {
        plan.failNext("publish", handedOver ? FaultPlan.Point.AFTER : FaultPlan.Point.BEFORE);
    }
}

package io.omskit.testkit.faults;

import io.omskit.core.common.Checks;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.spi.EventPublisher;
import java.util.List;

/** An {@link EventPublisher} that fails as its {@link FaultPlan} says, before or after handing the events over. */
public final class FaultyEventPublisher implements EventPublisher {

    private final EventPublisher delegate;
    private final FaultPlan plan;

    /** Wraps {@code delegate}. */
    public FaultyEventPublisher(EventPublisher delegate, FaultPlan plan) {
        this.delegate = Checks.notNull(delegate, "delegate");
        this.plan = Checks.notNull(plan, "plan");
    }

    @Override
    public void publish(List<? extends DomainEvent> events) {
        plan.run("publish", () -> delegate.publish(events));
    }
}

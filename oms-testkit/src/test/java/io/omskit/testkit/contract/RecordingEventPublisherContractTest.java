package io.omskit.testkit.contract;

import io.omskit.core.event.DomainEvent;
import io.omskit.core.inmemory.RecordingEventPublisher;
import io.omskit.core.spi.EventPublisher;
import java.util.List;

/** The in-memory publisher passes the event publisher TCK, read from the events it keeps. */
class RecordingEventPublisherContractTest extends EventPublisherContract {

    @Override
    protected EventPublisher newPublisher() {
        return new RecordingEventPublisher();
    }

    @Override
    protected List<DomainEvent> delivered(EventPublisher publisher) {
        return ((RecordingEventPublisher) publisher).events();
    }
}

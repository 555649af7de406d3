package io.omskit.core.spi;

import io.omskit.core.event.DomainEvent;
import java.util.List;

/**
 * Hands domain events to the host (message broker, outbox, in-process listeners). Called after the state
 * they describe was stored, in the order they were raised. Thread-safe.
 */
public interface EventPublisher {

    /**
     * Publishes the events.
     *
     * @throws SpiException when they could not be handed over
     */
    void publish(List<? extends DomainEvent> events);

    /** A publisher that drops every event. */
    static EventPublisher none() {
        return events -> { };
    }
}

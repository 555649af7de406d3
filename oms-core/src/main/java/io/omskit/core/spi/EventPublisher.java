package io.omskit.core.spi;

import io.omskit.core.event.DomainEvent;
import java.util.List;

/**
 * Hands domain events to the host (message broker, outbox, in-process listeners). Called after the state
 * they describe was stored, in the order they were raised. Thread-safe.
 *
 * <p>What an adapter promises, clause by clause (the TCK {@code EventPublisherContract} checks each):
 * <ol>
 *   <li>The events of one call reach consumers unchanged and in the order of the list.</li>
 *   <li>An empty list is accepted and delivers nothing.</li>
 *   <li>Events of one aggregate published by successive calls reach consumers in call order.</li>
 *   <li>Calls from many threads at once lose no event and keep each aggregate's order (the OMS publishes one
 *   aggregate's events from one thread at a time).</li>
 *   <li>A call that could not hand the events over throws {@link SpiException}; it may have handed some over, so the
 *   same events may be published again, and delivery is at least once: consumers drop duplicates by
 *   {@link DomainEvent#eventId()}.</li>
 * </ol>
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

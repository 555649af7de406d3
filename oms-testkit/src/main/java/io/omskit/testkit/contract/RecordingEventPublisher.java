package io.omskit.testkit.contract;

import io.omskit.core.event.DomainEvent;
import io.omskit.core.spi.EventPublisher;
import java.util.ArrayList;
import java.util.List;

/** Keeps every published event, in publication order. Thread-safe. */
public final class RecordingEventPublisher implements EventPublisher {

    private final List<DomainEvent> events = new ArrayList<>();

    @Override
    public synchronized void publish(List<? extends DomainEvent> published) {
        events.addAll(published);
    }

    /** Every event published so far. */
    public synchronized List<DomainEvent> events() {
        return List.copyOf(events);
    }

    /** The events of {@code type} published so far. */
    public synchronized <E extends DomainEvent> List<E> events(Class<E> type) {
        List<E> result = new ArrayList<>();
        for (DomainEvent e : events) {
            if (type.isInstance(e)) {
                result.add(type.cast(e));
            }
        }
        return result;
    }

    /** Forgets the events published so far. */
    public synchronized void clear() {
        events.clear();
    }
}

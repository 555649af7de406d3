package io.omskit.core.inmemory;

import io.omskit.core.event.DomainEvent;
import io.omskit.core.spi.EventPublisher;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Thread-safe in-memory {@link EventPublisher}: keeps every event (up to a bound) and hands each to the
 * registered listeners synchronously, in order.
 */
public final class RecordingEventPublisher implements EventPublisher {

    private final List<Consumer<DomainEvent>> listeners = new CopyOnWriteArrayList<>();
    private final ArrayDeque<DomainEvent> events = new ArrayDeque<>();
    private final int capacity;

    /** A publisher keeping at most {@code capacity} events (the oldest are dropped). */
    public RecordingEventPublisher(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** A publisher keeping up to one million events. */
    public RecordingEventPublisher() {
        this(1_000_000);
    }

    /** Registers a listener called for every event published from now on. */
    public RecordingEventPublisher subscribe(Consumer<DomainEvent> listener) {
        listeners.add(listener);
        return this;
    }

    @Override
    public void publish(List<? extends DomainEvent> published) {
        synchronized (events) {
            for (DomainEvent e : published) {
                if (capacity > 0) {
                    if (events.size() == capacity) {
                        events.removeFirst();
                    }
                    events.add(e);
                }
            }
        }
        for (DomainEvent e : published) {
            for (Consumer<DomainEvent> l : listeners) {
                l.accept(e);
            }
        }
    }

    /** The events kept, oldest first. */
    public List<DomainEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** The events kept of one type, oldest first. */
    public <T extends DomainEvent> List<T> events(Class<T> type) {
        List<T> result = new ArrayList<>();
        for (DomainEvent e : events()) {
            if (type.isInstance(e)) {
                result.add(type.cast(e));
            }
        }
        return result;
    }

    /** Forgets the events kept so far. */
    public void clear() {
        synchronized (events) {
            events.clear();
        }
    }
}

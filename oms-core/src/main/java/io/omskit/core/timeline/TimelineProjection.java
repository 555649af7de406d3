package io.omskit.core.timeline;

import io.omskit.core.common.Checks;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.fulfilment.FulfilmentEvent;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderId;
import io.omskit.core.spi.EventPublisher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Orders' timelines followed live: an {@link EventPublisher} (give it to the builder, or call it from the host's
 * consumer) that turns each order and fulfilment event into its entry as it is published. Drops events it has seen
 * (publishing is at least once). Reads the same as the timeline rebuilt from the stored events, sources' entries
 * added the same way. Thread-safe; keeps everything in memory.
 */
public final class TimelineProjection implements EventPublisher {

    /** What the projection holds of one order. */
    private static final class Story {
        final Set<String> seen = new HashSet<>();
        final List<TimelineEntry> order = new ArrayList<>();
        final Map<FulfilmentId, List<TimelineEntry>> fulfilments = new TreeMap<>();
    }

    private final Map<OrderId, Story> stories = new ConcurrentHashMap<>();

    @Override
    public void publish(List<? extends DomainEvent> events) {
        for (DomainEvent e : events) {
            if (e instanceof OrderEvent oe) {
                Story story = stories.computeIfAbsent(oe.orderId(), id -> new Story());
                synchronized (story) {
                    if (story.seen.add(e.eventId().toString())) {
                        story.order.add(TimelineEntries.of(oe));
                    }
                }
            } else if (e instanceof FulfilmentEvent fe) {
                Story story = stories.computeIfAbsent(fe.orderId(), id -> new Story());
                synchronized (story) {
                    if (story.seen.add(e.eventId().toString())) {
                        story.fulfilments.computeIfAbsent(fe.fulfilmentId(), id -> new ArrayList<>()).add(TimelineEntries.of(fe));
                    }
                }
            }
        }
    }

    /** The timeline of {@code orderId} as followed so far, with the entries of {@code sources} added. */
    public Timeline timeline(OrderId orderId, List<TimelineSource> sources) {
        Checks.notNull(orderId, "orderId");
        List<List<TimelineEntry>> parts = new ArrayList<>();
        Story story = stories.get(orderId);
        if (story != null) {
            synchronized (story) {
                parts.add(List.copyOf(story.order));
                story.fulfilments.values().forEach(f -> parts.add(List.copyOf(f)));
            }
        }
        for (TimelineSource source : sources) {
            parts.add(source.entries(orderId));
        }
        return Timeline.merge(orderId, parts);
    }
}

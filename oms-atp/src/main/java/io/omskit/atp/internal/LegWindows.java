package io.omskit.atp.internal;

import io.omskit.atp.Destination;
import io.omskit.atp.LegTiming;
import io.omskit.atp.PromiseCalendar;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.DeliveryWindow;
import io.omskit.orchestration.LegKind;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dispatch and window of promised legs, kept over spans of start times in which they provably stay the same.
 *
 * <p>A leg's dispatch never moves earlier when the order is placed later (release, working time and carrier pickups
 * all move forward with the start), and its window is a function of its dispatch. So when the dispatch computed at
 * two starts is the same, it is the same at every start between them, and so is the window: such a span is kept,
 * found by doubling the second start while the dispatch stays. Legs whose dispatch moves with the start (collection
 * at once, a location without carrier pickups) are computed at every call and probed again a minute later.
 * Thread-safe; the map is bounded and emptied when full.
 */
public final class LegWindows {

    private static final long FIRST_PROBE_MILLIS = Duration.ofMinutes(1).toMillis();
    private static final long LONGEST_SPAN_MILLIS = Duration.ofDays(1).toMillis();
    private static final long REPROBE_MILLIS = Duration.ofMinutes(1).toMillis();

    /** A leg's dispatch and window. */
    public record Window(Instant dispatch, DeliveryWindow window) {
    }

    private record Key(DeliveryMethod method, LegKind kind, int location, int pickupStore, Destination destination) {
    }

    /** Valid for starts in [from, until]; a null window means "moves with the start, compute it". */
    private record Span(long from, long until, Window window) {
    }

    private final PromiseCalendar calendar;
    private final int maxEntries;
    private final ConcurrentHashMap<Key, Span> spans = new ConcurrentHashMap<>();

    /** Windows of {@code calendar}'s legs, keeping at most {@code maxEntries} spans. */
    public LegWindows(PromiseCalendar calendar, int maxEntries) {
        this.calendar = calendar;
        this.maxEntries = maxEntries;
    }

    /**
     * The dispatch and window of the leg (see {@link PromiseCalendar#leg}) started at {@code start}; null when the
     * leg cannot be promised (ask the calendar why).
     */
    public Window at(DeliveryMethod method, LegKind kind, int location, int pickupStore, Destination destination,
                     Instant start) {
        long t = start.toEpochMilli();
        Key key = new Key(method, kind, location, kind == LegKind.DELIVER ? -1 : pickupStore,
                kind == LegKind.DELIVER ? destination : null);
        Span s = spans.get(key);
        if (s != null && t >= s.from && t <= s.until) {
            return s.window != null ? s.window : compute(method, kind, location, pickupStore, destination, start);
        }
        Window w = compute(method, kind, location, pickupStore, destination, start);
        if (w == null) {
            return null;
        }
        long until = t;
        for (long step = FIRST_PROBE_MILLIS; step <= LONGEST_SPAN_MILLIS; step *= 2) {
            Window later = compute(method, kind, location, pickupStore, destination, Instant.ofEpochMilli(t + step));
            if (later == null || !later.dispatch.equals(w.dispatch)) {
                break;
            }
            until = t + step;
        }
        if (spans.size() >= maxEntries) {
            spans.clear();
        }
        spans.put(key, until > t ? new Span(t, until, w) : new Span(t, t + REPROBE_MILLIS, null));
        return w;
    }

    private Window compute(DeliveryMethod method, LegKind kind, int location, int pickupStore, Destination destination,
                           Instant start) {
        LegTiming timing = calendar.leg(method, kind, location, pickupStore, destination, start);
        return timing.isPromisable() ? new Window(timing.dispatch(), timing.window()) : null;
    }

    /** Forgets every span. */
    public void clear() {
        spans.clear();
    }
}

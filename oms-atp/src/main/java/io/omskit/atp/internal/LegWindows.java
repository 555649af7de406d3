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
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The dispatch and window of promised legs, kept over spans of start times in which they provably stay the same.
 *
 * <p>A leg's dispatch never moves earlier when the order is placed later (release, working time and carrier pickups
 * all move forward with the start), and its window is a function of its dispatch. So when the dispatch computed at
 * two starts is the same, it is the same at every start between them, and so is the window: such a span is kept,
 * found by doubling the second start while the dispatch stays. Legs whose dispatch moves with the start (collection
 * at once, a location without carrier pickups) are computed at every call and probed again a minute later.
 *
 * <p>A delivery leg's timing depends on its service level, location and destination; a collection's on its store; a
 * transfer's on its source and store. Spans are kept in arrays by location: per {@link Area destination} and service
 * level, per store, so that a call reads one array slot instead of hashing a key. Equal windows are kept once.
 * Thread-safe; destinations and windows are bounded, each emptied when full.
 */
public final class LegWindows {

    private static final long FIRST_PROBE_MILLIS = Duration.ofMinutes(1).toMillis();
    private static final long LONGEST_SPAN_MILLIS = Duration.ofDays(1).toMillis();
    private static final long REPROBE_MILLIS = Duration.ofMinutes(1).toMillis();
    private static final int MAX_WINDOWS = 100_000;

    /** A leg's dispatch and window. */
    public record Window(Instant dispatch, DeliveryWindow window) {
    }

    /** Valid for starts in [from, until]; a null window means "moves with the start, compute it". */
    private record Span(long from, long until, Window window) {
    }

    /** The delivery legs to one destination, per service level and location. Obtain with {@link #area}. */
    public static final class Area {
        private final Destination destination;
        private final AtomicReferenceArray<Span> standard;
        private final AtomicReferenceArray<Span> express;

        private Area(Destination destination, int size) {
            this.destination = destination;
            this.standard = new AtomicReferenceArray<>(size);
            this.express = new AtomicReferenceArray<>(size);
        }

        /** The destination (null for none). */
        public Destination destination() {
            return destination;
        }
    }

    private final PromiseCalendar calendar;
    private final int size;
    private final int maxAreas;
    private final ConcurrentHashMap<Destination, Area> areas = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Window, Window> windows = new ConcurrentHashMap<>();
    private volatile Area nowhere;
    private volatile AtomicReferenceArray<Span> collect;
    private volatile AtomicReferenceArray<AtomicReferenceArray<Span>> transfers;

    /** Windows of {@code calendar}'s legs, keeping the delivery legs of at most {@code maxAreas} destinations. */
    public LegWindows(PromiseCalendar calendar, int maxAreas) {
        this.calendar = calendar;
        this.size = calendar.network().size();
        this.maxAreas = maxAreas;
        clear();
    }

    /** The delivery legs to {@code destination} (null for none). */
    public Area area(Destination destination) {
        if (destination == null) {
            return nowhere;
        }
        Area a = areas.get(destination);
        if (a == null) {
            if (areas.size() >= maxAreas) {
                areas.clear();
            }
            a = areas.computeIfAbsent(destination, d -> new Area(d, size));
        }
        return a;
    }

    /**
     * The dispatch and window of the leg (see {@link PromiseCalendar#leg}) started at {@code start}; null when the
     * leg cannot be promised (ask the calendar why).
     *
     * @param area the destination's delivery legs, from {@link #area}; read for delivery legs only
     */
    public Window at(DeliveryMethod method, LegKind kind, int location, int pickupStore, Area area, Instant start) {
        AtomicReferenceArray<Span> spans;
        int slot;
        switch (kind) {
            case DELIVER -> {
                spans = method == DeliveryMethod.EXPRESS_DELIVERY ? area.express : area.standard;
                slot = location;
            }
            case COLLECT -> {
                spans = collect;
                slot = location;
            }
            default -> {
                spans = transfersTo(pickupStore);
                slot = location;
            }
        }
        long t = start.toEpochMilli();
        Span s = spans.get(slot);
        if (s != null && t >= s.from && t <= s.until) {
            return s.window != null ? s.window : compute(method, kind, location, pickupStore, area.destination, start);
        }
        Window w = compute(method, kind, location, pickupStore, area.destination, start);
        if (w == null) {
            return null;
        }
        long until = t;
        for (long step = FIRST_PROBE_MILLIS; step <= LONGEST_SPAN_MILLIS; step *= 2) {
            Window later = compute(method, kind, location, pickupStore, area.destination, Instant.ofEpochMilli(t + step));
            if (later == null || !later.dispatch.equals(w.dispatch)) {
                break;
            }
            until = t + step;
        }
        if (until > t) {
            w = intern(w);
        }
        spans.set(slot, until > t ? new Span(t, until, w) : new Span(t, t + REPROBE_MILLIS, null));
        return w;
    }

    private AtomicReferenceArray<Span> transfersTo(int store) {
        AtomicReferenceArray<AtomicReferenceArray<Span>> all = transfers;
        AtomicReferenceArray<Span> spans = all.get(store);
        if (spans == null) {
            all.compareAndSet(store, null, new AtomicReferenceArray<>(size));
            spans = all.get(store);
        }
        return spans;
    }

    private Window intern(Window w) {
        Window kept = windows.get(w);
        if (kept != null) {
            return kept;
        }
        if (windows.size() >= MAX_WINDOWS) {
            windows.clear();
        }
        kept = windows.putIfAbsent(w, w);
        return kept != null ? kept : w;
    }

    private Window compute(DeliveryMethod method, LegKind kind, int location, int pickupStore, Destination destination,
                           Instant start) {
        LegTiming timing = calendar.leg(method, kind, location, pickupStore, destination, start);
        return timing.isPromisable() ? new Window(timing.dispatch(), timing.window()) : null;
    }

    /** Forgets every span. */
    public void clear() {
        areas.clear();
        windows.clear();
        nowhere = new Area(null, size);
        collect = new AtomicReferenceArray<>(size);
        transfers = new AtomicReferenceArray<>(size);
    }
}

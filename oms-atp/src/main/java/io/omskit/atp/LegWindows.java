package io.omskit.atp;

import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.DeliveryWindow;
import io.omskit.orchestration.plan.LegKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The dispatch and window of promised legs, kept while they provably stay the same.
 *
 * <p>A leg's dispatch (carrier pickup, or the moment a collection is ready: {@link PromiseCalendar#dispatch}) depends
 * only on its location, kind and start, and never moves earlier when the order is placed later (release, working
 * time and carrier pickups all move forward with the start). So when the dispatch computed at two starts is the same,
 * it is the same at every start between them: such a span is kept per location, found by doubling the second start
 * while the dispatch stays. A leg's window is a function of its dispatch, so it is kept per leg with the dispatch it
 * was computed for, and reused while the location's span gives that dispatch. Legs whose dispatch moves with the
 * start (collection at once, a location without carrier pickups) keep no dispatch: it is the start plus the processing
 * lead time over the span {@link PromiseCalendar#movingDispatchUntil} vouches for, else computed at every call (and
 * probed again a minute later). Their window, a non-decreasing function of the dispatch, is kept over the span of
 * dispatches found the same way (doubling a probe while the window stays).
 *
 * <p>Windows are kept in arrays by location: per {@link Area destination} and service level for delivery legs, per
 * store for collections and transfers, so that a call reads one array slot instead of hashing a key; equal windows
 * are kept once. Thread-safe; destinations and windows are bounded, each emptied when full: they are read several
 * times per line of every question, where a bounded cache's bookkeeping measured a quarter slower on a 10-line cart
 * (AtpBenchmark.cart10Latency), and emptying costs only their cheap recomputation, never a wrong or missing promise.
 */
final class LegWindows {

    private static final long FIRST_PROBE_MILLIS = Duration.ofMinutes(1).toMillis();
    private static final long LONGEST_SPAN_MILLIS = Duration.ofDays(1).toMillis();
    private static final long REPROBE_MILLIS = Duration.ofMinutes(1).toMillis();
    private static final int MAX_WINDOWS = 100_000;

    /** A leg's dispatch and window. */
    public record Window(Instant dispatch, DeliveryWindow window) {
    }

    /**
     * The location's dispatch for starts in [from, until] (epoch millis): {@code dispatch}, or when null the start plus
     * {@code lead}, or when both are null computed at every call.
     */
    private record Span(long from, long until, Instant dispatch, Duration lead) {
    }

    /**
     * The window of a leg whose dispatch moves with the start, for every dispatch in [from, until] (epoch millis);
     * null window: none can be promised. A window is a non-decreasing function of the dispatch, so it is the
     * same between two dispatches that give the same one.
     */
    private record Moving(long from, long until, DeliveryWindow window) {
    }

    /** The delivery legs to one destination, per service level and location. Obtain with {@link #area}. */
    public static final class Area {
        private final Destination destination;
        /**
         * Per location, a {@link Window} (its dispatch fixed over a span of starts) or a {@link Moving}, as in every
         * kept array.
         */
        private final AtomicReferenceArray<Object> standard;
        private final AtomicReferenceArray<Object> express;

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
    private volatile AtomicReferenceArray<Span> dispatches;
    private volatile AtomicReferenceArray<Span> readiness;
    private volatile AtomicReferenceArray<Object> collect;
    private volatile AtomicReferenceArray<AtomicReferenceArray<Object>> transfers;

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
        Span span = span(kind, location, start);
        AtomicReferenceArray<Object> kept = switch (kind) {
            case DELIVER -> method == DeliveryMethod.EXPRESS_DELIVERY ? area.express : area.standard;
            case COLLECT -> collect;
            case TRANSFER -> transfersTo(pickupStore);
        };
        Instant dispatch = span.dispatch;
        if (dispatch == null) {
            Instant moving = span.lead != null ? start.plus(span.lead) : calendar.dispatch(kind, location, start);
            return moving == null ? null : moving(method, kind, location, pickupStore, area.destination, moving, kept);
        }
        Window w = kept.get(location) instanceof Window held && held.dispatch.equals(dispatch) ? held : null;
        if (w == null) {
            w = compute(method, kind, location, pickupStore, area.destination, start);
            // a leg that cannot be promised at this dispatch cannot be at any start with it
            w = w == null ? new Window(dispatch, null) : intern(w);
            // release, not volatile: a memo of immutable values needs no fence, which would wait for pending stores
            kept.setRelease(location, w);
        }
        return w.window == null ? null : w;
    }

    /**
     * A leg whose dispatch moves with the start, at {@code dispatch}: its window kept over the span of dispatches found
     * by doubling a probe while the window stays (a window that moves with the dispatch is computed at every call and
     * probed again a minute later).
     */
    private Window moving(DeliveryMethod method, LegKind kind, int location, int pickupStore, Destination destination,
                          Instant dispatch, AtomicReferenceArray<Object> kept) {
        long t = dispatch.toEpochMilli();
        Object o = kept.get(location);
        if (o instanceof Moving m && t >= m.from) {
            if (t <= m.until) {
                return m.window == null ? null : new Window(dispatch, m.window);
            }
            if (m.until == m.from && t <= m.from + REPROBE_MILLIS) {
                DeliveryWindow w = calendar.window(method, kind, location, pickupStore, destination, dispatch);
                return w == null ? null : new Window(dispatch, w);
            }
        }
        DeliveryWindow w = calendar.window(method, kind, location, pickupStore, destination, dispatch);
        long until = t;
        for (long step = FIRST_PROBE_MILLIS; step <= LONGEST_SPAN_MILLIS; step *= 2) {
            DeliveryWindow later = calendar.window(method, kind, location, pickupStore, destination,
                    Instant.ofEpochMilli(t + step));
            if (!Objects.equals(w, later)) {
                break;
            }
            until = t + step;
        }
        kept.setRelease(location, new Moving(t, until, w));
        return w == null ? null : new Window(dispatch, w);
    }

    /**
     * The location's kept span of dispatches for {@code kind} holding {@code start}, found now if none: one dispatch
     * while it stays the same, or one that moves with the start (plus the processing lead time while the calendar says
     * so, {@link PromiseCalendar#movingDispatchUntil}; else computed at every call and probed again a minute later).
     */
    private Span span(LegKind kind, int location, Instant start) {
        AtomicReferenceArray<Span> spans = kind == LegKind.COLLECT ? readiness : dispatches;
        long t = start.toEpochMilli();
        Span s = spans.get(location);
        if (s != null && t >= s.from && t <= s.until) {
            return s;
        }
        Instant d = calendar.dispatch(kind, location, start);
        long until = t;
        for (long step = FIRST_PROBE_MILLIS; d != null && step <= LONGEST_SPAN_MILLIS; step *= 2) {
            if (!d.equals(calendar.dispatch(kind, location, Instant.ofEpochMilli(t + step)))) {
                break;
            }
            until = t + step;
        }
        if (until > t) {
            s = new Span(t, until, d, null);
        } else {
            // the last millisecond is left out: a start within it may lie after the last start the calendar vouches for
            long moving = d == null ? t : calendar.movingDispatchUntil(kind, location, start).toEpochMilli() - 1;
            s = moving >= t ? new Span(t, moving, null, Duration.between(start, d)) : new Span(t, t + REPROBE_MILLIS, null, null);
        }
        spans.setRelease(location, s);
        return s;
    }

    private AtomicReferenceArray<Object> transfersTo(int store) {
        AtomicReferenceArray<AtomicReferenceArray<Object>> all = transfers;
        AtomicReferenceArray<Object> row = all.get(store);
        if (row == null) {
            all.compareAndSet(store, null, new AtomicReferenceArray<>(size));
            row = all.get(store);
        }
        return row;
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
        dispatches = new AtomicReferenceArray<>(size);
        readiness = new AtomicReferenceArray<>(size);
        collect = new AtomicReferenceArray<>(size);
        transfers = new AtomicReferenceArray<>(size);
    }
}

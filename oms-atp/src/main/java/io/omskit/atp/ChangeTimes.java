package io.omskit.atp;

import io.omskit.atp.calendar.WorkingCalendar;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Per location, the next instant its working calendar's view of "now" changes (opening, closing, cut-off,
 * midnight), kept until that instant passes. Thread-safe; lock-free.
 */
final class ChangeTimes {

    private record Span(long from, long until) {
    }

    private final WorkingCalendar[] calendars;
    private final AtomicReferenceArray<Span> spans;

    /** Change times of the locations whose calendars are {@code calendars}, by dense index. */
    public ChangeTimes(WorkingCalendar[] calendars) {
        this.calendars = calendars.clone();
        this.spans = new AtomicReferenceArray<>(calendars.length);
    }

    /** The next change at {@code location} after {@code now}, in epoch milliseconds. */
    public long nextChange(int location, Instant now) {
        long t = now.toEpochMilli();
        Span s = spans.get(location);
        if (s == null || t < s.from || t >= s.until) {
            s = new Span(t, calendars[location].nextChange(now).toEpochMilli());
            spans.set(location, s);
        }
        return s.until;
    }
}

package io.omskit.atp.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Local times of one zone, converted without searching the zone's transition table each time: the span between two
 * offset transitions last used is kept, and instants or local times well inside it are converted with its offset.
 * Answers exactly as {@link LocalDateTime#ofInstant} and {@link ZonedDateTime#ofLocal} (a local time in a gap moves
 * forward, one in an overlap takes the earlier offset). Thread-safe.
 */
public final class ZoneSpans {

    private static final long DAY = 86_400;

    private record Span(long from, long until, ZoneOffset offset) {
    }

    private final ZoneId zone;
    private final ZoneRules rules;
    private volatile Span span;

    /** Conversions in {@code zone}. */
    public ZoneSpans(ZoneId zone) {
        this.zone = zone;
        this.rules = zone.getRules();
    }

    /** The zone. */
    public ZoneId zone() {
        return zone;
    }

    /** The local date and time of {@code time}. */
    public LocalDateTime local(Instant time) {
        long s = time.getEpochSecond();
        Span sp = span;
        if (sp == null || s < sp.from || s >= sp.until) {
            sp = spanAt(time);
            span = sp;
        }
        return LocalDateTime.ofEpochSecond(s, time.getNano(), sp.offset);
    }

    /** The instant of {@code local}: a local time in a gap moves forward, one in an overlap takes the earlier offset. */
    public Instant at(LocalDateTime local) {
        Span sp = span;
        if (sp != null) {
            long s = local.toEpochSecond(sp.offset);
            // a day away from either transition, the local time has this one offset and no other
            if (s - DAY >= sp.from && s + DAY < sp.until) {
                return Instant.ofEpochSecond(s, local.getNano());
            }
        }
        Instant t = ZonedDateTime.ofLocal(local, zone, null).toInstant();
        span = spanAt(t);
        return t;
    }

    private Span spanAt(Instant time) {
        ZoneOffset offset = rules.getOffset(time);
        ZoneOffsetTransition next = rules.nextTransition(time);
        ZoneOffsetTransition previous = rules.previousTransition(time);
        long from = previous != null && previous.getOffsetAfter().equals(offset)
                && previous.toEpochSecond() <= time.getEpochSecond() ? previous.toEpochSecond() : time.getEpochSecond();
        long until = next == null ? Long.MAX_VALUE : next.toEpochSecond();
        return new Span(from, until, offset);
    }
}

package io.omskit.orchestration.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The local date of instants in a fixed set of zones, as {@link LocalDate#ofInstant} gives it, without asking the
 * zone's rules each time: per zone, the date last asked for is kept with the instants over which it provably holds
 * (the same offset, and before the next local midnight). Thread-safe; lock-free.
 */
final class LocalDays {

    private static final long DAY = 86_400;

    /** {@code date} is the local date of every instant in [from, until), in epoch seconds. */
    private record Day(long from, long until, LocalDate date) {
    }

    private final ZoneId[] zones;
    private final AtomicReferenceArray<Day> days;

    /** Local dates in each of {@code zones}, named by index. */
    LocalDays(ZoneId[] zones) {
        this.zones = zones.clone();
        this.days = new AtomicReferenceArray<>(zones.length);
    }

    /** The number of zones. */
    int size() {
        return zones.length;
    }

    /** The local date of {@code time} in the {@code zone}-th zone. */
    LocalDate of(int zone, Instant time) {
        long s = time.getEpochSecond();
        Day d = days.get(zone);
        if (d == null || s < d.from || s >= d.until) {
            d = dayOf(zones[zone], s);
            days.set(zone, d);
        }
        return d.date;
    }

    private static Day dayOf(ZoneId zone, long s) {
        ZoneRules rules = zone.getRules();
        Instant time = Instant.ofEpochSecond(s);
        ZoneOffset offset = rules.getOffset(time);
        int shift = offset.getTotalSeconds();
        long epochDay = Math.floorDiv(s + shift, DAY);
        long from = epochDay * DAY - shift;
        long until = from + DAY;
        ZoneOffsetTransition next = rules.nextTransition(time);
        if (next != null) {
            until = Math.min(until, next.toEpochSecond());
        }
        ZoneOffsetTransition previous = rules.previousTransition(time);
        // the offset holds back to the previous transition only when that transition is the one that set it
        if (previous == null || !previous.getOffsetAfter().equals(offset) || previous.toEpochSecond() > s) {
            from = s;
        } else {
            from = Math.max(from, previous.toEpochSecond());
        }
        return new Day(from, until, LocalDate.ofEpochDay(epochDay));
    }
}

package io.omskit.atp.calendar;

import io.omskit.atp.internal.ZoneSpans;
import io.omskit.atp.spi.HolidaySource;
import io.omskit.core.common.Checks;
import io.omskit.core.network.HolidayCalendar;
import io.omskit.core.network.Location;
import io.omskit.core.network.TimeRange;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * When a location works, in its own time zone: its weekly opening hours, minus the public holidays of its country
 * and region (from a {@link HolidaySource}) and its own closures. It answers the questions a promise asks: when is
 * an order placed now released (the cut-off rule), when is it ready after the processing lead time (counted in
 * opening hours only), which is the n-th working day after a date. Thread-safe and immutable but for a cache of
 * closed days per year.
 *
 * <p>Every answer searches at most {@value #HORIZON_DAYS} days ahead; a location that does not open within that
 * horizon gets null ("never").
 */
public final class WorkingCalendar {

    /** How far ahead the calendar searches for an opening, in days. */
    public static final int HORIZON_DAYS = 400;

    private final Location location;
    private final ZoneId zone;
    private final ZoneRules rules;
    private final ZoneOffset fixedOffset;
    private final ZoneSpans spans;
    private final HolidaySource holidays;
    private final int[][] openFrom;
    private final int[][] openTo;
    private final int cutOff;
    private final AtomicReferenceArray<ClosedDays> closedDays = new AtomicReferenceArray<>(16);

    private record ClosedDays(int year, boolean[] closed, boolean[] dayOff, boolean[] publicHoliday) {
    }

    private WorkingCalendar(Location location, HolidaySource holidays) {
        this.location = location;
        this.zone = location.zone();
        this.rules = zone.getRules();
        this.fixedOffset = rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH) : null;
        this.spans = new ZoneSpans(zone);
        this.holidays = holidays;
        this.openFrom = new int[7][];
        this.openTo = new int[7][];
        for (DayOfWeek d : DayOfWeek.values()) {
            List<TimeRange> ranges = location.openingHours().on(d);
            int[] from = new int[ranges.size()];
            int[] to = new int[ranges.size()];
            for (int k = 0; k < ranges.size(); k++) {
                from[k] = ranges.get(k).from().toSecondOfDay();
                to[k] = ranges.get(k).to().toSecondOfDay();
            }
            openFrom[d.ordinal()] = from;
            openTo[d.ordinal()] = to;
        }
        this.cutOff = location.orderCutOff().toSecondOfDay();
    }

    /**
     * The calendar of {@code location}.
     *
     * @param holidays where public holidays come from; the location's {@link HolidayCalendar#countryCode()} and
     *                 {@link HolidayCalendar#region()} select them
     */
    public static WorkingCalendar of(Location location, HolidaySource holidays) {
        return new WorkingCalendar(Checks.notNull(location, "location"), Checks.notNull(holidays, "holidays"));
    }

    /** The location. */
    public Location location() {
        return location;
    }

    /** The location's time zone. */
    public ZoneId zone() {
        return zone;
    }

    /** Whether {@code date} is a public holiday where the location is. */
    public boolean isPublicHoliday(LocalDate date) {
        return days(date.getYear()).publicHoliday[date.getDayOfYear()];
    }

    /** Whether the location is off on {@code date}: a public holiday or one of its own closures (opening hours aside). */
    public boolean isDayOff(LocalDate date) {
        return days(date.getYear()).dayOff[date.getDayOfYear()];
    }

    /** Whether the location opens at all on {@code date}: it has opening hours that weekday and is not off. */
    public boolean isWorkingDay(LocalDate date) {
        return !days(date.getYear()).closed[date.getDayOfYear()];
    }

    /** Whether the location is open at {@code time}. */
    public boolean isOpen(Instant time) {
        LocalDateTime local = local(time);
        LocalDate date = local.toLocalDate();
        if (!isWorkingDay(date)) {
            return false;
        }
        int second = local.toLocalTime().toSecondOfDay();
        int[] from = openFrom[date.getDayOfWeek().ordinal()];
        int[] to = openTo[date.getDayOfWeek().ordinal()];
        for (int k = 0; k < from.length; k++) {
            if (second >= from[k] && second < to[k]) {
                return true;
            }
        }
        return false;
    }

    /** The first instant at or after {@code time} at which the location is open; null when it never opens. */
    public Instant nextOpen(Instant time) {
        LocalDate date = local(time).toLocalDate();
        for (int d = 0; d <= HORIZON_DAYS; d++, date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            int[] from = openFrom[date.getDayOfWeek().ordinal()];
            int[] to = openTo[date.getDayOfWeek().ordinal()];
            for (int k = 0; k < from.length; k++) {
                Instant end = at(date, to[k]);
                if (time.isBefore(end)) {
                    Instant start = at(date, from[k]);
                    return time.isAfter(start) ? time : start;
                }
            }
        }
        return null;
    }

    /** When the location opens on {@code date}; null when it does not work that day. */
    public Instant opening(LocalDate date) {
        if (!isWorkingDay(date)) {
            return null;
        }
        return at(date, openFrom[date.getDayOfWeek().ordinal()][0]);
    }

    /**
     * When an order placed at {@code orderTime} is released to the location: at once (or at the next opening that
     * day) when that local day is a working day and the local time is before the cut-off; otherwise at the opening
     * of the next working day. Null when the location never opens.
     */
    public Instant release(Instant orderTime) {
        LocalDateTime local = local(orderTime);
        LocalDate date = local.toLocalDate();
        if (isWorkingDay(date) && local.toLocalTime().toSecondOfDay() < cutOff) {
            int[] from = openFrom[date.getDayOfWeek().ordinal()];
            int[] to = openTo[date.getDayOfWeek().ordinal()];
            for (int k = 0; k < from.length; k++) {
                Instant end = at(date, to[k]);
                if (orderTime.isBefore(end)) {
                    Instant start = at(date, from[k]);
                    return orderTime.isAfter(start) ? orderTime : start;
                }
            }
        }
        LocalDate next = nextWorkingDay(date, 1);
        return next == null ? null : opening(next);
    }

    /**
     * {@code start} plus {@code work} of opening time: time while the location is closed does not count. A zero
     * duration gives {@code start}. Null when the location does not open often enough within the horizon.
     */
    public Instant addWorkingTime(Instant start, Duration work) {
        long remaining = work.getSeconds();
        int nanos = work.getNano();
        if (remaining == 0 && nanos == 0) {
            return start;
        }
        if (work.isNegative()) {
            throw new IllegalArgumentException("work must not be negative, was " + work);
        }
        Instant t = start;
        LocalDate date = local(start).toLocalDate();
        for (int d = 0; d <= HORIZON_DAYS; d++, date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            int[] from = openFrom[date.getDayOfWeek().ordinal()];
            int[] to = openTo[date.getDayOfWeek().ordinal()];
            for (int k = 0; k < from.length; k++) {
                Instant end = at(date, to[k]);
                if (!t.isBefore(end)) {
                    continue;
                }
                Instant begin = at(date, from[k]);
                if (begin.isAfter(t)) {
                    t = begin;
                }
                long available = end.getEpochSecond() - t.getEpochSecond();
                if (remaining < available || (remaining == available && nanos == 0)) {
                    return t.plusSeconds(remaining).plusNanos(nanos);
                }
                remaining -= available;
                t = end;
            }
        }
        return null;
    }

    /**
     * The {@code n}-th working day after {@code date} ({@code date} itself for 0 when it is a working day, else the
     * next one). Null when there is none within the horizon.
     */
    public LocalDate nextWorkingDay(LocalDate date, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        LocalDate d = date;
        int counted = 0;
        if (n == 0) {
            for (int i = 0; i <= HORIZON_DAYS; i++, d = d.plusDays(1)) {
                if (isWorkingDay(d)) {
                    return d;
                }
            }
            return null;
        }
        for (int i = 0; i < HORIZON_DAYS; i++) {
            d = d.plusDays(1);
            if (isWorkingDay(d) && ++counted == n) {
                return d;
            }
        }
        return null;
    }

    /**
     * The next instant after {@code time} at which an answer of this calendar about "now" can change: an opening or
     * closing, the cut-off, or local midnight. Promises computed at {@code time} from this location's point of view
     * stay the same (or move with the clock) until then.
     */
    public Instant nextChange(Instant time) {
        LocalDateTime local = local(time);
        LocalDate date = local.toLocalDate();
        int second = local.toLocalTime().toSecondOfDay();
        int best = 86_400;
        if (cutOff > second) {
            best = cutOff;
        }
        if (isWorkingDay(date)) {
            int[] from = openFrom[date.getDayOfWeek().ordinal()];
            int[] to = openTo[date.getDayOfWeek().ordinal()];
            for (int k = 0; k < from.length; k++) {
                if (from[k] > second && from[k] < best) {
                    best = from[k];
                }
                if (to[k] > second && to[k] < best) {
                    best = to[k];
                }
            }
        }
        Instant next = best == 86_400 ? at(date.plusDays(1), 0) : at(date, best);
        return next.isAfter(time) ? next : time.plusSeconds(1);
    }

    /** The local date and time of {@code time} at the location. */
    public LocalDateTime local(Instant time) {
        if (fixedOffset != null) {
            return LocalDateTime.ofEpochSecond(time.getEpochSecond(), time.getNano(), fixedOffset);
        }
        return spans.local(time);
    }

    /** The instant of {@code secondOfDay} on {@code date} at the location (a time in a DST gap moves forward). */
    public Instant at(LocalDate date, int secondOfDay) {
        LocalDateTime ldt = secondOfDay >= 86_400
                ? date.plusDays(1).atStartOfDay()
                : LocalDateTime.of(date, LocalTime.ofSecondOfDay(secondOfDay));
        if (fixedOffset != null) {
            return ldt.toInstant(fixedOffset);
        }
        return spans.at(ldt);
    }

    private ClosedDays days(int year) {
        int slot = Math.floorMod(year, 16);
        ClosedDays c = closedDays.get(slot);
        if (c == null || c.year != year) {
            c = compute(year);
            closedDays.set(slot, c);
        }
        return c;
    }

    private ClosedDays compute(int year) {
        boolean[] closed = new boolean[367];
        boolean[] dayOff = new boolean[367];
        boolean[] publicHoliday = new boolean[367];
        HolidayCalendar calendar = location.holidays();
        Set<LocalDate> publicHolidays = calendar.countryCode() == null
                ? Set.of()
                : holidays.publicHolidays(calendar.countryCode(), calendar.region(), year);
        LocalDate d = LocalDate.of(year, 1, 1);
        while (d.getYear() == year) {
            publicHoliday[d.getDayOfYear()] = publicHolidays.contains(d);
            boolean off = publicHoliday[d.getDayOfYear()] || calendar.isClosure(d);
            dayOff[d.getDayOfYear()] = off;
            closed[d.getDayOfYear()] = off || openFrom[d.getDayOfWeek().ordinal()].length == 0;
            d = d.plusDays(1);
        }
        return new ClosedDays(year, closed, dayOff, publicHoliday);
    }
}

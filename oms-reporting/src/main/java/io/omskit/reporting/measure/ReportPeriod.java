package io.omskit.reporting.measure;

import io.omskit.core.common.Problem;
import io.omskit.core.common.ValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The days a report covers, both ends included, as the calendar of {@code zone} counts them: an event belongs to the
 * day its instant falls on in that zone.
 *
 * @param from the first day
 * @param to   the last day, not before {@code from}
 * @param zone the time zone of the days
 */
public record ReportPeriod(LocalDate from, LocalDate to, ZoneId zone) {

    /** Longest period a report covers: about ten years of days. */
    public static final int MAX_DAYS = 3_700;

    /** @throws ValidationException naming every field that is missing, or a period that is reversed or too long */
    public ReportPeriod {
        List<Problem> problems = new ArrayList<>();
        if (from == null) {
            problems.add(new Problem("from", null, "must be given"));
        }
        if (to == null) {
            problems.add(new Problem("to", null, "must be given"));
        }
        if (zone == null) {
            problems.add(new Problem("zone", null, "must be given"));
        }
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                problems.add(new Problem("to", to.toString(), "must not be before from " + from));
            } else if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
                problems.add(new Problem("to", to.toString(), "must be less than " + MAX_DAYS + " days after from " + from));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("report period", problems);
        }
    }

    /** The days from {@code from} to {@code to}, both included. */
    public static ReportPeriod of(LocalDate from, LocalDate to, ZoneId zone) {
        return new ReportPeriod(from, to, zone);
    }

    /** The one day {@code day}. */
    public static ReportPeriod day(LocalDate day, ZoneId zone) {
        return new ReportPeriod(day, day, zone);
    }

    /** How many days it covers. */
    public int days() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** Its first instant: the start of {@code from}. */
    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The instant after it: the start of the day after {@code to}. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Whether {@code at} falls on one of its days. */
    public boolean contains(Instant at) {
        return at != null && !at.isBefore(start()) && at.isBefore(end());
    }

    /** The day {@code at} falls on, in its zone. */
    public LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }
}

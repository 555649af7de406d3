package io.omskit.atp.calendar;

import io.omskit.core.common.Checks;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * When the carrier collects parcels at a location: at {@code time} (the location's local time) on each of
 * {@code days}, except on the location's public holidays and own closures. A parcel ready after the day's pickup
 * leaves with the next one.
 *
 * @param days the weekdays with a pickup; not empty
 * @param time the local time of the pickup
 */
public record PickupSchedule(Set<DayOfWeek> days, LocalTime time) {

    public PickupSchedule {
        Checks.notNull(days, "days");
        if (days.isEmpty()) {
            throw new IllegalArgumentException("days must not be empty");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
        Checks.notNull(time, "time");
    }

    /** A pickup at {@code time} Monday to Friday. */
    public static PickupSchedule weekdaysAt(LocalTime time) {
        return new PickupSchedule(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), time);
    }

    /** A pickup at {@code time} on {@code days}. */
    public static PickupSchedule at(LocalTime time, DayOfWeek... days) {
        return new PickupSchedule(days.length == 0 ? Set.of() : EnumSet.of(days[0], days), time);
    }

    /**
     * The first pickup at or after {@code ready} at the calendar's location; null when none within the calendar's
     * horizon.
     */
    public Instant next(WorkingCalendar calendar, Instant ready) {
        LocalDate date = calendar.local(ready).toLocalDate();
        int second = time.toSecondOfDay();
        for (int d = 0; d <= WorkingCalendar.HORIZON_DAYS; d++, date = date.plusDays(1)) {
            if (!days.contains(date.getDayOfWeek()) || calendar.isDayOff(date)) {
                continue;
            }
            Instant pickup = calendar.at(date, second);
            if (!pickup.isBefore(ready)) {
                return pickup;
            }
        }
        return null;
    }
}

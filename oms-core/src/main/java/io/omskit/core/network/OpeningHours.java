package io.omskit.core.network;

import io.omskit.core.common.Checks;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Weekly opening hours in the location's local time. A day missing from the map is closed.
 *
 * @param week the open ranges of each day, sorted and not overlapping
 */
public record OpeningHours(Map<DayOfWeek, List<TimeRange>> week) {

    public OpeningHours {
        Checks.notNull(week, "week");
        EnumMap<DayOfWeek, List<TimeRange>> copy = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, ranges) -> {
            List<TimeRange> sorted = new ArrayList<>(ranges);
            sorted.sort(Comparator.comparing(TimeRange::from));
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i).from().isBefore(sorted.get(i - 1).to())) {
                    throw new IllegalArgumentException("opening hours of " + day + " overlap: " + sorted);
                }
            }
            if (!sorted.isEmpty()) {
                copy.put(day, List.copyOf(sorted));
            }
        });
        week = Collections.unmodifiableMap(copy);
    }

    /** Open around the clock every day. */
    public static OpeningHours alwaysOpen() {
        return every(DayOfWeek.values(), TimeRange.of("00:00", "23:59"));
    }

    /** Open in {@code range} on each of {@code days}. */
    public static OpeningHours every(DayOfWeek[] days, TimeRange range) {
        Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : days) {
            week.put(d, List.of(range));
        }
        return new OpeningHours(week);
    }

    /** Open in {@code weekdays} Monday to Saturday and in {@code sunday} on Sundays (null: closed). */
    public static OpeningHours mondayToSaturday(TimeRange weekdays, TimeRange sunday) {
        Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d != DayOfWeek.SUNDAY) {
                week.put(d, List.of(weekdays));
            } else if (sunday != null) {
                week.put(d, List.of(sunday));
            }
        }
        return new OpeningHours(week);
    }

    /** The open ranges of {@code day}; empty when closed all day. */
    public List<TimeRange> on(DayOfWeek day) {
        return week.getOrDefault(day, List.of());
    }

    /** Whether the location is open on {@code day} at {@code time}, ignoring holidays. */
    public boolean isOpen(DayOfWeek day, LocalTime time) {
        for (TimeRange r : on(day)) {
            if (r.contains(time)) {
                return true;
            }
        }
        return false;
    }
}

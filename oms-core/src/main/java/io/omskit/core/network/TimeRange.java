package io.omskit.core.network;

import io.omskit.core.common.Checks;
import java.time.LocalTime;

/**
 * A span of local time within one day, open at {@code from} and closed at {@code to}.
 */
public record TimeRange(LocalTime from, LocalTime to) {

    public TimeRange {
        Checks.notNull(from, "from");
        Checks.notNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("to must be after from, was " + from + "-" + to);
        }
    }

    /** The range between two times given as {@code HH:mm}. */
    public static TimeRange of(String from, String to) {
        return new TimeRange(LocalTime.parse(from), LocalTime.parse(to));
    }

    /** Whether {@code time} falls inside the range. */
    public boolean contains(LocalTime time) {
        return !time.isBefore(from) && time.isBefore(to);
    }
}

package io.omskit.atp.calendar;

import io.omskit.atp.internal.ZoneSpans;
import io.omskit.atp.spi.TransitTime;
import io.omskit.core.common.Checks;
import io.omskit.core.order.DeliveryWindow;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The days and hours a carrier service delivers to customers, in the customer's local time: on {@code days}
 * between {@code from} and {@code to}, never on the destination's public holidays.
 *
 * @param days the weekdays with deliveries; not empty
 * @param from the earliest local time of a delivery
 * @param to   the latest local time of a delivery, after {@code from}
 */
public record DeliveryDays(Set<DayOfWeek> days, LocalTime from, LocalTime to) {

    private static final int HORIZON_DAYS = 60;
    private static final ConcurrentHashMap<ZoneId, ZoneSpans> SPANS = new ConcurrentHashMap<>();

    public DeliveryDays {
        Checks.notNull(days, "days");
        if (days.isEmpty()) {
            throw new IllegalArgumentException("days must not be empty");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
        Checks.notNull(from, "from");
        Checks.notNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("to must be after from, was " + from + "-" + to);
        }
    }

    /** Deliveries Monday to Saturday between {@code from} and {@code to}. */
    public static DeliveryDays mondayToSaturday(LocalTime from, LocalTime to) {
        return new DeliveryDays(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), from, to);
    }

    /**
     * The delivery window of a parcel handed to the carrier at {@code dispatch} with {@code transit}: the day of
     * dispatch (in {@code zone}) is day 0; the earliest delivery is on the {@code minDays}-th delivery day after it
     * from {@code from} (for 0 days: the same day if it is a delivery day and the dispatch is before {@code to}, else
     * the next delivery day), the latest on the {@code maxDays}-th delivery day until {@code to}. Never before the
     * dispatch itself.
     *
     * @param holiday which local dates are public holidays at the destination
     * @return the window; null when the carrier does not deliver within 60 days
     */
    public DeliveryWindow window(Instant dispatch, TransitTime transit, ZoneId zone, Predicate<LocalDate> holiday) {
        ZoneSpans spans = SPANS.computeIfAbsent(zone, ZoneSpans::new);
        LocalDateTime local = spans.local(dispatch);
        LocalDate day0 = local.toLocalDate();
        LocalDate first;
        if (transit.minDays() == 0 && isDeliveryDay(day0, holiday) && local.toLocalTime().isBefore(to)) {
            first = day0;
        } else {
            first = nth(day0, Math.max(1, transit.minDays()), holiday);
        }
        LocalDate last = transit.maxDays() == 0 ? first : nth(day0, transit.maxDays(), holiday);
        if (first == null || last == null) {
            return null;
        }
        if (last.isBefore(first)) {
            last = first;
        }
        Instant earliest = spans.at(LocalDateTime.of(first, from));
        if (earliest.isBefore(dispatch)) {
            earliest = dispatch;
        }
        Instant latest = spans.at(LocalDateTime.of(last, to));
        return new DeliveryWindow(earliest, latest.isBefore(earliest) ? earliest : latest);
    }

    /** Whether the service delivers on {@code date}. */
    public boolean isDeliveryDay(LocalDate date, Predicate<LocalDate> holiday) {
        return days.contains(date.getDayOfWeek()) && !holiday.test(date);
    }

    private LocalDate nth(LocalDate day0, int n, Predicate<LocalDate> holiday) {
        LocalDate d = day0;
        int counted = 0;
        for (int i = 0; i < HORIZON_DAYS; i++) {
            d = d.plusDays(1);
            if (isDeliveryDay(d, holiday) && ++counted == n) {
                return d;
            }
        }
        return null;
    }
}

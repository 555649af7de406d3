package io.omskit.atp.calendar;

import static io.omskit.atp.calendar.Berlin.local;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.network.OpeningHours;
import io.omskit.core.network.TimeRange;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private final WorkingCalendar store = WorkingCalendar.of(Berlin.store("ST-1").build(), Berlin.HOLIDAYS);
    private final WorkingCalendar warehouse = WorkingCalendar.of(Berlin.warehouse("WH-1").build(), Berlin.HOLIDAYS);

    @Test
    void an_order_just_before_the_cut_off_is_released_at_once() {
        assertThat(store.release(local("2026-11-27T17:59:59"))).isEqualTo(local("2026-11-27T17:59:59"));
    }

    @Test
    void an_order_at_or_after_the_cut_off_is_released_at_the_next_working_days_opening() {
        assertThat(store.release(local("2026-11-27T18:00"))).isEqualTo(local("2026-11-28T09:00"));
        // Saturday after cut-off: Sunday is closed, Monday opens
        assertThat(store.release(local("2026-11-28T18:30"))).isEqualTo(local("2026-11-30T09:00"));
    }

    @Test
    void an_order_before_opening_is_released_at_opening() {
        assertThat(store.release(local("2026-11-27T06:10"))).isEqualTo(local("2026-11-27T09:00"));
    }

    @Test
    void sunday_is_closed_and_releases_on_monday() {
        assertThat(store.isWorkingDay(LocalDate.of(2026, 11, 29))).isFalse();
        assertThat(store.release(local("2026-11-29T11:00"))).isEqualTo(local("2026-11-30T09:00"));
    }

    @Test
    void public_holidays_of_the_locations_region_close_it() {
        assertThat(store.isPublicHoliday(LocalDate.of(2026, 3, 8))).isTrue(); // International Women's Day, Berlin only
        assertThat(store.isDayOff(LocalDate.of(2026, 3, 8))).isTrue();
        // Christmas Eve Thursday after cut-off: 25th and 26th are holidays, 27th is Sunday
        assertThat(store.release(local("2026-12-24T19:00"))).isEqualTo(local("2026-12-28T09:00"));
        // Good Friday and Easter Monday
        assertThat(warehouse.release(local("2026-04-02T16:00"))).isEqualTo(local("2026-04-04T00:00"));
        assertThat(warehouse.isWorkingDay(LocalDate.of(2026, 4, 6))).isFalse();
    }

    @Test
    void regional_holidays_apply_only_in_their_region() {
        WorkingCalendar munich = WorkingCalendar.of(Berlin.store("ST-MUC").holidays(
                io.omskit.core.network.HolidayCalendar.of("DE", "by")).build(), Berlin.HOLIDAYS);
        LocalDate corpusChristi = LocalDate.of(2026, 6, 4);
        assertThat(munich.isWorkingDay(corpusChristi)).isFalse();
        assertThat(store.isWorkingDay(corpusChristi)).isTrue();
    }

    @Test
    void a_locations_own_closure_closes_it() {
        WorkingCalendar closed = WorkingCalendar.of(Berlin.store("ST-2").holidays(
                io.omskit.core.network.HolidayCalendar.of("DE", "be").withClosure(LocalDate.of(2026, 11, 27))).build(),
                Berlin.HOLIDAYS);
        assertThat(closed.isWorkingDay(LocalDate.of(2026, 11, 27))).isFalse();
        assertThat(closed.isPublicHoliday(LocalDate.of(2026, 11, 27))).isFalse();
        assertThat(closed.release(local("2026-11-27T10:00"))).isEqualTo(local("2026-11-28T09:00"));
    }

    @Test
    void processing_counts_opening_hours_only() {
        // 30 min before closing: 30 min today, 30 min after tomorrow's opening
        assertThat(store.addWorkingTime(local("2026-11-27T19:30"), Duration.ofHours(1))).isEqualTo(local("2026-11-28T09:30"));
        // Saturday 19:30, Sunday closed
        assertThat(store.addWorkingTime(local("2026-11-28T19:30"), Duration.ofHours(1))).isEqualTo(local("2026-11-30T09:30"));
        assertThat(store.addWorkingTime(local("2026-11-27T10:00"), Duration.ZERO)).isEqualTo(local("2026-11-27T10:00"));
    }

    @Test
    void a_lunch_break_is_skipped() {
        WorkingCalendar lunch = WorkingCalendar.of(Berlin.store("ST-L").openingHours(new OpeningHours(Map.of(
                DayOfWeek.FRIDAY, List.of(TimeRange.of("09:00", "12:00"), TimeRange.of("13:00", "18:00"))))).build(),
                Berlin.HOLIDAYS);
        assertThat(lunch.addWorkingTime(local("2026-11-27T11:30"), Duration.ofHours(1))).isEqualTo(local("2026-11-27T13:30"));
        assertThat(lunch.isOpen(local("2026-11-27T12:30"))).isFalse();
        assertThat(lunch.nextOpen(local("2026-11-27T12:30"))).isEqualTo(local("2026-11-27T13:00"));
        // released during the break (before cut-off): at the afternoon opening
        assertThat(lunch.release(local("2026-11-27T12:10"))).isEqualTo(local("2026-11-27T13:00"));
        // next Friday only
        assertThat(lunch.release(local("2026-11-27T18:30"))).isEqualTo(local("2026-12-04T09:00"));
    }

    @Test
    void processing_across_the_spring_dst_change_counts_real_hours() {
        // 29 March 2026: clocks jump from 02:00 to 03:00 in Berlin
        Instant ready = warehouse.addWorkingTime(local("2026-03-29T00:30"), Duration.ofHours(4));
        assertThat(ready).isEqualTo(Instant.parse("2026-03-29T03:30:00Z"));
        assertThat(warehouse.local(ready).toLocalTime()).isEqualTo(LocalTime.of(5, 30));
    }

    @Test
    void processing_across_the_autumn_dst_change_counts_real_hours() {
        // 25 October 2026: clocks fall back from 03:00 to 02:00
        Instant ready = warehouse.addWorkingTime(local("2026-10-25T00:30"), Duration.ofHours(4));
        assertThat(ready).isEqualTo(Instant.parse("2026-10-25T02:30:00Z"));
        assertThat(warehouse.local(ready).toLocalTime()).isEqualTo(LocalTime.of(3, 30));
    }

    @Test
    void the_cut_off_is_local_time_on_both_sides_of_the_dst_change() {
        Instant saturday = Instant.parse("2026-03-28T13:30:00Z"); // 14:30 CET, before the 15:00 cut-off
        Instant sunday = Instant.parse("2026-03-29T13:30:00Z");   // 15:30 CEST, after it
        assertThat(warehouse.release(saturday)).isEqualTo(saturday);
        assertThat(warehouse.release(sunday)).isEqualTo(local("2026-03-30T00:00"));
    }

    @Test
    void nth_working_day_skips_weekends_and_holidays() {
        assertThat(store.nextWorkingDay(LocalDate.of(2026, 12, 23), 2)).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(store.nextWorkingDay(LocalDate.of(2026, 11, 29), 0)).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(store.nextWorkingDay(LocalDate.of(2026, 11, 27), 0)).isEqualTo(LocalDate.of(2026, 11, 27));
    }

    @Test
    void the_next_change_is_the_nearest_opening_closing_cut_off_or_midnight() {
        assertThat(store.nextChange(local("2026-11-27T08:00"))).isEqualTo(local("2026-11-27T09:00"));
        assertThat(store.nextChange(local("2026-11-27T17:00"))).isEqualTo(local("2026-11-27T18:00"));
        assertThat(store.nextChange(local("2026-11-27T19:00"))).isEqualTo(local("2026-11-27T20:00"));
        assertThat(store.nextChange(local("2026-11-27T21:00"))).isEqualTo(local("2026-11-28T00:00"));
    }

    @Test
    void a_location_that_never_opens_gives_no_release() {
        WorkingCalendar never = WorkingCalendar.of(Berlin.store("ST-N").openingHours(new OpeningHours(Map.of())).build(),
                Berlin.HOLIDAYS);
        assertThat(never.release(local("2026-11-27T10:00"))).isNull();
        assertThat(never.addWorkingTime(local("2026-11-27T10:00"), Duration.ofHours(1))).isNull();
    }
}

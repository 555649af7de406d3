package io.omskit.atp.calendar;

import static io.omskit.atp.calendar.Berlin.local;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.atp.internal.CountryHolidays;
import io.omskit.atp.spi.TransitTime;
import io.omskit.core.order.DeliveryWindow;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CarrierDaysTest {

    private final WorkingCalendar warehouse = WorkingCalendar.of(Berlin.warehouse("WH-1").build(), Berlin.HOLIDAYS);
    private final PickupSchedule fivePm = PickupSchedule.weekdaysAt(LocalTime.of(17, 0));
    private final DeliveryDays standard = DeliveryDays.mondayToSaturday(LocalTime.of(8, 0), LocalTime.of(20, 0));
    private final CountryHolidays germany = CountryHolidays.of("DE", null, Berlin.HOLIDAYS);

    @Test
    void a_parcel_ready_before_the_pickup_leaves_the_same_day() {
        assertThat(fivePm.next(warehouse, local("2026-11-26T16:59"))).isEqualTo(local("2026-11-26T17:00"));
        assertThat(fivePm.next(warehouse, local("2026-11-26T17:00"))).isEqualTo(local("2026-11-26T17:00"));
    }

    @Test
    void a_parcel_ready_after_fridays_pickup_leaves_on_monday() {
        assertThat(fivePm.next(warehouse, local("2026-11-27T17:01"))).isEqualTo(local("2026-11-30T17:00"));
    }

    @Test
    void there_is_no_pickup_on_a_public_holiday() {
        assertThat(fivePm.next(warehouse, local("2026-12-24T18:00"))).isEqualTo(local("2026-12-28T17:00"));
        PickupSchedule saturdays = PickupSchedule.at(LocalTime.of(12, 0), DayOfWeek.SATURDAY);
        assertThat(saturdays.next(warehouse, local("2026-12-24T18:00"))).isEqualTo(local("2027-01-02T12:00"));
    }

    @Test
    void next_day_delivery_after_a_friday_dispatch_arrives_on_saturday() {
        DeliveryWindow w = standard.window(local("2026-11-27T17:00"), TransitTime.days(1), Berlin.ZONE, germany);
        assertThat(w).isEqualTo(new DeliveryWindow(local("2026-11-28T08:00"), local("2026-11-28T20:00")));
    }

    @Test
    void delivery_days_skip_sundays_and_public_holidays() {
        DeliveryWindow w = standard.window(local("2026-12-24T17:00"), TransitTime.days(1, 2), Berlin.ZONE, germany);
        assertThat(w).isEqualTo(new DeliveryWindow(local("2026-12-28T08:00"), local("2026-12-29T20:00")));
    }

    @Test
    void delivery_days_are_counted_in_the_customers_zone() {
        Instant dispatch = Instant.parse("2026-11-23T23:30:00Z"); // Monday 23:30 UTC, Tuesday 00:30 in Berlin
        DeliveryWindow inBerlin = standard.window(dispatch, TransitTime.days(1), Berlin.ZONE, germany);
        DeliveryWindow inLondon = standard.window(dispatch, TransitTime.days(1), ZoneId.of("Europe/London"),
                CountryHolidays.of("GB", null, Berlin.HOLIDAYS));
        assertThat(inBerlin.earliest()).isEqualTo(local("2026-11-25T08:00"));
        assertThat(inLondon.earliest()).isEqualTo(Instant.parse("2026-11-24T08:00:00Z"));
    }

    @Test
    void same_day_delivery_is_possible_only_before_the_end_of_delivery_hours() {
        DeliveryWindow morning = standard.window(local("2026-11-26T10:00"), TransitTime.days(0), Berlin.ZONE, germany);
        assertThat(morning).isEqualTo(new DeliveryWindow(local("2026-11-26T10:00"), local("2026-11-26T20:00")));
        DeliveryWindow night = standard.window(local("2026-11-26T21:00"), TransitTime.days(0), Berlin.ZONE, germany);
        assertThat(night.earliest()).isEqualTo(local("2026-11-27T08:00"));
    }

    @Test
    void delivery_hours_keep_their_local_time_across_the_dst_change() {
        // dispatched Saturday 28 March (CET), delivered Monday 30 March (CEST) from 08:00 local
        DeliveryWindow w = standard.window(local("2026-03-28T17:00"), TransitTime.days(1), Berlin.ZONE, germany);
        assertThat(w.earliest()).isEqualTo(Instant.parse("2026-03-30T06:00:00Z"));
    }
}

package io.omskit.atp;

import static io.omskit.atp.calendar.Berlin.local;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.atp.calendar.Berlin;
import io.omskit.atp.calendar.PickupSchedule;
import io.omskit.atp.calendar.TransitTable;
import io.omskit.atp.spi.ServiceLevel;
import io.omskit.atp.spi.TransitTime;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.Network;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.DeliveryWindow;
import io.omskit.orchestration.plan.LegKind;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromiseCalendarTest {

    private final Network network = Network.of(List.of(Berlin.warehouse("WH").build(), Berlin.store("ST").build()));
    private final PromiseCalendar calendar = PromiseCalendar.builder(network)
            .holidays(Berlin.HOLIDAYS)
            .pickup(LocationId.of("WH"), PickupSchedule.weekdaysAt(LocalTime.of(17, 0)))
            .build();
    private final Destination mitte = Destination.of("DE", "10115", GeoPoint.of(52.53, 13.38), Berlin.ZONE);

    @Test
    void standard_delivery_before_the_cut_off_leaves_with_todays_pickup() {
        LegTiming t = calendar.leg(DeliveryMethod.STANDARD_DELIVERY, LegKind.DELIVER, 0, -1, mitte, local("2026-11-26T10:00"));
        assertThat(t.release()).isEqualTo(local("2026-11-26T10:00"));
        assertThat(t.ready()).isEqualTo(local("2026-11-26T14:00"));
        assertThat(t.dispatch()).isEqualTo(local("2026-11-26T17:00"));
        assertThat(t.window()).isEqualTo(new DeliveryWindow(local("2026-11-27T08:00"), local("2026-11-28T20:00")));
    }

    @Test
    void standard_delivery_after_the_cut_off_ships_the_next_working_day() {
        LegTiming t = calendar.leg(DeliveryMethod.STANDARD_DELIVERY, LegKind.DELIVER, 0, -1, mitte, local("2026-11-26T15:30"));
        assertThat(t.dispatch()).isEqualTo(local("2026-11-27T17:00"));
        assertThat(t.window()).isEqualTo(new DeliveryWindow(local("2026-11-28T08:00"), local("2026-11-30T20:00")));
    }

    @Test
    void a_regional_public_holiday_at_the_destination_moves_the_delivery_day_there_only() {
        // 6 January (Epiphany) is a public holiday in Bavaria, not in Berlin or nationwide
        Destination munich = Destination.of("DE", "80331", GeoPoint.of(52.50, 13.40), Berlin.ZONE).inRegion("by");
        LegTiming toMunich = calendar.leg(DeliveryMethod.EXPRESS_DELIVERY, LegKind.DELIVER, 0, -1, munich,
                local("2027-01-05T10:00"));
        LegTiming toBerlin = calendar.leg(DeliveryMethod.EXPRESS_DELIVERY, LegKind.DELIVER, 0, -1, mitte,
                local("2027-01-05T10:00"));
        assertThat(toBerlin.window()).isEqualTo(new DeliveryWindow(local("2027-01-06T08:00"), local("2027-01-06T12:00")));
        assertThat(toMunich.dispatch()).isEqualTo(toBerlin.dispatch());
        assertThat(toMunich.window()).isEqualTo(new DeliveryWindow(local("2027-01-07T08:00"), local("2027-01-07T12:00")));
    }

    @Test
    void a_destination_region_keeps_the_nationwide_holidays() {
        Destination munich = Destination.of("DE", "80331", GeoPoint.of(52.50, 13.40), Berlin.ZONE).inRegion("by");
        assertThat(calendar.holidays("DE", "by").test(java.time.LocalDate.of(2027, 1, 6))).isTrue();
        assertThat(calendar.holidays("DE", "by").test(java.time.LocalDate.of(2027, 10, 3))).isTrue();
        assertThat(calendar.holidays("DE", null).test(java.time.LocalDate.of(2027, 1, 6))).isFalse();
        assertThat(calendar.countryHolidays("DE").test(java.time.LocalDate.of(2027, 10, 3))).isTrue();
        assertThat(munich.region()).isEqualTo("by");
    }

    @Test
    void express_delivery_arrives_next_morning() {
        LegTiming t = calendar.leg(DeliveryMethod.EXPRESS_DELIVERY, LegKind.DELIVER, 0, -1, mitte, local("2026-11-26T10:00"));
        assertThat(t.window()).isEqualTo(new DeliveryWindow(local("2026-11-27T08:00"), local("2026-11-27T12:00")));
    }

    @Test
    void express_click_and_collect_is_ready_within_one_to_two_hours_while_the_store_is_open() {
        LegTiming t = calendar.leg(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT, LegKind.COLLECT, 1, 1, null, local("2026-11-27T10:00"));
        assertThat(t.window()).isEqualTo(new DeliveryWindow(local("2026-11-27T11:00"), local("2026-11-27T12:00")));
    }

    @Test
    void express_click_and_collect_after_hours_is_ready_after_the_next_opening() {
        LegTiming evening = calendar.collect(1, local("2026-11-27T19:30"));
        assertThat(evening.window()).isEqualTo(new DeliveryWindow(local("2026-11-28T10:00"), local("2026-11-28T11:00")));
        LegTiming sunday = calendar.collect(1, local("2026-11-29T11:00"));
        assertThat(sunday.window()).isEqualTo(new DeliveryWindow(local("2026-11-30T10:00"), local("2026-11-30T11:00")));
    }

    @Test
    void ship_to_store_adds_warehouse_dispatch_transfer_transit_and_store_receipt() {
        LegTiming t = calendar.leg(DeliveryMethod.SHIP_TO_STORE, LegKind.TRANSFER, 0, 1, null, local("2026-11-26T10:00"));
        assertThat(t.dispatch()).isEqualTo(local("2026-11-26T17:00"));
        // arrives at Friday's 09:00 opening, 2 h to receive, collectable for 1 h more at least
        assertThat(t.window()).isEqualTo(new DeliveryWindow(local("2026-11-27T11:00"), local("2026-11-27T12:00")));
    }

    @Test
    void a_service_the_transit_table_lacks_cannot_be_promised() {
        PromiseCalendar noExpress = PromiseCalendar.builder(network).holidays(Berlin.HOLIDAYS)
                .transit(TransitTable.builder().fallback(ServiceLevel.STANDARD, TransitTime.days(1, 2)).build()).build();
        LegTiming t = noExpress.deliver(ServiceLevel.EXPRESS, 0, mitte, local("2026-11-26T10:00"));
        assertThat(t.isPromisable()).isFalse();
        assertThat(t.problem()).contains("no EXPRESS service");
    }
}

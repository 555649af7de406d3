package io.omskit.atp;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.atp.calendar.Berlin;
import io.omskit.atp.calendar.PickupSchedule;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.HolidayCalendar;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.Network;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.orchestration.plan.LegKind;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Kept leg windows are the calendar's: at any sequence of starts (forward in small and large steps, and back), for
 * delivery legs to several destinations, collections and transfers, from locations with and without carrier
 * pickups, what {@link LegWindows} answers equals what {@link PromiseCalendar#leg} computes at that start.
 */
class LegWindowsProperties {

    private static final Network NETWORK = Network.of(List.of(
            Berlin.warehouse("WH-PICKUP").build(),
            Berlin.warehouse("WH-NO-PICKUP", GeoPoint.of(48.20, 11.60)).holidays(HolidayCalendar.of("DE", "by")).build(),
            Berlin.store("ST-MITTE").build(),
            Berlin.store("ST-MUNICH", GeoPoint.of(48.14, 11.58)).holidays(HolidayCalendar.of("DE", "by")).build()));
    private static final PromiseCalendar CALENDAR = PromiseCalendar.builder(NETWORK).holidays(Berlin.HOLIDAYS)
            .pickup(LocationId.of("WH-PICKUP"), PickupSchedule.weekdaysAt(LocalTime.of(17, 0))).build();
    private static final Destination[] DESTINATIONS = {
        Destination.of("DE", "10115", GeoPoint.of(52.53, 13.38), Berlin.ZONE),
        Destination.of("DE", "80331", GeoPoint.of(48.14, 11.58), Berlin.ZONE),
        Destination.of("AT", "1010", GeoPoint.of(48.21, 16.37), null),
        null};
    private static final String[] PERIODS = {"2026-03-27T00:00", "2026-10-23T00:00", "2026-12-22T00:00", "2026-05-13T00:00"};
    private static final long[] STEPS_MINUTES = {1, 7, 30, 61, 240, 24 * 60, 3 * 24 * 60};

    @Property(tries = 60)
    void kept_windows_equal_the_computed_ones(@ForAll long seed) {
        Random r = new Random(seed);
        LegWindows windows = new LegWindows(CALENDAR, 1 + r.nextInt(3));
        Instant start = Berlin.local(PERIODS[r.nextInt(PERIODS.length)]).plusSeconds(60L * r.nextInt(24 * 60));
        for (int call = 0; call < 150; call++) {
            long step = 60L * STEPS_MINUTES[r.nextInt(STEPS_MINUTES.length)] * (1 + r.nextInt(3));
            start = start.plusSeconds(r.nextInt(8) == 0 ? -step : step).plusMillis(r.nextInt(60_000));
            DeliveryMethod method = DeliveryMethod.values()[r.nextInt(DeliveryMethod.values().length)];
            LegKind kind = LegKind.values()[r.nextInt(LegKind.values().length)];
            int location = r.nextInt(NETWORK.size());
            int store = 2 + r.nextInt(2);
            if (kind == LegKind.COLLECT) {
                location = store;
            }
            Destination destination = DESTINATIONS[r.nextInt(DESTINATIONS.length)];

            LegWindows.Window kept = windows.at(method, kind, location, store, windows.area(destination), start);

            LegTiming computed = CALENDAR.leg(method, kind, location, store, destination, start);
            String leg = method + " " + kind + " from " + location + " to " + store + "/" + destination + " at " + start;
            if (computed.isPromisable()) {
                assertThat(kept).as(leg).isEqualTo(new LegWindows.Window(computed.dispatch(), computed.window()));
            } else {
                assertThat(kept).as(leg).isNull();
            }
        }
    }
}

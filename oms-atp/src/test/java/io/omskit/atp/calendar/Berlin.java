package io.omskit.atp.calendar;

import io.omskit.atp.spi.HolidaySource;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.HolidayCalendar;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.OpeningHours;
import io.omskit.core.network.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

/** Fixtures in Berlin: the zone, Jollyday's holidays (loaded once), a store and a warehouse. */
public final class Berlin {

    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    public static final HolidaySource HOLIDAYS = new JollydayHolidays();

    private Berlin() {
    }

    /** The instant of a Berlin local date-time written {@code 2026-03-29T10:15}. */
    public static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(ZONE).toInstant();
    }

    /** A store open Monday to Saturday 09:00–20:00, cut-off 18:00, 1 h lead time, German holidays. */
    public static Location.Builder store(String id) {
        return store(id, GeoPoint.of(52.52, 13.40));
    }

    /** {@link #store(String)} at {@code position}. */
    public static Location.Builder store(String id, GeoPoint position) {
        return Location.builder(LocationId.of(id), LocationType.STORE, position).zone(ZONE)
                .openingHours(OpeningHours.mondayToSaturday(TimeRange.of("09:00", "20:00"), null))
                .holidays(HolidayCalendar.of("DE", "be")).orderCutOff(LocalTime.of(18, 0))
                .processingLeadTime(Duration.ofHours(1));
    }

    /** A warehouse working around the clock every day, cut-off 15:00, 4 h lead time, German holidays. */
    public static Location.Builder warehouse(String id) {
        return warehouse(id, GeoPoint.of(52.40, 13.52));
    }

    /** {@link #warehouse(String)} at {@code position}. */
    public static Location.Builder warehouse(String id, GeoPoint position) {
        return Location.builder(LocationId.of(id), LocationType.WAREHOUSE, position).zone(ZONE)
                .holidays(HolidayCalendar.of("DE", "be")).orderCutOff(LocalTime.of(15, 0))
                .processingLeadTime(Duration.ofHours(4));
    }
}

package io.omskit.testkit.arbitraries;

import io.omskit.core.network.Capability;
import io.omskit.core.network.HolidayCalendar;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.network.OpeningHours;
import io.omskit.core.network.TimeRange;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Locations and networks. */
final class NetworkGen {

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Paris"), ZoneId.of("Europe/Berlin"),
            ZoneId.of("Europe/London"), ZoneId.of("America/New_York"), ZoneId.of("Asia/Tokyo"),
            ZoneId.of("Australia/Sydney"), ZoneId.of("+05:30"));

    private NetworkGen() {
    }

    static String prefix(LocationType type) {
        return switch (type) {
            case WAREHOUSE -> "WH";
            case STORE -> "ST";
            case DROP_SHIPPER -> "DS";
        };
    }

    private static Set<Capability> defaults(LocationType type) {
        return switch (type) {
            case WAREHOUSE -> EnumSet.of(Capability.SHIP, Capability.ACCEPT_RETURNS);
            case STORE -> EnumSet.of(Capability.SHIP, Capability.PICKUP, Capability.RECEIVE_TRANSFER, Capability.ACCEPT_RETURNS);
            case DROP_SHIPPER -> EnumSet.of(Capability.SHIP);
        };
    }

    static Arbitrary<OpeningHours> openingHours() {
        Arbitrary<List<TimeRange>> day = Arbitraries.integers().between(0, 2).flatMap(ranges -> ranges == 0
                ? Arbitraries.just(List.<TimeRange>of())
                : Arbitraries.integers().between(0, 24 * 60 - 1).set().ofSize(2 * ranges).map(points -> {
                    List<Integer> sorted = new ArrayList<>(points);
                    sorted.sort(null);
                    List<TimeRange> result = new ArrayList<>();
                    for (int i = 0; i < sorted.size(); i += 2) {
                        result.add(new TimeRange(LocalTime.of(sorted.get(i) / 60, sorted.get(i) % 60),
                                LocalTime.of(sorted.get(i + 1) / 60, sorted.get(i + 1) % 60)));
                    }
                    return result;
                }));
        Arbitrary<OpeningHours> weekly = day.list().ofSize(7).map(days -> {
            Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek d : DayOfWeek.values()) {
                week.put(d, days.get(d.ordinal()));
            }
            return new OpeningHours(week);
        });
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(OpeningHours.alwaysOpen())), Tuple.of(3, weekly));
    }

    static Arbitrary<HolidayCalendar> holidayCalendars() {
        Arbitrary<LocalDate> dates = Arbitraries.integers().between(0, 365 * 6)
                .map(d -> LocalDate.of(2024, 1, 1).plusDays(d));
        return Combinators.combine(Arbitraries.of("DE", "FR", "GB", "US", "NL", "JP").injectNull(0.3),
                        Arbitraries.of("by", "be", "ca", "nw").injectNull(0.6), dates.set().ofMaxSize(4))
                .as(HolidayCalendar::new);
    }

    static Arbitrary<Location> locations(LocationType type, Arbitrary<LocationId> ids) {
        Arbitrary<Set<Capability>> capabilities = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(defaults(type))),
                Tuple.of(1, Arbitraries.subsetOf(Capability.values())));
        Arbitrary<Duration> leadTimes = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(0, 72 * 60).map(Duration::ofMinutes)),
                Tuple.of(1, Combinators.combine(Arbitraries.longs().between(0, 86_400), Arbitraries.integers().between(0, 999_999_999))
                        .as(Duration::ofSeconds)));
        Arbitrary<LocalTime> cutOffs = Combinators.combine(Arbitraries.integers().between(0, 23), Arbitraries.of(0, 15, 30, 45))
                .as(LocalTime::of);
        Arbitrary<Tuple.Tuple4<LocationId, String, io.omskit.core.network.GeoPoint, ZoneId>> head = Combinators.combine(
                ids, ValueGen.text(1, 40), OrderGen.geoPoints(), Arbitraries.of(ZONES)).as(Tuple::of);
        return Combinators.combine(head, capabilities, openingHours(), holidayCalendars(), cutOffs, leadTimes,
                        Arbitraries.integers().between(0, 5_000))
                .as((h, caps, hours, holidays, cutOff, leadTime, capacity) -> new Location(h.get1(), h.get2(), type,
                        h.get3(), h.get4(), caps, hours, holidays, cutOff, leadTime, capacity));
    }

    static Arbitrary<Location> locations() {
        return Arbitraries.of(LocationType.class)
                .flatMap(type -> locations(type, ValueGen.identifiers(prefix(type)).map(LocationId::of)));
    }

    /**
     * Networks of {@code min} to {@code max} locations of random types; ids are {@code WH-1}, {@code ST-2}, ...
     * numbered by position, hence unique.
     */
    static Arbitrary<Network> networks(int min, int max) {
        return Arbitraries.of(LocationType.class).list().ofMinSize(min).ofMaxSize(max).flatMap(types -> {
            List<Arbitrary<Location>> locations = new ArrayList<>(types.size());
            for (int i = 0; i < types.size(); i++) {
                LocationType type = types.get(i);
                locations.add(locations(type, Arbitraries.just(LocationId.of(prefix(type) + "-" + (i + 1)))));
            }
            return Combinators.combine(locations).as(Network::of);
        });
    }
}

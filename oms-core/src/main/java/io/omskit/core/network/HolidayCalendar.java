package io.omskit.core.network;

import io.omskit.core.common.Checks;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The days a location is closed beyond its weekly hours: public holidays of its country and
 * region (resolved by the promising module) and its own closures.
 *
 * @param countryCode ISO 3166-1 alpha-2 code ({@link java.util.Locale#getISOCountries()}) whose public holidays apply,
 *                    or null for none
 * @param region      subdivision code within the country (such as {@code by} for Bavaria): at most 10 characters,
 *                    no control characters; or null
 * @param closures    the location's own closed dates
 */
public record HolidayCalendar(String countryCode, String region, Set<LocalDate> closures) {

    public HolidayCalendar {
        Checks.countryCode(countryCode, "countryCode");
        Checks.text(region, "region", 10);
        // Sorted so that the dates iterate (and serialise) in date order in every JVM.
        closures = Collections.unmodifiableSortedSet(new TreeSet<>(Checks.notNull(closures, "closures")));
    }

    /** No public holidays and no closures. */
    public static HolidayCalendar none() {
        return new HolidayCalendar(null, null, Set.of());
    }

    /** The public holidays of a country (and optional region), with no own closures. */
    public static HolidayCalendar of(String countryCode, String region) {
        return new HolidayCalendar(countryCode, region, Set.of());
    }

    /** This calendar with {@code date} added as a closure. */
    public HolidayCalendar withClosure(LocalDate date) {
        Set<LocalDate> more = new TreeSet<>(closures);
        more.add(date);
        return new HolidayCalendar(countryCode, region, more);
    }

    /** Whether the location's own closures include {@code date}; public holidays are not consulted here. */
    public boolean isClosure(LocalDate date) {
        return closures.contains(date);
    }
}

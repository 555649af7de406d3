package io.omskit.atp.spi;

import java.time.LocalDate;
import java.util.Set;

/**
 * Public holidays by country and region. Called once per country, region and year by the promise calendars, which
 * keep the answer; implementations need not cache. Thread-safe.
 *
 * <p>What an adapter promises, clause by clause (the TCK {@code HolidaySourceContract} checks each): the holidays
 * answered lie in the year asked (§1); a region's holidays are the national ones and its own, and without a region
 * only the national ones (§2); an unknown country has none: an empty set, not an exception (§3); the same question
 * gets the same answer, from any number of threads (§4).
 */
public interface HolidaySource {

    /**
     * The public holidays of {@code countryCode} (and, when given, of its {@code region}) in {@code year}.
     *
     * @param countryCode ISO 3166-1 alpha-2 code; never null
     * @param region      subdivision code as the location's {@link io.omskit.core.network.HolidayCalendar} names it
     *                    (for instance {@code by} for Bavaria); null for the national holidays only
     * @param year        the calendar year
     * @return never null; empty when the country is unknown to the source
     */
    Set<LocalDate> publicHolidays(String countryCode, String region, int year);

    /** A source without any public holiday (only each location's own closures apply). */
    static HolidaySource none() {
        return (countryCode, region, year) -> Set.of();
    }
}

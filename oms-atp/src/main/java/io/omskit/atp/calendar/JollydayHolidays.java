package io.omskit.atp.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import io.omskit.atp.spi.HolidaySource;
import java.time.LocalDate;
import java.time.Year;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Public holidays from the Jollyday library ({@code de.focus-shift:jollyday}), which carries the official holidays
 * of about 200 countries and their regions. Only public holidays count ({@link HolidayType#PUBLIC_HOLIDAY}), not
 * observances such as Carnival. A country Jollyday does not know has no public holidays (logged once at warn).
 * Thread-safe; loading a country's calendar the first time takes a moment; each country, region and year is
 * computed once and kept.
 */
public final class JollydayHolidays implements HolidaySource {

    private static final Logger LOG = LoggerFactory.getLogger(JollydayHolidays.class);
    private static final HolidayManager UNKNOWN = null;

    private final Map<String, HolidayManager> managers = new ConcurrentHashMap<>();
    private final Set<String> unknown = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<LocalDate>> years = new ConcurrentHashMap<>();

    /** A source reading Jollyday's bundled calendars. */
    public JollydayHolidays() {
    }

    @Override
    public Set<LocalDate> publicHolidays(String countryCode, String region, int year) {
        if (countryCode == null) {
            throw new IllegalArgumentException("countryCode must not be null");
        }
        String key = countryCode + '/' + region + '/' + year;
        Set<LocalDate> known = years.get(key);
        if (known != null) {
            return known;
        }
        HolidayManager manager = manager(countryCode.toLowerCase(Locale.ROOT));
        if (manager == UNKNOWN) {
            return Set.of();
        }
        Set<Holiday> holidays = region == null
                ? manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY)
                : manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY, region.toLowerCase(Locale.ROOT));
        Set<LocalDate> dates = new TreeSet<>();
        for (Holiday h : holidays) {
            dates.add(h.getActualDate());
        }
        Set<LocalDate> result = Collections.unmodifiableSet(dates);
        years.put(key, result);
        return result;
    }

    private HolidayManager manager(String country) {
        if (unknown.contains(country)) {
            return UNKNOWN;
        }
        HolidayManager m = managers.get(country);
        if (m != null) {
            return m;
        }
        try {
            m = managers.computeIfAbsent(country, c -> HolidayManager.getInstance(ManagerParameters.create(c)));
            return m;
        } catch (RuntimeException e) {
            if (unknown.add(country)) {
                LOG.warn("no public holiday calendar for country '{}': treating it as having none ({})", country, e.toString());
            }
            return UNKNOWN;
        }
    }
}

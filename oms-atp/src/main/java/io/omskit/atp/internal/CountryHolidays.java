package io.omskit.atp.internal;

import io.omskit.atp.spi.HolidaySource;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;

/**
 * The public holidays of one country, or of one region of it (its nationwide ones included, as the holiday source
 * answers for a region), kept per year as a flag per day of the year. Thread-safe.
 */
public final class CountryHolidays implements Predicate<LocalDate> {

    private static final CountryHolidays NONE = new CountryHolidays(null, null, null);

    private record Year(int year, boolean[] holiday) {
    }

    private final String countryCode;
    private final String region;
    private final HolidaySource source;
    private final AtomicReferenceArray<Year> years = new AtomicReferenceArray<>(8);

    private CountryHolidays(String countryCode, String region, HolidaySource source) {
        this.countryCode = countryCode;
        this.region = region;
        this.source = source;
    }

    /**
     * The holidays of {@code region} of {@code countryCode} from {@code source} (nationwide only when the region is
     * null); none when the country is null.
     */
    public static CountryHolidays of(String countryCode, String region, HolidaySource source) {
        return countryCode == null ? NONE : new CountryHolidays(countryCode, region, source);
    }

    @Override
    public boolean test(LocalDate date) {
        if (source == null) {
            return false;
        }
        int slot = Math.floorMod(date.getYear(), 8);
        Year y = years.get(slot);
        if (y == null || y.year != date.getYear()) {
            boolean[] flags = new boolean[367];
            Set<LocalDate> dates = source.publicHolidays(countryCode, region, date.getYear());
            for (LocalDate d : dates) {
                if (d.getYear() == date.getYear()) {
                    flags[d.getDayOfYear()] = true;
                }
            }
            y = new Year(date.getYear(), flags);
            years.set(slot, y);
        }
        return y.holiday[date.getDayOfYear()];
    }
}

package io.omskit.atp;

import io.omskit.core.common.Checks;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.order.Address;
import java.time.ZoneId;

/**
 * Where a shopper wants goods delivered, as far as a product page knows it: a postal code, a position, or both.
 * Personal data is not needed and never asked for.
 *
 * @param countryCode ISO 3166-1 alpha-2 code ({@link java.util.Locale#getISOCountries()}); null when unknown (no public
 *                    holidays at the destination then)
 * @param region      subdivision of the country whose public holidays also apply, as the {@code HolidaySource} names
 *                    it (such as {@code by} for Bavaria, as in {@code HolidayCalendar#region()}): 1 to 10 letters,
 *                    digits or hyphens; null when unknown (only the country's nationwide holidays apply then)
 * @param postalCode  postal code: not blank, at most {@value Address#MAX_POSTAL_CODE_LENGTH} characters, no control
 *                    characters; null when unknown
 * @param position    geocoded position, for distance rules and transit bands; null when unknown
 * @param zone        the customer's time zone, in which delivery days and hours are counted; null for the
 *                    {@link Atp}'s default customer zone
 */
public record Destination(String countryCode, String region, String postalCode, GeoPoint position, ZoneId zone) {

    public Destination {
        Checks.countryCode(countryCode, "countryCode");
        if (region != null && !isRegion(region)) {
            throw new IllegalArgumentException("region must be 1 to 10 letters, digits or hyphens, was " + Checks.quote(region));
        }
        if (region != null && countryCode == null) {
            throw new IllegalArgumentException("region '" + region + "' needs a countryCode");
        }
        if (postalCode != null) {
            Checks.text(Checks.notBlank(postalCode, "postalCode"), "postalCode", Address.MAX_POSTAL_CODE_LENGTH);
        }
    }

    /** A destination with no region: only the country's nationwide public holidays apply. */
    public Destination(String countryCode, String postalCode, GeoPoint position, ZoneId zone) {
        this(countryCode, null, postalCode, position, zone);
    }

    /** A destination by postal code and position, in {@code zone}. */
    public static Destination of(String countryCode, String postalCode, GeoPoint position, ZoneId zone) {
        return new Destination(countryCode, postalCode, position, zone);
    }

    /** This destination in {@code region} of its country, whose public holidays then also apply. */
    public Destination inRegion(String region) {
        return new Destination(countryCode, region, postalCode, position, zone);
    }

    /** A destination known only by its postal code. */
    public static Destination postalCode(String countryCode, String postalCode) {
        return new Destination(countryCode, postalCode, null, null);
    }

    private static boolean isRegion(String s) {
        if (s.isEmpty() || s.length() > 10) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "Destination[" + countryCode + (region == null ? "" : "-" + region) + " " + (postalCode == null ? "" : postalCode.replaceAll("[0-9A-Za-z]", "*")) + "]";
    }
}

package io.omskit.atp;

import io.omskit.core.network.GeoPoint;
import java.time.ZoneId;

/**
 * Where a shopper wants goods delivered, as far as a product page knows it: a postal code, a position, or both.
 * Personal data is not needed and never asked for.
 *
 * @param countryCode ISO 3166-1 alpha-2 code; null when unknown (no public holidays at the destination then)
 * @param postalCode  postal code; null when unknown
 * @param position    geocoded position, for distance rules and transit bands; null when unknown
 * @param zone        the customer's time zone, in which delivery days and hours are counted; null for the
 *                    {@link Atp}'s default customer zone
 */
public record Destination(String countryCode, String postalCode, GeoPoint position, ZoneId zone) {

    public Destination {
        if (countryCode != null && !countryCode.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("countryCode must be an ISO 3166-1 alpha-2 code, was '" + countryCode + "'");
        }
        if (postalCode != null && postalCode.isBlank()) {
            throw new IllegalArgumentException("postalCode must not be blank when given");
        }
    }

    /** A destination by postal code and position, in {@code zone}. */
    public static Destination of(String countryCode, String postalCode, GeoPoint position, ZoneId zone) {
        return new Destination(countryCode, postalCode, position, zone);
    }

    /** A destination known only by its postal code. */
    public static Destination postalCode(String countryCode, String postalCode) {
        return new Destination(countryCode, postalCode, null, null);
    }

    @Override
    public String toString() {
        return "Destination[" + countryCode + " " + (postalCode == null ? "" : postalCode.replaceAll("[0-9A-Za-z]", "*")) + "]";
    }
}

package io.omskit.core.shipping;

import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.Address;
import java.util.Locale;

/**
 * A route parcels take: from a location to a destination region (country and the leading characters of the postal
 * code). Carriers keep their promises differently per lane, so their on-time record is kept per lane.
 *
 * @param origin      where parcels leave from
 * @param country     ISO 3166-1 alpha-2 code of the destination country, upper case
 * @param postalArea  leading characters of the destination postal code, upper case; empty for the whole country
 */
public record Lane(LocationId origin, String country, String postalArea) {

    /** How many leading characters of a postal code {@link #to(LocationId, Address)} keeps. */
    public static final int POSTAL_AREA_LENGTH = 2;

    public Lane {
        Checks.notNull(origin, "origin");
        country = Checks.countryCode(Checks.notNull(country, "country").toUpperCase(Locale.ROOT), "country");
        postalArea = postalArea == null ? "" : Checks.text(postalArea.strip().toUpperCase(Locale.ROOT), "postalArea", 20);
    }

    /** The lane from {@code origin} to {@code destination}'s country and postal area. */
    public static Lane to(LocationId origin, Address destination) {
        Checks.notNull(destination, "destination");
        String postal = destination.postalCode() == null ? "" : destination.postalCode().strip();
        return new Lane(origin, destination.countryCode(), postal.substring(0, Math.min(POSTAL_AREA_LENGTH, postal.length())));
    }

    /** The same lane for the whole destination country. */
    public Lane wholeCountry() {
        return postalArea.isEmpty() ? this : new Lane(origin, country, "");
    }

    /** "DE-10" (or "DE" for the whole country), for explanations. */
    public String destination() {
        return postalArea.isEmpty() ? country : country + "-" + postalArea;
    }

    @Override
    public String toString() {
        return origin + "->" + destination();
    }
}

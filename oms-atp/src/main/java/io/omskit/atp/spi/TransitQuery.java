package io.omskit.atp.spi;

import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;

/**
 * One leg to quote: from a location to a customer's address or to another location.
 *
 * @param service     the carrier service; never null
 * @param origin      where the parcel leaves; never null
 * @param countryCode the destination's country (ISO 3166-1 alpha-2); null when unknown
 * @param postalCode  the destination's postal code; null when unknown or for a transfer
 * @param position    the destination's position; null when unknown
 * @param distanceKm  great-circle distance from the origin to {@code position}; NaN when the position is unknown
 */
public record TransitQuery(ServiceLevel service, Location origin, String countryCode, String postalCode,
                           GeoPoint position, double distanceKm) {

    public TransitQuery {
        if (service == null) {
            throw new IllegalArgumentException("service must not be null");
        }
        if (origin == null) {
            throw new IllegalArgumentException("origin must not be null");
        }
    }
}

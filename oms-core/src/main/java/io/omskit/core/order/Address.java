package io.omskit.core.order;

import io.omskit.core.network.GeoPoint;

/**
 * A delivery address. Personal data: OMS Kit never logs it at info level.
 * The record accepts anything so that placement can report every problem at once;
 * {@link io.omskit.core.order.OrderValidator} checks it.
 *
 * @param recipient   who receives the parcel
 * @param line1       street and number
 * @param line2       further detail, may be null
 * @param city        city or town
 * @param postalCode  postal code in the country's format
 * @param countryCode ISO 3166-1 alpha-2
 * @param position    geocoded position, may be null
 */
public record Address(String recipient, String line1, String line2, String city, String postalCode,
                      String countryCode, GeoPoint position) {

    @Override
    public String toString() {
        return "Address[" + countryCode + " " + (postalCode == null ? "" : postalCode.replaceAll("[0-9A-Za-z]", "*")) + "]";
    }
}

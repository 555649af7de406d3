package io.omskit.core.order;

import io.omskit.core.network.GeoPoint;

/**
 * A delivery address. Personal data: OMS Kit never logs it at info level.
 * The record accepts anything so that placement can report every problem at once;
 * {@link io.omskit.core.order.OrderValidator} checks it.
 *
 * Every text is a single line without control characters (no tab, CR or LF).
 *
 * @param recipient   who receives the parcel; at most {@value #MAX_LINE_LENGTH} characters
 * @param line1       street and number; at most {@value #MAX_LINE_LENGTH} characters
 * @param line2       further detail, may be null; at most {@value #MAX_LINE_LENGTH} characters
 * @param city        city or town; at most {@value #MAX_CITY_LENGTH} characters
 * @param postalCode  postal code in the country's format; at most {@value #MAX_POSTAL_CODE_LENGTH} characters
 * @param countryCode ISO 3166-1 alpha-2
 * @param position    geocoded position, may be null
 */
public record Address(String recipient, String line1, String line2, String city, String postalCode,
                      String countryCode, GeoPoint position) {

    /** The longest recipient, line 1 and line 2: 200 characters. */
    public static final int MAX_LINE_LENGTH = 200;
    /** The longest city: 100 characters. */
    public static final int MAX_CITY_LENGTH = 100;
    /** The longest postal code: 20 characters. */
    public static final int MAX_POSTAL_CODE_LENGTH = 20;

    @Override
    public String toString() {
        return "Address[" + countryCode + " " + (postalCode == null ? "" : postalCode.replaceAll("[0-9A-Za-z]", "*")) + "]";
    }
}

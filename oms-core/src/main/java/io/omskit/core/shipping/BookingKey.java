package io.omskit.core.shipping;

import io.omskit.core.common.Checks;

/**
 * The idempotency key of one booking of a parcel with a carrier: asking the carrier again with it returns the first
 * call's label instead of booking a second parcel.
 *
 * @param value 1 to 100 characters, not blank, no control characters
 */
public record BookingKey(String value) {

    public BookingKey {
        Checks.identifier(value, "bookingKey");
    }

    /** The key with this text. */
    public static BookingKey of(String value) {
        return new BookingKey(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

package io.omskit.core.inventory;

import io.omskit.core.common.Checks;

/**
 * The idempotency key of a reservation: the same key always names the same reservation.
 *
 * @param value the identifier text: 1 to 100 characters, not blank, no control characters
 */
public record ReservationKey(String value) implements Comparable<ReservationKey> {

    public ReservationKey {
        Checks.identifier(value, "reservationKey");
    }

    /** Creates the identifier from its text. */
    public static ReservationKey of(String value) {
        return new ReservationKey(value);
    }

    @Override
    public int compareTo(ReservationKey other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

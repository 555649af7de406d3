package io.omskit.core.backorder;

import io.omskit.core.common.Checks;

/**
 * Identifies the units of one order line that wait for supply; also the idempotency key of placing them.
 *
 * @param value the identifier text: 1 to 100 characters, not blank, no control characters
 */
public record BackorderId(String value) implements Comparable<BackorderId> {

    public BackorderId {
        Checks.identifier(value, "backorderId");
    }

    /** Creates the identifier from its text. */
    public static BackorderId of(String value) {
        return new BackorderId(value);
    }

    @Override
    public int compareTo(BackorderId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

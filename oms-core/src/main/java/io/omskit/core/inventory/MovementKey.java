package io.omskit.core.inventory;

import io.omskit.core.common.Checks;

/**
 * The idempotency key of a stock movement: replaying an adjustment with the same key changes nothing.
 *
 * @param value the identifier text: 1 to 100 characters, not blank, no control characters
 */
public record MovementKey(String value) implements Comparable<MovementKey> {

    public MovementKey {
        Checks.identifier(value, "movementKey");
    }

    /** Creates the identifier from its text. */
    public static MovementKey of(String value) {
        return new MovementKey(value);
    }

    @Override
    public int compareTo(MovementKey other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

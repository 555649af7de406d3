package io.omskit.core.transfer;

import io.omskit.core.common.Checks;

/**
 * Identifies a transfer; the host's key for it, so that requesting it again does not move stock twice.
 *
 * @param value 1 to 100 characters, not blank, no control characters
 */
public record TransferId(String value) implements Comparable<TransferId> {

    public TransferId {
        Checks.identifier(value, "transferId");
    }

    /** The id with this text. */
    public static TransferId of(String value) {
        return new TransferId(value);
    }

    @Override
    public int compareTo(TransferId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

package io.omskit.core.order;

import io.omskit.core.common.Checks;

/**
 * Identifies a line within one order.
 *
 * @param value the identifier text: 1 to 100 characters, not blank, no control characters
 */
public record LineId(String value) implements Comparable<LineId> {

    public LineId {
        Checks.identifier(value, "lineId");
    }

    /** Creates the identifier from its text. */
    public static LineId of(String value) {
        return new LineId(value);
    }

    @Override
    public int compareTo(LineId other) {
        return value.compareTo(other.value);
    }

    // written out: compared on every hot-path lookup, and the generated record methods were slower
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof LineId o && value.equals(o.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}

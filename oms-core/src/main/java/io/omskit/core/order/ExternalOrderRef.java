package io.omskit.core.order;

import io.omskit.core.common.Checks;

/**
 * The channel's own order number; together with the channel it makes placement idempotent.
 *
 * @param value the identifier text: 1 to 100 characters, not blank, no control characters
 */
public record ExternalOrderRef(String value) implements Comparable<ExternalOrderRef> {

    public ExternalOrderRef {
        Checks.identifier(value, "externalOrderRef");
    }

    /** Creates the identifier from its text. */
    public static ExternalOrderRef of(String value) {
        return new ExternalOrderRef(value);
    }

    @Override
    public int compareTo(ExternalOrderRef other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

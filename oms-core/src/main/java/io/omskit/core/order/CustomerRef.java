package io.omskit.core.order;

import io.omskit.core.common.Checks;

/**
 * The host's reference to the customer; OMS Kit stores no personal data beyond it.
 *
 * @param value the identifier text: 1 to 100 characters, not blank, no control characters
 */
public record CustomerRef(String value) implements Comparable<CustomerRef> {

    public CustomerRef {
        Checks.identifier(value, "customerRef");
    }

    /** Creates the identifier from its text. */
    public static CustomerRef of(String value) {
        return new CustomerRef(value);
    }

    @Override
    public int compareTo(CustomerRef other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

package io.omskit.core.inventory;

import io.omskit.core.common.Checks;

/**
 * The idempotency key of an allocation of stock to a fulfilment.
 *
 * @param value the identifier text: 1 to 100 characters, not blank, no control characters
 */
public record AllocationKey(String value) implements Comparable<AllocationKey> {

    public AllocationKey {
        Checks.identifier(value, "allocationKey");
    }

    /** Creates the identifier from its text. */
    public static AllocationKey of(String value) {
        return new AllocationKey(value);
    }

    @Override
    public int compareTo(AllocationKey other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

package io.omskit.core.order;

import io.omskit.core.common.Checks;

/**
 * A marketplace seller that sells a line on the marketplace channel.
 *
 * @param value the identifier text: 1 to 100 characters, not blank, no control characters
 */
public record SellerRef(String value) implements Comparable<SellerRef> {

    public SellerRef {
        Checks.identifier(value, "sellerRef");
    }

    /** Creates the identifier from its text. */
    public static SellerRef of(String value) {
        return new SellerRef(value);
    }

    @Override
    public int compareTo(SellerRef other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

package io.omskit.core.order;

import io.omskit.core.common.Checks;

/**
 * Identifies an order inside OMS Kit.
 *
 * @param value the identifier text: 1 to 100 characters, not blank, no control characters
 */
public record OrderId(String value) implements Comparable<OrderId> {

    public OrderId {
        Checks.identifier(value, "orderId");
    }

    /** A new random identifier. */
    public static OrderId random() {
        return new OrderId(java.util.UUID.randomUUID().toString());
    }

    /** Creates the identifier from its text. */
    public static OrderId of(String value) {
        return new OrderId(value);
    }

    /** The identifier with this text; null when the text cannot be an order id (blank, too long, control characters). */
    public static OrderId tryParse(String value) {
        try {
            return value == null ? null : new OrderId(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public int compareTo(OrderId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

package io.omskit.core.fulfilment;

import io.omskit.core.common.Checks;

/**
 * Identifies a fulfilment: one location's share of an order, shipped or collected as one. The order names the
 * fulfilment holding each of its allocated units by this id's value ({@link io.omskit.core.order.LineAllocation#allocationKey()}).
 *
 * @param value 1 to 100 characters, not blank, no control characters; unique across orders
 */
public record FulfilmentId(String value) implements Comparable<FulfilmentId> {

    public FulfilmentId {
        Checks.identifier(value, "fulfilmentId");
    }

    /** The id with this text. */
    public static FulfilmentId of(String value) {
        return new FulfilmentId(value);
    }

    @Override
    public int compareTo(FulfilmentId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

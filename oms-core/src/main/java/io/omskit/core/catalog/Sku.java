package io.omskit.core.catalog;

import io.omskit.core.common.Checks;

/**
 * A stock keeping unit: the identity of a sellable item.
 *
 * @param value the identifier text: 1 to 100 characters, not blank, no control characters
 */
public record Sku(String value) implements Comparable<Sku> {

    public Sku {
        Checks.identifier(value, "sku");
    }

    /** Creates the identifier from its text. */
    public static Sku of(String value) {
        return new Sku(value);
    }

    @Override
    public int compareTo(Sku other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

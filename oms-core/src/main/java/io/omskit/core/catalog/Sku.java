package io.omskit.core.catalog;

import io.omskit.core.common.Checks;
import org.jspecify.annotations.Nullable;

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

    // written out: SKUs are compared on every index and map lookup, and the generated record methods were slower
    @Override
    public boolean equals(@Nullable Object other) {
        return this == other || other instanceof Sku s && value.equals(s.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
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

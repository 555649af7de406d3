package io.omskit.core.network;

import io.omskit.core.common.Checks;

/**
 * Identifies a location of the fulfilment network: a warehouse, store or drop-shipper.
 *
 * @param value the identifier text: 1 to 100 characters, not blank, no control characters
 */
public record LocationId(String value) implements Comparable<LocationId> {

    public LocationId {
        Checks.identifier(value, "locationId");
    }

    /** Creates the identifier from its text. */
    public static LocationId of(String value) {
        return new LocationId(value);
    }

    @Override
    public int compareTo(LocationId other) {
        return value.compareTo(other.value);
    }

    // written out: compared on every hot-path lookup, and the generated record methods were slower
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof LocationId o && value.equals(o.value);
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

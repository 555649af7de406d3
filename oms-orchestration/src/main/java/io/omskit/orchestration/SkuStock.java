package io.omskit.orchestration;

import java.util.Arrays;

/**
 * The units of one SKU available at each location that holds some: locations by dense network index,
 * strictly ascending, each with at least one unit; and, when network-wide reservations of other orders hold part
 * of the stock without naming a location, the most units that may be taken over all locations together
 * ({@link #networkLimit()}). Immutable.
 */
public final class SkuStock {

    private static final SkuStock NONE = new SkuStock(new int[0], new int[0], Integer.MAX_VALUE);

    private final int[] locations;
    private final int[] units;
    private final int networkLimit;

    private SkuStock(int[] locations, int[] units, int networkLimit) {
        this.locations = locations;
        this.units = units;
        this.networkLimit = networkLimit;
    }

    /** No stock anywhere. */
    public static SkuStock none() {
        return NONE;
    }

    /**
     * Stock from parallel arrays, which are copied. Entries with zero units are dropped.
     *
     * @throws IllegalArgumentException when the arrays differ in length, an index is negative or repeated, or units are negative
     */
    public static SkuStock of(int[] locations, int[] units) {
        if (locations.length != units.length) {
            throw new IllegalArgumentException("locations and units must have the same length, were "
                    + locations.length + " and " + units.length);
        }
        long[] packed = new long[locations.length];
        int n = 0;
        for (int k = 0; k < locations.length; k++) {
            if (locations[k] < 0) {
                throw new IllegalArgumentException("locations[" + k + "] must be >= 0, was " + locations[k]);
            }
            if (units[k] < 0) {
                throw new IllegalArgumentException("units[" + k + "] must be >= 0, was " + units[k]);
            }
            if (units[k] > 0) {
                packed[n++] = ((long) locations[k] << 32) | units[k];
            }
        }
        Arrays.sort(packed, 0, n);
        int[] l = new int[n];
        int[] u = new int[n];
        for (int k = 0; k < n; k++) {
            l[k] = (int) (packed[k] >>> 32);
            u[k] = (int) packed[k];
            if (k > 0 && l[k] == l[k - 1]) {
                throw new IllegalArgumentException("locations must not repeat, " + l[k] + " appears twice");
            }
        }
        return n == 0 ? NONE : new SkuStock(l, u, Integer.MAX_VALUE);
    }

    /**
     * This stock, of which at most {@code limit} units may be taken over all locations together (the rest being
     * held by network-wide reservations). A limit at or above {@link #total()} limits nothing and is dropped.
     *
     * @throws IllegalArgumentException when {@code limit} is negative
     */
    public SkuStock withNetworkLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, was " + limit);
        }
        if (limit >= total()) {
            return networkLimit == Integer.MAX_VALUE ? this : new SkuStock(locations, units, Integer.MAX_VALUE);
        }
        return new SkuStock(locations, units, limit);
    }

    /**
     * The most units that may be taken over all locations together: below {@link #total()} when network-wide
     * reservations hold part of the stock, {@link Integer#MAX_VALUE} when only the locations' units limit.
     */
    public int networkLimit() {
        return networkLimit;
    }

    /** The number of locations holding stock. */
    public int size() {
        return locations.length;
    }

    /** The dense network index of the {@code k}-th location holding stock. */
    public int location(int k) {
        return locations[k];
    }

    /** The units at the {@code k}-th location holding stock; at least 1. */
    public int units(int k) {
        return units[k];
    }

    /** The units at the location with dense index {@code location}; 0 when it holds none. */
    public int unitsAt(int location) {
        int k = Arrays.binarySearch(locations, location);
        return k >= 0 ? units[k] : 0;
    }

    /** The total over all locations. */
    public long total() {
        long sum = 0;
        for (int u : units) {
            sum += u;
        }
        return sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SkuStock s && networkLimit == s.networkLimit && Arrays.equals(locations, s.locations)
                && Arrays.equals(units, s.units);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(locations) + Arrays.hashCode(units)) + networkLimit;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SkuStock[");
        for (int k = 0; k < locations.length; k++) {
            sb.append(k == 0 ? "" : ", ").append(locations[k]).append('=').append(units[k]);
        }
        if (networkLimit != Integer.MAX_VALUE) {
            sb.append("; at most ").append(networkLimit).append(" in all");
        }
        return sb.append(']').toString();
    }
}

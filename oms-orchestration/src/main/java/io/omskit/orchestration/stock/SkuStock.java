package io.omskit.orchestration.stock;

import java.util.Arrays;

/**
 * The units of one SKU available at each location that holds some: locations by dense network index,
 * strictly ascending, each with at least one unit; and, when network-wide reservations of other orders hold part
 * of the stock without naming a location, the most units that may be taken over all locations together
 * ({@link #networkLimit()}). Immutable.
 */
public final class SkuStock {

    private static final SkuStock NONE = new SkuStock(new int[0], 0, Integer.MAX_VALUE);

    /**
     * Location and units of each entry side by side ({@code [location0, units0, location1, units1, ...]}): a reader
     * of both fetches one array, not two.
     */
    private final int[] entries;
    private final long total;
    private final int networkLimit;

    private SkuStock(int[] entries, long total, int networkLimit) {
        this.entries = entries;
        this.total = total;
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
        int[] entries = new int[2 * n];
        long total = 0;
        for (int k = 0; k < n; k++) {
            entries[2 * k] = (int) (packed[k] >>> 32);
            entries[2 * k + 1] = (int) packed[k];
            total += entries[2 * k + 1];
            if (k > 0 && entries[2 * k] == entries[2 * k - 2]) {
                throw new IllegalArgumentException("locations must not repeat, " + entries[2 * k] + " appears twice");
            }
        }
        return n == 0 ? NONE : new SkuStock(entries, total, Integer.MAX_VALUE);
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
            return networkLimit == Integer.MAX_VALUE ? this : new SkuStock(entries, total, Integer.MAX_VALUE);
        }
        return new SkuStock(entries, total, limit);
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
        return entries.length >>> 1;
    }

    /** The dense network index of the {@code k}-th location holding stock. */
    public int location(int k) {
        return entries[2 * k];
    }

    /** The units at the {@code k}-th location holding stock; at least 1. */
    public int units(int k) {
        return entries[2 * k + 1];
    }

    /** The units at the location with dense index {@code location}; 0 when it holds none. */
    public int unitsAt(int location) {
        int low = 0;
        int high = size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int at = entries[2 * mid];
            if (at < location) {
                low = mid + 1;
            } else if (at > location) {
                high = mid - 1;
            } else {
                return entries[2 * mid + 1];
            }
        }
        return 0;
    }

    /** The total over all locations. */
    public long total() {
        return total;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SkuStock s && networkLimit == s.networkLimit && Arrays.equals(entries, s.entries);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(entries) + networkLimit;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SkuStock[");
        for (int k = 0; k < size(); k++) {
            sb.append(k == 0 ? "" : ", ").append(location(k)).append('=').append(units(k));
        }
        if (networkLimit != Integer.MAX_VALUE) {
            sb.append("; at most ").append(networkLimit).append(" in all");
        }
        return sb.append(']').toString();
    }
}

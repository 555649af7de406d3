package io.omskit.atp.spi;

/**
 * How many delivery days a carrier takes from dispatch to delivery: the day of dispatch is day 0, each later day on
 * which the carrier delivers counts one.
 *
 * @param minDays the fewest delivery days, at least 0
 * @param maxDays the most delivery days, at least {@code minDays}
 */
public record TransitTime(int minDays, int maxDays) {

    public TransitTime {
        if (minDays < 0) {
            throw new IllegalArgumentException("minDays must be >= 0, was " + minDays);
        }
        if (maxDays < minDays) {
            throw new IllegalArgumentException("maxDays must be >= minDays (" + minDays + "), was " + maxDays);
        }
    }

    /** Between {@code minDays} and {@code maxDays} delivery days. */
    public static TransitTime days(int minDays, int maxDays) {
        return new TransitTime(minDays, maxDays);
    }

    /** Exactly {@code days} delivery days. */
    public static TransitTime days(int days) {
        return new TransitTime(days, days);
    }
}

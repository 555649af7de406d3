package io.omskit.atp.spi;

/**
 * How many delivery days a carrier takes from dispatch to delivery: the day of dispatch is day 0, each later day on
 * which the carrier delivers counts one.
 *
 * @param minDays the fewest delivery days, from 0 to {@code maxDays}
 * @param maxDays the most delivery days
 */
public record TransitTime(int minDays, int maxDays) {

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException naming {@code minDays} when it is negative or above {@code maxDays}
     */
    public TransitTime {
        if (minDays < 0) {
            throw new IllegalArgumentException("minDays must be >= 0, was " + minDays);
        }
        if (minDays > maxDays) {
            // the rule is min <= max: a minimum above the maximum is the figure to correct
            throw new IllegalArgumentException("minDays must be <= maxDays (" + maxDays + "), was " + minDays);
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

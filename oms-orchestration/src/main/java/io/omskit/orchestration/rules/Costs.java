package io.omskit.orchestration.rules;

/** Argument checks and helpers shared by the rules. */
final class Costs {

    private Costs() {
    }

    static double nonNegative(double value, String name) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, was " + value);
        }
        return value;
    }

    static double positive(double value, String name) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, was " + value);
        }
        return value;
    }

    /** The distance a shipment from {@code location} travels: 0 when it is collected where it is or the destination is unknown. */
    static double legKm(io.omskit.orchestration.spi.SourcingContext context, int location) {
        if (location == context.pickupStore()) {
            return 0;
        }
        double d = context.distanceKm(location);
        return Double.isNaN(d) ? 0 : d;
    }

    /**
     * {@code km} rounded to whole km, as {@code String.format(Locale.ROOT, "%.0f", km)} writes it (half up), without
     * the formatter: a justification is often written on a rare path, where the formatter's code and data are cold.
     */
    static String wholeKm(double km) {
        if (km >= 0 && km < 1e15) {
            return Long.toString(Math.round(km));
        }
        return String.format(java.util.Locale.ROOT, "%.0f", km);
    }
}

package io.omskit.orchestration.rules;

/** Argument checks shared by the cost rules. */
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
}

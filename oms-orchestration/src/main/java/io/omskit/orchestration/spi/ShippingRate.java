package io.omskit.orchestration.spi;

/**
 * What shipping from a location costs: a fixed amount per shipment, plus amounts per unit and per unit and
 * kilometre. Every amount finite and at least zero.
 */
public record ShippingRate(double perShipment, double perUnit, double perUnitKm) {

    public ShippingRate {
        check(perShipment, "perShipment");
        check(perUnit, "perUnit");
        check(perUnitKm, "perUnitKm");
    }

    private static void check(double value, String name) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, was " + value);
        }
    }

    /** The rate with the given amounts. */
    public static ShippingRate of(double perShipment, double perUnit, double perUnitKm) {
        return new ShippingRate(perShipment, perUnit, perUnitKm);
    }
}

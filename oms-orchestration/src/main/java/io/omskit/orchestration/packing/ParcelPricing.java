package io.omskit.orchestration.packing;

import org.joda.money.Money;

/**
 * The carrier's price of one parcel, supplied by the caller (for the destination's zone, the service chosen...).
 * Contract: deterministic, never null, in the catalogue's currency, not negative, and not falling when only the weight
 * rises (lower bounds rely on it).
 */
@FunctionalInterface
public interface ParcelPricing {

    /** The price of shipping {@code parcel}. */
    Money price(ParcelSpec parcel);

    /**
     * The usual carrier tariff: {@code base} plus {@code perKilogram} for every started kilogram of chargeable weight,
     * which is the larger of the actual weight and the dimensional weight, length x width x height in cm divided by
     * {@code divisorCm3PerKg} (5000 for most couriers, 6000 for some).
     *
     * @throws IllegalArgumentException when the divisor is below 1 or the amounts are negative or in two currencies
     */
    static ParcelPricing chargeableWeight(Money base, Money perKilogram, int divisorCm3PerKg) {
        return new ChargeableWeightPricing(base, perKilogram, divisorCm3PerKg);
    }
}

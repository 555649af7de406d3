package io.omskit.orchestration.packing;

import io.omskit.core.common.Checks;
import org.joda.money.Money;

/**
 * {@link ParcelPricing#chargeableWeight}: base plus a price per started kilogram of the larger of actual and
 * dimensional weight.
 *
 * @param base            price of any parcel; not negative
 * @param perKilogram     price of every started chargeable kilogram; not negative, same currency as {@code base}
 * @param divisorCm3PerKg cubic centimetres per dimensional kilogram, at least 1
 */
public record ChargeableWeightPricing(Money base, Money perKilogram, int divisorCm3PerKg) implements ParcelPricing {

    public ChargeableWeightPricing {
        Checks.notNull(base, "base");
        Checks.notNull(perKilogram, "perKilogram");
        Checks.positive(divisorCm3PerKg, "divisorCm3PerKg");
        if (base.isNegative() || perKilogram.isNegative()) {
            throw new IllegalArgumentException("base and perKilogram must not be negative, were " + base + " and "
                    + perKilogram);
        }
        if (!base.getCurrencyUnit().equals(perKilogram.getCurrencyUnit())) {
            throw new IllegalArgumentException("perKilogram must be in the currency of base " + base.getCurrencyUnit()
                    + ", was " + perKilogram.getCurrencyUnit());
        }
    }

    /** Chargeable weight in started kilograms: the larger of actual and dimensional weight, rounded up. */
    public int chargeableKilograms(ParcelSpec parcel) {
        long cm3x1000 = parcel.dimensions().volumeMm3(); // mm3 / 1000 = cm3
        // dimensional grams = cm3 * 1000 / divisor = mm3 / divisor
        long dimensionalGrams = (cm3x1000 + divisorCm3PerKg - 1) / divisorCm3PerKg;
        long grams = Math.max(parcel.weightGrams(), dimensionalGrams);
        return (int) Math.max(1, (grams + 999) / 1000);
    }

    @Override
    public Money price(ParcelSpec parcel) {
        Checks.notNull(parcel, "parcel");
        return base.plus(perKilogram.multipliedBy(chargeableKilograms(parcel)));
    }
}

package io.omskit.core.shipping;

import io.omskit.core.catalog.Dimensions;
import io.omskit.core.common.Checks;

/**
 * A packed parcel as a carrier prices it.
 *
 * @param weightGrams gross weight in grams, packaging included; positive
 * @param dimensions  outer dimensions of the box
 */
public record Parcel(int weightGrams, Dimensions dimensions) {

    public Parcel {
        Checks.positive(weightGrams, "weightGrams");
        Checks.notNull(dimensions, "dimensions");
    }

    /** A parcel of {@code weightGrams} in a box of {@code length} x {@code width} x {@code height} millimetres. */
    public static Parcel of(int weightGrams, int length, int width, int height) {
        return new Parcel(weightGrams, Dimensions.ofMillimetres(length, width, height));
    }

    /**
     * The weight a carrier charges for: the greater of the real weight and the volumetric weight at {@code divisor}
     * cubic centimetres per kilogram (5000 for most European carriers), in grams, rounded up.
     *
     * @throws IllegalArgumentException when {@code divisor} is not positive
     */
    public int chargeableWeightGrams(int divisor) {
        Checks.positive(divisor, "divisor");
        long cm3x1000 = dimensions.volumeMm3(); // mm3 = cm3 * 1000, so grams = mm3 / divisor, rounded up
        long volumetric = (cm3x1000 + divisor - 1) / divisor;
        return (int) Math.max(weightGrams, Math.min(Integer.MAX_VALUE, volumetric));
    }
}

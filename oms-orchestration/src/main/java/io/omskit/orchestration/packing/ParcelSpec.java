package io.omskit.orchestration.packing;

import io.omskit.core.catalog.Dimensions;
import io.omskit.core.common.Checks;

/**
 * What a carrier prices: a parcel's gross weight and outer dimensions.
 *
 * @param weightGrams gross weight, at least 0
 * @param dimensions  outer dimensions; not null
 */
public record ParcelSpec(int weightGrams, Dimensions dimensions) {

    public ParcelSpec {
        Checks.notNegative(weightGrams, "weightGrams");
        Checks.notNull(dimensions, "dimensions");
    }
}

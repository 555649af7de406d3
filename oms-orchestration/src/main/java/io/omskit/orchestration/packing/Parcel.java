package io.omskit.orchestration.packing;

import io.omskit.core.catalog.Dimensions;
import io.omskit.core.common.Checks;
import java.util.List;
import java.util.Optional;
import org.joda.money.Money;

/**
 * One parcel of a packing.
 *
 * @param carton      the carton, or empty when the unit ships in its own box
 * @param placements  the units in the parcel and where each sits (one placement at the origin for an own box)
 * @param weightGrams gross weight: units plus the empty carton
 * @param dimensions  outer dimensions the carrier measures
 * @param cartonCost  the carton's cost (zero for an own box)
 * @param price       the caller's parcel price for this weight and these dimensions
 */
public record Parcel(Optional<CartonType> carton, List<Placement> placements, int weightGrams, Dimensions dimensions,
                     Money cartonCost, Money price) {

    public Parcel {
        Checks.notNull(carton, "carton");
        placements = Checks.list(placements, "placements");
        Checks.notNegative(weightGrams, "weightGrams");
        Checks.notNull(dimensions, "dimensions");
        Checks.notNull(cartonCost, "cartonCost");
        Checks.notNull(price, "price");
    }

    /** Carton cost plus parcel price. */
    public Money total() {
        return cartonCost.plus(price);
    }
}

package io.omskit.orchestration.packing;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The cartons a location packs into, and the SKUs that ship in their own box (never in a carton, never with another
 * unit: a bicycle box, a television).
 *
 * @param cartons       at least one carton, codes unique, costs in one currency
 * @param shipsInOwnBox SKUs shipped alone in their own packaging; may be empty
 */
public record CartonCatalogue(List<CartonType> cartons, Set<Sku> shipsInOwnBox) {

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException when there is no carton, a code repeats or currencies differ
     */
    public CartonCatalogue {
        cartons = Checks.list(cartons, "cartons");
        shipsInOwnBox = Checks.set(shipsInOwnBox, "shipsInOwnBox");
        if (cartons.isEmpty()) {
            throw new IllegalArgumentException("cartons must not be empty");
        }
        Set<String> codes = new HashSet<>();
        for (CartonType c : cartons) {
            if (!codes.add(c.code())) {
                throw new IllegalArgumentException("cartons must have unique codes, " + c.code() + " appears twice");
            }
            if (!c.cost().getCurrencyUnit().equals(cartons.get(0).cost().getCurrencyUnit())) {
                throw new IllegalArgumentException("cartons must cost in one currency, " + c.code() + " costs in "
                        + c.cost().getCurrencyUnit() + ", " + cartons.get(0).code() + " in "
                        + cartons.get(0).cost().getCurrencyUnit());
            }
        }
    }

    /** A catalogue with no ships-in-own-box SKU. */
    public static CartonCatalogue of(List<CartonType> cartons) {
        return new CartonCatalogue(cartons, Set.of());
    }
}

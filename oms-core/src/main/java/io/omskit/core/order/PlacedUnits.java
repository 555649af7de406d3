package io.omskit.core.order;

import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import java.util.List;

/**
 * Units of an order's lines that one location fulfils: where a change of delivery sourced them again.
 *
 * @param location the location
 * @param units    the units per line, each line once, at least one
 */
public record PlacedUnits(LocationId location, List<LineQuantity> units) {

    public PlacedUnits {
        Checks.notNull(location, "location");
        units = Checks.list(units, "units");
        if (units.isEmpty()) {
            throw new IllegalArgumentException("units placed at " + location + " must not be empty");
        }
    }
}

package io.omskit.orchestration.plan;

import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import java.util.List;

/**
 * One shipment of a plan: a location and the units it takes.
 *
 * @param location    where the units are taken
 * @param type        the location's type (a store shipping home delivery is ship from store, a drop-shipper drop-ships)
 * @param kind        deliver to the customer, collect in this store, or transfer to the pickup store
 * @param destination the pickup store for {@link LegKind#TRANSFER} and {@link LegKind#COLLECT}; null for delivery
 * @param lines       the units, at least one line
 * @param cost        the cost of this fulfilment under the rule set (split penalties not included)
 */
public record PlannedFulfilment(LocationId location, LocationType type, LegKind kind, LocationId destination,
                                List<PlannedLine> lines, double cost) {

    public PlannedFulfilment {
        Checks.notNull(location, "location");
        Checks.notNull(type, "type");
        Checks.notNull(kind, "kind");
        lines = List.copyOf(Checks.notNull(lines, "lines"));
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("lines must not be empty for fulfilment at " + location);
        }
        if (kind != LegKind.DELIVER && destination == null) {
            throw new IllegalArgumentException("destination must be given for a " + kind + " fulfilment at " + location);
        }
    }

    /** The units taken over all lines. */
    public int units() {
        int n = 0;
        for (PlannedLine l : lines) {
            n += l.quantity();
        }
        return n;
    }
}

package io.omskit.core.order;

import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;

/**
 * Units of a line held at a location under an allocation, not yet shipped or collected.
 *
 * @param line          the line
 * @param location      where the stock is allocated
 * @param allocationKey identifies this fulfilment of the order: one location's share of an allocation
 * @param inventoryKey  the inventory allocation holding the stock (see {@link io.omskit.core.inventory.AllocationKey});
 *                      one inventory allocation may span several locations, each its own {@code allocationKey}
 * @param allocated     units allocated and not yet ready
 * @param ready         units picked and packed
 */
public record LineAllocation(LineId line, LocationId location, String allocationKey, String inventoryKey, int allocated, int ready) {

    public LineAllocation {
        Checks.notNull(line, "line");
        Checks.notNull(location, "location");
        Checks.identifier(allocationKey, "allocationKey");
        Checks.identifier(inventoryKey, "inventoryKey");
        Checks.notNegative(allocated, "allocated");
        Checks.notNegative(ready, "ready");
        if (allocated + ready == 0) {
            throw new IllegalArgumentException("allocation " + allocationKey + " of line " + line + " must hold at least one unit");
        }
    }

    /** Units held in total. */
    public int units() {
        return allocated + ready;
    }
}

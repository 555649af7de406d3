package io.omskit.orchestration.picking;

import io.omskit.core.common.Checks;
import io.omskit.core.fulfilment.FulfilmentId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one fulfilment needs picked. Each SKU appears on one line; all of a line's units are taken from one bin.
 *
 * @param fulfilment the fulfilment picked; not null
 * @param lines      at least one line, no SKU twice
 */
public record PickList(FulfilmentId fulfilment, List<PickLine> lines) {

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException when there is no line or a SKU appears twice
     */
    public PickList {
        Checks.notNull(fulfilment, "fulfilment");
        lines = Checks.list(lines, "lines");
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("lines of pick list " + fulfilment + " must not be empty");
        }
        Set<Object> seen = new HashSet<>();
        for (PickLine line : lines) {
            if (!seen.add(line.sku())) {
                throw new IllegalArgumentException("lines of pick list " + fulfilment + " must name each SKU once, "
                        + line.sku() + " appears twice");
            }
        }
    }

    /** Total units on the list. */
    public int units() {
        int units = 0;
        for (PickLine line : lines) {
            units += line.quantity();
        }
        return units;
    }
}

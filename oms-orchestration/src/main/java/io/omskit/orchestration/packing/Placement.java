package io.omskit.orchestration.packing;

import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;

/**
 * Where one unit sits in its carton: the corner nearest the carton's origin (a bottom corner, x along the carton's
 * length, y along its width, z up), in millimetres, and how it lies. The unit occupies
 * {@code [x, x + extent.length) x [y, y + extent.width) x [z, z + extent.height)}.
 *
 * @param sku         the unit's SKU
 * @param x           at least 0
 * @param y           at least 0
 * @param z           at least 0
 * @param orientation how the unit lies
 * @param extent      the unit's extent along x, y and z: its dimensions turned by {@code orientation}
 */
public record Placement(Sku sku, int x, int y, int z, Orientation orientation, Dimensions extent) {

    public Placement {
        Checks.notNull(sku, "sku");
        Checks.notNegative(x, "x");
        Checks.notNegative(y, "y");
        Checks.notNegative(z, "z");
        Checks.notNull(orientation, "orientation");
        Checks.notNull(extent, "extent");
    }
}

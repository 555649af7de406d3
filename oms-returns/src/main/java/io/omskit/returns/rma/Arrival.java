package io.omskit.returns.rma;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;

/**
 * What the receiving location counted in a parcel or at the counter: units of a SKU, whether or not the return
 * announced them.
 *
 * @param sku      the SKU found
 * @param quantity units of it, at least 1
 */
public record Arrival(Sku sku, int quantity) {

    public Arrival {
        Checks.notNull(sku, "sku");
        Checks.positive(quantity, "quantity");
    }

    public static Arrival of(Sku sku, int quantity) {
        return new Arrival(sku, quantity);
    }
}

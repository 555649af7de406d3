package io.omskit.core.catalog;

import io.omskit.core.common.Checks;

/**
 * One component of a bundle: selling one bundle consumes {@code quantity} units of {@code sku}.
 */
public record BundleComponent(Sku sku, int quantity) {

    public BundleComponent {
        Checks.notNull(sku, "sku");
        Checks.positive(quantity, "quantity");
    }
}

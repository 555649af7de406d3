package io.omskit.core.catalog;

import io.omskit.core.common.Checks;
import java.util.List;

/**
 * What OMS Kit needs to know about a SKU: naming for humans, and the facts that sourcing,
 * cartonisation and returns decide on.
 *
 * @param sku          the SKU described
 * @param name         display name; not blank
 * @param category     merchandising category, used by rules and reports; not blank
 * @param weightGrams  shipping weight of one unit in grams, at least 0
 * @param dimensions   shipping dimensions of one unit
 * @param returnable   whether a customer may return it
 * @param components   the SKUs a bundle is made of; empty for a plain SKU. Stock is held for components, not for the bundle.
 */
public record SkuAttributes(Sku sku, String name, String category, int weightGrams, Dimensions dimensions,
                            boolean returnable, List<BundleComponent> components) {

    public SkuAttributes {
        Checks.notNull(sku, "sku");
        Checks.notBlank(name, "name");
        Checks.notBlank(category, "category");
        Checks.notNegative(weightGrams, "weightGrams");
        Checks.notNull(dimensions, "dimensions");
        components = Checks.list(components, "components");
        for (BundleComponent c : components) {
            if (c.sku().equals(sku)) {
                throw new IllegalArgumentException("components of bundle " + sku + " must not contain the bundle itself");
            }
        }
    }

    /** A plain (non-bundle) SKU. */
    public static SkuAttributes of(Sku sku, String name, String category, int weightGrams, Dimensions dimensions,
                                   boolean returnable) {
        return new SkuAttributes(sku, name, category, weightGrams, dimensions, returnable, List.of());
    }

    /** Whether this SKU is a bundle of other SKUs. */
    public boolean isBundle() {
        return !components.isEmpty();
    }
}

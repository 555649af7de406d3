package io.omskit.core.spi;

import io.omskit.core.catalog.BundleComponent;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The host's product catalog, as far as order management needs it. Implementations must be thread-safe
 * and fast: placement looks up every line.
 */
public interface Catalog {

    /**
     * The attributes of {@code sku}.
     *
     * @return empty when the SKU is unknown
     * @throws SpiException when the catalog cannot be reached
     */
    Optional<SkuAttributes> find(Sku sku);

    /**
     * The stock units selling {@code quantity} of {@code sku} takes: each component times its quantity when the SKU is a
     * bundle, else the SKU itself; an unknown SKU counts as plain. The one place bundles are expanded.
     *
     * @throws ArithmeticException when a component's units overflow an int (placement's limits keep orders far below)
     * @throws SpiException        when the catalog cannot be reached
     */
    default Map<Sku, Integer> stockUnits(Sku sku, int quantity) {
        Optional<SkuAttributes> attributes = find(sku);
        if (attributes.isEmpty() || !attributes.get().isBundle()) {
            return Map.of(sku, quantity);
        }
        Map<Sku, Integer> units = new LinkedHashMap<>();
        for (BundleComponent c : attributes.get().components()) {
            units.merge(c.sku(), Math.multiplyExact(c.quantity(), quantity), Integer::sum);
        }
        return units;
    }
}

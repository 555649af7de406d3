package io.omskit.core.spi;

import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
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
}

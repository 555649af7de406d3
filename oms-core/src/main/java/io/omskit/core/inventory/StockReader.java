package io.omskit.core.inventory;

import io.omskit.core.catalog.Sku;
import java.util.List;

/**
 * What reading the stock of a SKU across the network takes: every {@link io.omskit.core.spi.InventoryStore} is one.
 * Views of stock (a channel's, {@link StockView}) read through it.
 */
public interface StockReader {

    /** Every position of {@code sku} that ever had a movement or setting, ordered by location id. */
    List<StockPosition> positions(Sku sku);

    /** Units of {@code sku} held by active network-wide reservations. */
    int networkReserved(Sku sku);

    /** Units of {@code sku} available to sell across the network: sum of the positions' minus network-wide reservations. */
    int networkAvailable(Sku sku);
}

package io.omskit.core.inventory;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;

/**
 * The stock of one SKU at one location.
 *
 * @param sku              the SKU
 * @param location         the location
 * @param onHand           sellable units physically there (quarantined units not included)
 * @param reserved         units held at this location for carts and orders not yet allocated
 * @param allocated        units allocated to fulfilments, not yet shipped
 * @param safetyStock      units kept back from sale
 * @param inbound          units expected from suppliers or transfers (with ETAs, see {@link InboundSupply})
 * @param returnsInTransit units customers are sending back here
 * @param quarantine       units physically there but not sellable (damaged, under inspection)
 */
public record StockPosition(Sku sku, LocationId location, int onHand, int reserved, int allocated, int safetyStock,
                            int inbound, int returnsInTransit, int quarantine) {

    public StockPosition {
        Checks.notNull(sku, "sku");
        Checks.notNull(location, "location");
        Checks.notNegative(onHand, "onHand");
        Checks.notNegative(reserved, "reserved");
        Checks.notNegative(allocated, "allocated");
        Checks.notNegative(safetyStock, "safetyStock");
        Checks.notNegative(inbound, "inbound");
        Checks.notNegative(returnsInTransit, "returnsInTransit");
        Checks.notNegative(quarantine, "quarantine");
    }

    /** A position with nothing in it. */
    public static StockPosition empty(Sku sku, LocationId location) {
        return new StockPosition(sku, location, 0, 0, 0, 0, 0, 0, 0);
    }

    /** Units that can still be promised here: on hand minus reserved, allocated and safety stock, never below zero. */
    public int availableToSell() {
        return Math.max(0, onHand - reserved - allocated - safetyStock);
    }
}

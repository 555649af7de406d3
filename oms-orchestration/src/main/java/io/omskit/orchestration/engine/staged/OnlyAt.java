package io.omskit.orchestration.engine.staged;

import io.omskit.core.catalog.Sku;
import io.omskit.orchestration.stock.SkuStock;
import io.omskit.orchestration.stock.StockSnapshot;
import java.util.Arrays;

/** A snapshot showing only the stock at a few locations: what a stage's chosen parcels hold, to price them. */
final class OnlyAt implements StockSnapshot {

    private final StockSnapshot base;
    private final int[] locations;

    /** @param locations dense indexes, sorted ascending */
    OnlyAt(StockSnapshot base, int[] locations) {
        this.base = base;
        this.locations = locations;
    }

    @Override
    public SkuStock stock(Sku sku) {
        SkuStock all = base.stock(sku);
        int[] l = new int[locations.length];
        int[] u = new int[locations.length];
        for (int k = 0; k < locations.length; k++) {
            l[k] = locations[k];
            u[k] = all.unitsAt(locations[k]);
        }
        SkuStock only = SkuStock.of(l, u);
        return all.networkLimit() == Integer.MAX_VALUE ? only : only.withNetworkLimit(all.networkLimit());
    }

    @Override
    public String toString() {
        return "OnlyAt" + Arrays.toString(locations);
    }
}

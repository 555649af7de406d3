package io.omskit.orchestration.internal;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.Network;
import io.omskit.orchestration.stock.SkuStock;
import io.omskit.orchestration.stock.StockSnapshot;
import java.util.Arrays;
import java.util.Map;

/**
 * A snapshot seen by an order planned again: the units its own fulfilments hold are added back at their locations,
 * since moving them is one of the answers. Thread-safe when the base snapshot is.
 */
public final class HeldUnitsAdded implements StockSnapshot {

    private final StockSnapshot base;
    private final Map<Sku, Map<LocationId, Integer>> held;
    private final Network network;

    private HeldUnitsAdded(StockSnapshot base, Map<Sku, Map<LocationId, Integer>> held, Network network) {
        this.base = base;
        this.held = held;
        this.network = network;
    }

    /** {@code base} with the {@code held} stock units (per SKU and location) added; dense indexes those of {@code network}. */
    public static StockSnapshot over(StockSnapshot base, Map<Sku, Map<LocationId, Integer>> held, Network network) {
        return held.isEmpty() ? base : new HeldUnitsAdded(base, Map.copyOf(held), network);
    }

    @Override
    public SkuStock stock(Sku sku) {
        SkuStock stock = base.stock(sku);
        Map<LocationId, Integer> own = held.get(sku);
        if (own == null) {
            return stock;
        }
        int[] locations = new int[stock.size() + own.size()];
        int[] units = new int[locations.length];
        for (int k = 0; k < stock.size(); k++) {
            locations[k] = stock.location(k);
            units[k] = stock.units(k);
        }
        int n = stock.size();
        long added = 0;
        for (Map.Entry<LocationId, Integer> e : own.entrySet()) {
            int index = network.indexOf(e.getKey());
            if (index < 0) {
                continue;
            }
            int k = 0;
            while (k < n && locations[k] != index) {
                k++;
            }
            if (k == n) {
                locations[n++] = index;
            }
            units[k] += e.getValue();
            added += e.getValue();
        }
        SkuStock mine = SkuStock.of(Arrays.copyOf(locations, n), Arrays.copyOf(units, n));
        if (stock.networkLimit() == Integer.MAX_VALUE) {
            return mine;
        }
        return mine.withNetworkLimit((int) Math.min(Integer.MAX_VALUE, stock.networkLimit() + added));
    }
}

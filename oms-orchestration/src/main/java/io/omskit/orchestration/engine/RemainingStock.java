package io.omskit.orchestration.engine;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.Network;
import io.omskit.orchestration.plan.PlannedFulfilment;
import io.omskit.orchestration.plan.PlannedLine;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.stock.SkuStock;
import io.omskit.orchestration.stock.StockSnapshot;
import java.util.HashMap;
import java.util.Map;

/**
 * A snapshot less what earlier plans took: the stock a wave planned one by one leaves for the next request, or what
 * a staged engine's earlier stages left for the rest of a demand. Not thread-safe: one decision or wave at a time.
 */
public final class RemainingStock implements StockSnapshot {

    private final StockSnapshot base;
    private final Network network;
    /** Units taken per SKU, by dense location index. */
    private final Map<Sku, Map<Integer, Integer>> taken = new HashMap<>();
    private final Map<Sku, SkuStock> cache = new HashMap<>();

    /** {@code base}, of locations of {@code network}, less nothing yet. */
    public RemainingStock(StockSnapshot base, Network network) {
        this.base = base;
        this.network = network;
    }

    /** Takes what {@code plan} plans out of the stock this snapshot shows. */
    public void take(SourcingPlan plan) {
        for (PlannedFulfilment f : plan.fulfilments()) {
            int location = network.indexOf(f.location());
            for (PlannedLine l : f.lines()) {
                taken.computeIfAbsent(l.sku(), s -> new HashMap<>()).merge(location, l.quantity(), Integer::sum);
                cache.remove(l.sku());
            }
        }
    }

    @Override
    public SkuStock stock(Sku sku) {
        SkuStock full = base.stock(sku);
        Map<Integer, Integer> less = taken.get(sku);
        if (less == null) {
            return full;
        }
        SkuStock left = cache.get(sku);
        if (left != null) {
            return left;
        }
        int[] locations = new int[full.size()];
        int[] units = new int[full.size()];
        long took = 0;
        for (int k = 0; k < full.size(); k++) {
            int t = Math.min(full.units(k), less.getOrDefault(full.location(k), 0));
            locations[k] = full.location(k);
            units[k] = full.units(k) - t;
            took += t;
        }
        left = SkuStock.of(locations, units);
        if (full.networkLimit() != Integer.MAX_VALUE) {
            left = left.withNetworkLimit((int) Math.max(0, full.networkLimit() - took));
        }
        cache.put(sku, left);
        return left;
    }
}

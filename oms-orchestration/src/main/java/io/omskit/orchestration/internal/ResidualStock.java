package io.omskit.orchestration.internal;

import io.omskit.core.catalog.Sku;
import io.omskit.orchestration.PlannedFulfilment;
import io.omskit.orchestration.PlannedLine;
import io.omskit.orchestration.SkuStock;
import io.omskit.orchestration.SourcingPlan;
import io.omskit.orchestration.StockSnapshot;
import io.omskit.core.network.Network;
import java.util.HashMap;
import java.util.Map;

/** A snapshot minus the units of the plans taken from it so far. Not thread-safe: one per batch. */
public final class ResidualStock implements StockSnapshot {

    private final StockSnapshot base;
    private final Network network;
    private final Map<Sku, SkuStock> current = new HashMap<>();

    /** The residual of {@code base}, whose indexes are those of {@code network}. */
    public ResidualStock(StockSnapshot base, Network network) {
        this.base = base;
        this.network = network;
    }

    @Override
    public SkuStock stock(Sku sku) {
        SkuStock s = current.get(sku);
        return s != null ? s : base.stock(sku);
    }

    /** Takes the units of {@code plan}. */
    public void take(SourcingPlan plan) {
        change(plan, -1);
    }

    /** Gives back the units of {@code plan}. */
    public void giveBack(SourcingPlan plan) {
        change(plan, 1);
    }

    private void change(SourcingPlan plan, int sign) {
        for (PlannedFulfilment f : plan.fulfilments()) {
            int location = network.indexOf(f.location());
            for (PlannedLine l : f.lines()) {
                SkuStock s = stock(l.sku());
                int[] locations = new int[s.size() + 1];
                int[] units = new int[s.size() + 1];
                boolean found = false;
                for (int k = 0; k < s.size(); k++) {
                    locations[k] = s.location(k);
                    units[k] = s.units(k);
                    if (locations[k] == location) {
                        units[k] += sign * l.quantity();
                        found = true;
                    }
                }
                int n = s.size();
                if (!found) {
                    locations[n] = location;
                    units[n++] = sign * l.quantity();
                }
                current.put(l.sku(), SkuStock.of(java.util.Arrays.copyOf(locations, n), java.util.Arrays.copyOf(units, n)));
            }
        }
    }
}

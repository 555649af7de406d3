package io.omskit.orchestration.internal;

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
 * A snapshot minus the units of the plans taken from it so far. Plans only take units the base snapshot holds, so
 * each SKU's residual is kept as units per location of its base stock ({@link Row}). Not thread-safe: one per batch.
 */
public final class ResidualStock implements StockSnapshot {

    /** One SKU's residual: the base locations, the units left at each, and a stock view rebuilt after changes. */
    static final class Row {
        final SkuStock base;
        final int[] units;
        private SkuStock view;

        Row(SkuStock base) {
            this.base = base;
            this.units = new int[base.size()];
            for (int k = 0; k < units.length; k++) {
                units[k] = base.units(k);
            }
            this.view = base;
        }

        /** The index of dense network index {@code location} among the base locations, or a negative number. */
        int indexOf(int location) {
            int lo = 0;
            int hi = base.size() - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int l = base.location(mid);
                if (l < location) {
                    lo = mid + 1;
                } else if (l > location) {
                    hi = mid - 1;
                } else {
                    return mid;
                }
            }
            return -1;
        }

        SkuStock view() {
            if (view == null) {
                int[] locations = new int[units.length];
                for (int k = 0; k < locations.length; k++) {
                    locations[k] = base.location(k);
                }
                view = limited(SkuStock.of(locations, units), networkLimit());
            }
            return view;
        }

        /** The base's network-wide limit less the units taken since; {@link Integer#MAX_VALUE} for none. */
        int networkLimit() {
            if (base.networkLimit() == Integer.MAX_VALUE) {
                return Integer.MAX_VALUE;
            }
            long left = 0;
            for (int u : units) {
                left += u;
            }
            return (int) Math.max(0, base.networkLimit() - (base.total() - left));
        }
    }

    private final StockSnapshot base;
    private final Network network;
    private final Map<Sku, Row> rows = new HashMap<>();

    /** The residual of {@code base}, whose indexes are those of {@code network}. */
    public ResidualStock(StockSnapshot base, Network network) {
        this.base = base;
        this.network = network;
    }

    @Override
    public SkuStock stock(Sku sku) {
        Row r = rows.get(sku);
        return r != null ? r.view() : base.stock(sku);
    }

    /** The residual row of {@code sku}, created from the base snapshot on first use. */
    Row row(Sku sku) {
        return rows.computeIfAbsent(sku, s -> new Row(base.stock(s)));
    }

    /**
     * A view of {@code stock} holding stock only at {@code locations} (dense indexes, ascending), to plan an order
     * where the wave assigned it under the order's own rules. A view over the current units: take nothing meanwhile.
     */
    static StockSnapshot only(StockSnapshot stock, int[] locations) {
        return sku -> {
            SkuStock s = stock.stock(sku);
            int[] l = new int[locations.length];
            int[] u = new int[locations.length];
            for (int x = 0; x < locations.length; x++) {
                l[x] = locations[x];
                u[x] = s.unitsAt(locations[x]);
            }
            return limited(SkuStock.of(l, u), s.networkLimit());
        };
    }

    /** {@code stock} with the network-wide {@code limit}, if any. */
    static SkuStock limited(SkuStock stock, int limit) {
        return limit == Integer.MAX_VALUE ? stock : stock.withNetworkLimit(limit);
    }

    /** Takes the units of {@code plan}. */
    public void take(SourcingPlan plan) {
        change(plan, -1, null);
    }

    /** Gives back the units of {@code plan}. */
    public void giveBack(SourcingPlan plan) {
        change(plan, 1, null);
    }

    /** Takes the units of {@code plan}, telling {@code listener} of every position that lost units. */
    void take(SourcingPlan plan, Listener listener) {
        change(plan, -1, listener);
    }

    /** Told of each position whose units fell. */
    interface Listener {
        void reduced(Sku sku, Row row, int k);
    }

    private void change(SourcingPlan plan, int sign, Listener listener) {
        for (PlannedFulfilment f : plan.fulfilments()) {
            int location = network.indexOf(f.location());
            for (PlannedLine l : f.lines()) {
                Row r = row(l.sku());
                int k = r.indexOf(location);
                if (k < 0) {
                    throw new IllegalStateException("a plan took " + l.sku() + " at " + f.location()
                            + ", which the wave's snapshot does not hold");
                }
                r.units[k] += sign * l.quantity();
                r.view = null;
                if (listener != null) {
                    listener.reduced(l.sku(), r, k);
                }
            }
        }
    }
}

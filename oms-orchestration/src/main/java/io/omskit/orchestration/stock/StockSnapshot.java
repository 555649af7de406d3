package io.omskit.orchestration.stock;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.inventory.StockPosition;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.Network;
import io.omskit.core.channel.Channel;
import io.omskit.core.spi.InventoryStore;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stock a sourcing computation runs on: units available per SKU and location, after safety stock and through
 * the channel's exposure. The engine never reads a live store directly, so that what-if plans, ATP and batches can
 * run the same engine on a snapshot. Implementations must be thread-safe; frozen snapshots are also immutable.
 */
public interface StockSnapshot {

    /**
     * The stock of {@code sku}, indexed by the network the snapshot was made for.
     *
     * @return never null; {@link SkuStock#none()} when no location holds the SKU
     */
    SkuStock stock(Sku sku);

    /**
     * A snapshot that reads {@code store} on every call: each call sees the store's current positions, and the
     * network-wide reservations that hold part of their units without naming a location, as a
     * {@link SkuStock#networkLimit()} (so that no plan takes units the store would refuse to allocate).
     *
     * @param store    the inventory store
     * @param network  the network whose dense indexes the snapshot uses; positions at unknown locations are ignored
     * @param channel  the channel whose exposure applies
     * @param exposure how much of each position the channel sees
     */
    static StockSnapshot live(InventoryStore store, Network network, Channel channel, StockExposure exposure) {
        Checks.notNull(store, "store");
        Checks.notNull(network, "network");
        Checks.notNull(channel, "channel");
        Checks.notNull(exposure, "exposure");
        return sku -> read(store, network, channel, exposure, sku);
    }

    /** A frozen copy of what {@code store} holds now for {@code skus}; other SKUs have no stock in the copy. */
    static StockSnapshot copyOf(InventoryStore store, Network network, Channel channel, StockExposure exposure,
                                Collection<Sku> skus) {
        StockSnapshot live = live(store, network, channel, exposure);
        Map<Sku, SkuStock> map = new HashMap<>();
        for (Sku sku : skus) {
            map.put(sku, live.stock(sku));
        }
        return of(map);
    }

    /** A frozen snapshot of the given stock; SKUs missing from the map have none. */
    static StockSnapshot of(Map<Sku, SkuStock> stock) {
        Map<Sku, SkuStock> copy = Map.copyOf(Checks.notNull(stock, "stock"));
        return sku -> copy.getOrDefault(sku, SkuStock.none());
    }

    /** A builder of a frozen snapshot over {@code network}. */
    static Builder builder(Network network) {
        return new Builder(network);
    }

    /** Builds a frozen {@link StockSnapshot}; units given twice for one position are added up. */
    final class Builder {
        private final Network network;
        private final Map<Sku, Map<Integer, Integer>> units = new HashMap<>();

        private Builder(Network network) {
            this.network = Checks.notNull(network, "network");
        }

        /**
         * Adds {@code quantity} units of {@code sku} at {@code location}.
         *
         * @throws IllegalArgumentException when the location is not in the network or the quantity is negative
         */
        public Builder add(Sku sku, LocationId location, int quantity) {
            Checks.notNull(sku, "sku");
            Checks.notNegative(quantity, "quantity");
            int index = network.indexOf(Checks.notNull(location, "location"));
            if (index < 0) {
                throw new IllegalArgumentException("location " + location + " is not in the network");
            }
            units.computeIfAbsent(sku, s -> new HashMap<>()).merge(index, quantity, Integer::sum);
            return this;
        }

        /** The snapshot. */
        public StockSnapshot build() {
            Map<Sku, SkuStock> map = new HashMap<>();
            units.forEach((sku, byLocation) -> {
                int[] l = new int[byLocation.size()];
                int[] u = new int[byLocation.size()];
                int k = 0;
                for (Map.Entry<Integer, Integer> e : byLocation.entrySet()) {
                    l[k] = e.getKey();
                    u[k++] = e.getValue();
                }
                map.put(sku, SkuStock.of(l, u));
            });
            return of(map);
        }
    }

    private static SkuStock read(InventoryStore store, Network network, Channel channel, StockExposure exposure, Sku sku) {
        List<StockPosition> positions = store.positions(sku);
        int[] l = new int[positions.size()];
        int[] u = new int[positions.size()];
        int n = 0;
        long sellable = 0;
        for (StockPosition p : positions) {
            sellable += p.availableToSell();
            int index = network.indexOf(p.location());
            if (index < 0) {
                continue;
            }
            int exposed = exposure.exposed(channel, network.at(index), p);
            if (exposed > 0) {
                l[n] = index;
                u[n++] = exposed;
            }
        }
        SkuStock stock = SkuStock.of(java.util.Arrays.copyOf(l, n), java.util.Arrays.copyOf(u, n));
        int networkReserved = n == 0 ? 0 : store.networkReserved(sku);
        return networkReserved == 0 ? stock
                : stock.withNetworkLimit((int) Math.max(0, Math.min(Integer.MAX_VALUE, sellable - networkReserved)));
    }
}

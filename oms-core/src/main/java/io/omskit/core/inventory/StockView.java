package io.omskit.core.inventory;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.channel.Channel;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stock of a SKU as the network and the sales channels see it: network available to sell, by location, by location
 * type, and per channel through its {@link ExposurePolicy}. Reads the store on every call (no cache), so answers
 * are as fresh as the store. Thread-safe when the store is.
 *
 * <p>Positions at locations the {@link Network} does not know count in {@link #networkAvailable} and
 * {@link #availableByLocation}, but not by type nor for any channel (their type is unknown).
 */
public final class StockView {

    private final StockReader store;
    private final Network network;
    private final ChannelExposure exposure;

    private StockView(StockReader store, Network network, ChannelExposure exposure) {
        this.store = Checks.notNull(store, "store");
        this.network = Checks.notNull(network, "network");
        this.exposure = Checks.notNull(exposure, "exposure");
    }

    /** A view of {@code store}'s stock over {@code network}, shown to channels through {@code exposure}. */
    public static StockView of(StockReader store, Network network, ChannelExposure exposure) {
        return new StockView(store, network, exposure);
    }

    /** Units of {@code sku} that can be sold across the network, net of network-wide reservations. */
    public int networkAvailable(Sku sku) {
        return store.networkAvailable(Checks.notNull(sku, "sku"));
    }

    /** Available to sell of {@code sku} per location holding a position, ordered by location id. */
    public Map<LocationId, Integer> availableByLocation(Sku sku) {
        Map<LocationId, Integer> result = new LinkedHashMap<>();
        for (StockPosition p : store.positions(Checks.notNull(sku, "sku"))) {
            result.put(p.location(), p.availableToSell());
        }
        return Collections.unmodifiableMap(result);
    }

    /**
     * Available to sell of {@code sku} summed per location type (every type present, 0 when none), before
     * network-wide reservations, which are not tied to a location.
     */
    public Map<LocationType, Integer> availableByLocationType(Sku sku) {
        EnumMap<LocationType, Integer> result = new EnumMap<>(LocationType.class);
        for (LocationType t : LocationType.values()) {
            result.put(t, 0);
        }
        for (StockPosition p : store.positions(Checks.notNull(sku, "sku"))) {
            int i = network.indexOf(p.location());
            if (i >= 0) {
                result.merge(network.at(i).type(), p.availableToSell(), Integer::sum);
            }
        }
        return Collections.unmodifiableMap(result);
    }

    /**
     * Units of {@code sku} that {@code channel} may sell: the exposed stock of every location it sees (each
     * position's available to sell minus the buffer), minus the SKU's network-wide reservations; never negative.
     */
    public int availableFor(Channel channel, Sku sku) {
        ExposurePolicy policy = exposure.policyFor(channel);
        long total = 0;
        for (StockPosition p : store.positions(Checks.notNull(sku, "sku"))) {
            int i = network.indexOf(p.location());
            if (i >= 0) {
                Location l = network.at(i);
                if (policy.sees(l)) {
                    total += policy.exposed(p.availableToSell());
                }
            }
        }
        long net = total - store.networkReserved(sku);
        return net <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, net);
    }
}

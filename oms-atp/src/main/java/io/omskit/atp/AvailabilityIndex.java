package io.omskit.atp;

import io.omskit.atp.internal.TextTable;
import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.inventory.InboundSupply;
import io.omskit.core.inventory.InventoryEvent;
import io.omskit.core.inventory.StockPosition;
import io.omskit.core.network.Network;
import io.omskit.core.channel.Channel;
import io.omskit.core.spi.EventPublisher;
import io.omskit.core.spi.InventoryStore;
import io.omskit.orchestration.stock.SkuStock;
import io.omskit.orchestration.stock.StockExposure;
import io.omskit.orchestration.stock.StockSnapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stock per SKU as each channel may source it, kept current from the inventory store's events: the index behind
 * promises. Register it as (or within) the store's {@link EventPublisher}; every {@link InventoryEvent} makes it
 * re-read that SKU's positions and inbound supply, and apply the sourcing engine's {@link StockExposure}, so that
 * its {@link #snapshot(Channel) snapshots} give exactly what {@link StockSnapshot#live} would, without reading the
 * store on the promise path.
 *
 * <p>A SKU is read from the store the first time it is asked for, then kept current by events. Changes that raise
 * no event (a safety-stock change that crosses no alert level, stock changed behind the store's back) need
 * {@link #refresh(Sku)}. Thread-safe: a refresh and a first read of the same SKU are serialised, so the index never
 * keeps an older reading over a newer one.
 */
public final class AvailabilityIndex implements EventPublisher {

    private static final Channel[] CHANNELS = Channel.values();

    private final InventoryStore store;
    private final Network network;
    private final StockExposure exposure;
    // keyed by the SKU's text: a lookup compares the text without first reading the key's Sku (one cache miss less)
    private final ConcurrentHashMap<String, SkuAvailability> entries = new ConcurrentHashMap<>();
    // the same, for reads: written under the map's lock for the key (so never an older reading over a newer one)
    private final TextTable<SkuAvailability> readable = new TextTable<>();
    private final AtomicLong versions = new AtomicLong();
    private final Map<Channel, StockSnapshot> snapshots = new EnumMap<>(Channel.class);

    /**
     * An index of {@code store}'s stock over {@code network}, seen through {@code exposure} (use the sourcing
     * engine's, {@link io.omskit.orchestration.SourcingEngine#exposure()}).
     */
    public AvailabilityIndex(InventoryStore store, Network network, StockExposure exposure) {
        this.store = Checks.notNull(store, "store");
        this.network = Checks.notNull(network, "network");
        this.exposure = Checks.notNull(exposure, "exposure");
        for (Channel c : CHANNELS) {
            snapshots.put(c, sku -> availability(sku).stock(c));
        }
    }

    /** Applies inventory events (other events are ignored): re-reads each SKU they name that the index holds. */
    @Override
    public void publish(List<? extends DomainEvent> events) {
        Sku last = null;
        Set<Sku> seen = null;
        for (DomainEvent e : events) {
            if (!(e instanceof InventoryEvent ie)) {
                continue;
            }
            Sku sku = ie.sku();
            if (sku.equals(last) || (seen != null && !seen.add(sku))) {
                continue;
            }
            if (last != null && seen == null) {
                seen = new HashSet<>();
                seen.add(last);
                seen.add(sku);
            }
            last = sku;
            refresh(sku);
        }
    }

    /** Re-reads {@code sku} from the store if the index holds it (otherwise its first read will). */
    public void refresh(Sku sku) {
        entries.computeIfPresent(Checks.notNull(sku, "sku").value(), (s, old) -> readable(s, sku));
    }

    /** Reads {@code skus} into the index now, so that their first promises need not touch the store. */
    public void load(Collection<Sku> skus) {
        for (Sku sku : skus) {
            entries.compute(sku.value(), (s, old) -> readable(s, sku));
        }
    }

    /** The availability of {@code sku}, read from the store on first use. Never null. */
    public SkuAvailability availability(Sku sku) {
        SkuAvailability a = readable.get(Checks.notNull(sku, "sku").value());
        if (a == null) {
            a = entries.computeIfAbsent(sku.value(), s -> readable(s, sku));
        }
        return a;
    }

    /**
     * The availability of {@code skus[0..count)} into {@code out}, as {@link #availability} gives each: looked up
     * together, so that the memory reads of one SKU's lookup need not wait for another's.
     */
    void availabilities(Sku[] skus, int count, SkuAvailability[] out) {
        String[] texts = new String[count];
        for (int k = 0; k < count; k++) {
            texts[k] = skus[k].value();
        }
        readable.getAll(texts, count, out);
        for (int k = 0; k < count; k++) {
            if (out[k] == null) {
                out[k] = availability(skus[k]);
            }
        }
    }

    private SkuAvailability readable(String text, Sku sku) {
        SkuAvailability a = read(sku);
        readable.put(text, a);
        return a;
    }

    /** A snapshot for the sourcing engine, answering from the index through {@code channel}'s exposure. */
    public StockSnapshot snapshot(Channel channel) {
        return snapshots.get(Checks.notNull(channel, "channel"));
    }

    /** The number of SKUs held. */
    public int size() {
        return entries.size();
    }

    private SkuAvailability read(Sku sku) {
        List<StockPosition> positions = store.positions(sku);
        List<InboundSupply> inbound = store.inbound(sku);
        int networkReserved = store.networkReserved(sku);
        int n = 0;
        int[] index = new int[positions.size()];
        StockPosition[] kept = new StockPosition[positions.size()];
        long sellable = 0;
        for (StockPosition p : positions) {
            sellable += p.availableToSell();
            int i = network.indexOf(p.location());
            if (i >= 0) {
                index[n] = i;
                kept[n++] = p;
            }
        }
        SkuStock[] byChannel = new SkuStock[CHANNELS.length];
        long[] totals = new long[CHANNELS.length];
        int[] l = new int[n];
        int[] u = new int[n];
        for (Channel c : CHANNELS) {
            int m = 0;
            for (int k = 0; k < n; k++) {
                int exposed = exposure.exposed(c, network.at(index[k]), kept[k]);
                if (exposed > 0) {
                    l[m] = index[k];
                    u[m++] = exposed;
                }
            }
            SkuStock stock = SkuStock.of(java.util.Arrays.copyOf(l, m), java.util.Arrays.copyOf(u, m));
            if (m > 0 && networkReserved > 0) {
                stock = stock.withNetworkLimit((int) Math.max(0, Math.min(Integer.MAX_VALUE, sellable - networkReserved)));
            }
            for (int prev = 0; prev < c.ordinal(); prev++) {
                if (byChannel[prev].equals(stock)) {
                    stock = byChannel[prev];
                    break;
                }
            }
            byChannel[c.ordinal()] = stock;
            totals[c.ordinal()] = stock.total();
        }
        List<InboundSupply> known = new ArrayList<>(inbound.size());
        for (InboundSupply s : inbound) {
            if (network.indexOf(s.location()) >= 0) {
                known.add(s);
            }
        }
        known.sort(java.util.Comparator.comparing(InboundSupply::eta));
        return new SkuAvailability(sku, versions.incrementAndGet(), byChannel, totals,
                List.of(java.util.Arrays.copyOf(kept, n)), known, networkReserved);
    }
}

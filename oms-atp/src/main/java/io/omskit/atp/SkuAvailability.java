package io.omskit.atp;

import io.omskit.core.catalog.Sku;
import io.omskit.core.inventory.InboundSupply;
import io.omskit.core.inventory.StockPosition;
import io.omskit.core.channel.Channel;
import io.omskit.orchestration.stock.SkuStock;
import java.util.List;

/**
 * One SKU as the {@link AvailabilityIndex} holds it: the units each channel may source per location, their totals,
 * the positions they were derived from and the inbound supply not yet received. Immutable; a new instance (with a
 * higher {@link #version()}) replaces it whenever the SKU's stock changes.
 */
public final class SkuAvailability {

    private final Sku sku;
    private final long version;
    private final SkuStock[] byChannel;
    private final long[] totals;
    private final List<StockPosition> positions;
    private final List<InboundSupply> inbound;
    private final int networkReserved;
    /** The stock of every channel when all see the same (no exposure policy tells them apart), else null. */
    private final SkuStock same;
    private final long sameTotal;

    SkuAvailability(Sku sku, long version, SkuStock[] byChannel, long[] totals, List<StockPosition> positions,
                    List<InboundSupply> inbound, int networkReserved) {
        this.sku = sku;
        this.version = version;
        this.byChannel = byChannel;
        this.totals = totals;
        this.positions = positions;
        this.inbound = inbound;
        this.networkReserved = networkReserved;
        SkuStock first = byChannel[0];
        for (SkuStock other : byChannel) {
            first = other == first ? first : null;
        }
        // the common case without the per-channel arrays: one cache line less to fetch per read
        this.same = first;
        this.sameTotal = first == null ? 0 : totals[0];
    }

    /** The SKU. */
    public Sku sku() {
        return sku;
    }

    /** Increases with every re-read of the SKU; equal versions mean equal stock. */
    public long version() {
        return version;
    }

    /**
     * The units {@code channel} may source per location (after safety stock and exposure), and the most it may take
     * over the network while network-wide reservations hold part of them ({@link SkuStock#networkLimit()}).
     */
    public SkuStock stock(Channel channel) {
        return same != null ? same : byChannel[channel.ordinal()];
    }

    /** The units {@code channel} may source across the network. */
    public long total(Channel channel) {
        return same != null ? sameTotal : totals[channel.ordinal()];
    }

    /**
     * Units held by network-wide reservations (carts and orders not tied to a location): they are in the positions'
     * available to sell, but a new order can no longer have them.
     */
    public int networkReserved() {
        return networkReserved;
    }

    /** What a new order from {@code channel} can still get across the network: its total minus network-wide reservations. */
    public long available(Channel channel) {
        return Math.max(0, total(channel) - networkReserved);
    }

    /** The positions at locations of the network, as read from the store. */
    public List<StockPosition> positions() {
        return positions;
    }

    /** Inbound supply at locations of the network not yet received, earliest ETA first. */
    public List<InboundSupply> inbound() {
        return inbound;
    }
}

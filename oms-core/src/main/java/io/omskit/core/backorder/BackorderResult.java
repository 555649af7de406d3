package io.omskit.core.backorder;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.LocationId;
import java.util.function.Function;

/** The answer to placing a backorder: accepted with its promise, or refused with the reason. */
public sealed interface BackorderResult {

    /** True when the units wait for supply. */
    boolean isAccepted();

    /** Applies the function for the outcome. */
    <T> T fold(Function<Accepted, T> accepted, Function<Refused, T> refused);

    /**
     * The units wait for supply.
     *
     * @param backorder the waiting units, with the date they are expected
     * @param replayed  true when the id was placed before and this is the first answer again
     */
    record Accepted(Backorder backorder, boolean replayed) implements BackorderResult {
        @Override public boolean isAccepted() { return true; }
        @Override public <T> T fold(Function<Accepted, T> a, Function<Refused, T> r) { return a.apply(this); }
    }

    /**
     * Nothing waits: the units would go beyond what may be sold there.
     *
     * @param sku       the SKU
     * @param location  the location
     * @param requested units asked for
     * @param room      units that could still wait there (announced inbound for pre-orders, plus the backorder
     *                  limit, minus what already waits); 0 when the terms allow nothing
     * @param reason    why, in words a storefront can show
     */
    record Refused(Sku sku, LocationId location, int requested, long room, String reason) implements BackorderResult {
        @Override public boolean isAccepted() { return false; }
        @Override public <T> T fold(Function<Accepted, T> a, Function<Refused, T> r) { return r.apply(this); }
    }
}

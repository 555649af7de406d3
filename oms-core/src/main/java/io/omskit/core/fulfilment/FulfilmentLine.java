package io.omskit.core.fulfilment;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.order.LineId;

/**
 * One order line's units in a fulfilment. Every unit the fulfilment was given is in exactly one of three places: still
 * being fulfilled ({@code quantity}), rejected by the location, or cancelled.
 *
 * @param line      the order line
 * @param sku       the line's SKU (a bundle's stock moves as its components)
 * @param quantity  units still being fulfilled (in the fulfilment's status)
 * @param rejected  units the location refused (re-sourced elsewhere)
 * @param cancelled units cancelled (or expired) before they reached the customer
 */
public record FulfilmentLine(LineId line, Sku sku, int quantity, int rejected, int cancelled) {

    public FulfilmentLine {
        Checks.notNull(line, "line");
        Checks.notNull(sku, "sku");
        Checks.notNegative(quantity, "quantity");
        Checks.notNegative(rejected, "rejected");
        Checks.notNegative(cancelled, "cancelled");
        if (quantity + rejected + cancelled == 0) {
            throw new IllegalArgumentException("fulfilment line " + line + " must hold at least one unit");
        }
    }

    /** {@code quantity} units of {@code line}, all being fulfilled. */
    public static FulfilmentLine of(LineId line, Sku sku, int quantity) {
        return new FulfilmentLine(line, sku, Checks.positive(quantity, "quantity"), 0, 0);
    }

    /** Every unit the fulfilment was given for this line. */
    public int given() {
        return quantity + rejected + cancelled;
    }
}

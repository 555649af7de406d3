package io.omskit.core.backorder;

import io.omskit.core.common.Problem;
import io.omskit.core.common.ValidationException;
import io.omskit.core.inventory.ReservationRequest;
import java.util.List;

/**
 * What a SKU, a location or a SKU at a location may sell beyond its stock.
 *
 * @param preorders      true when units may be sold against announced inbound supply (a pre-order, promised for the
 *                       inbound's expected date)
 * @param backorderLimit how many units may wait beyond the announced inbound supply (a backorder, without a date),
 *                       from 0 to {@value ReservationRequest#MAX_UNITS_PER_SKU}
 */
public record SupplyTerms(boolean preorders, int backorderLimit) {

    /** Nothing beyond stock: the default everywhere. */
    public static final SupplyTerms NONE = new SupplyTerms(false, 0);

    /**
     * Checks the limit.
     *
     * @throws ValidationException when the limit is out of range
     */
    public SupplyTerms {
        if (backorderLimit < 0 || backorderLimit > ReservationRequest.MAX_UNITS_PER_SKU) {
            throw new ValidationException("supply terms", List.of(new Problem("backorderLimit",
                    String.valueOf(backorderLimit), "must be from 0 to " + ReservationRequest.MAX_UNITS_PER_SKU)));
        }
    }

    /** Pre-orders against inbound supply, no backorders beyond it. */
    public static SupplyTerms preordersOnly() {
        return new SupplyTerms(true, 0);
    }

    /** Backorders of up to {@code limit} units, and no pre-orders. */
    public static SupplyTerms backorders(int limit) {
        return new SupplyTerms(false, limit);
    }

    /** Pre-orders against inbound supply and up to {@code limit} units beyond it. */
    public static SupplyTerms preordersAndBackorders(int limit) {
        return new SupplyTerms(true, limit);
    }

    /** True when nothing may be sold beyond stock. */
    public boolean sellsOnlyStock() {
        return !preorders && backorderLimit == 0;
    }

    /** Units that may wait for supply when {@code inbound} units are announced. */
    public long room(long inbound) {
        return (preorders ? inbound : 0) + backorderLimit;
    }
}

package io.omskit.core.inventory;

import io.omskit.core.common.Checks;
import java.util.List;

/**
 * Allocate stock at locations to a fulfilment: all lines or none.
 *
 * @param key         idempotency key; a second request with the same key returns the first allocation
 * @param reference   what it is for (order id, fulfilment id); null means empty; a single line of at most
 *                    {@value StockAdjustment#MAX_REFERENCE_LENGTH} characters
 * @param lines       at least one line; at most {@value ReservationRequest#MAX_UNITS_PER_SKU} units of one SKU in all
 * @param reservation the reservation to draw from first (its held units of the same SKU are converted); null for none
 */
public record AllocationRequest(AllocationKey key, String reference, List<AllocationLine> lines, ReservationKey reservation) {

    public AllocationRequest {
        Checks.notNull(key, "key");
        reference = reference == null ? "" : Checks.text(reference, "reference", StockAdjustment.MAX_REFERENCE_LENGTH);
        lines = Checks.list(lines, "lines");
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("lines must not be empty for allocation " + key);
        }
        UnitsPerSku.atMost(lines, AllocationLine::sku, AllocationLine::quantity, ReservationRequest.MAX_UNITS_PER_SKU);
    }
}

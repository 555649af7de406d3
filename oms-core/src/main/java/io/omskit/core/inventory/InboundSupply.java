package io.omskit.core.inventory;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import java.time.Instant;

/**
 * Units expected at a location: announced by an {@link MovementReason#INBOUND_EXPECTED} movement and not yet
 * received or cancelled.
 *
 * @param sku       the SKU
 * @param location  where the units arrive
 * @param quantity  units expected, at least 1
 * @param eta       when they arrive, from {@link Checks#EARLIEST_MOMENT} to {@link Checks#LATEST_MOMENT}
 * @param reference the announcing movement's reference (a purchase order); null means empty; a single line of at
 *                  most {@value StockAdjustment#MAX_REFERENCE_LENGTH} characters
 */
public record InboundSupply(Sku sku, LocationId location, int quantity, Instant eta, String reference) {

    public InboundSupply {
        Checks.notNull(sku, "sku");
        Checks.notNull(location, "location");
        Checks.positive(quantity, "quantity");
        Checks.moment(Checks.notNull(eta, "eta"), "eta");
        reference = reference == null ? "" : Checks.text(reference, "reference", StockAdjustment.MAX_REFERENCE_LENGTH);
    }
}

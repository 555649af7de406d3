package io.omskit.core.inventory;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import java.time.Instant;

/**
 * A request to move stock at one location for a reason (receipt, count, damage, ...).
 *
 * @param key       idempotency key: replaying it changes nothing and returns the first movement
 * @param sku       the SKU
 * @param location  the location
 * @param reason    why; decides which buckets change
 * @param quantity  units moved, at least 1
 * @param eta       for {@link MovementReason#INBOUND_EXPECTED}: when they arrive, from
 *                  {@link Checks#EARLIEST_MOMENT} to {@link Checks#LATEST_MOMENT}; otherwise null
 * @param reference document it belongs to (purchase order, count sheet, return), may be empty; null means empty; a
 *                  single line of at most {@value #MAX_REFERENCE_LENGTH} characters without control characters
 */
public record StockAdjustment(MovementKey key, Sku sku, LocationId location, MovementReason reason, int quantity,
                              Instant eta, String reference) {

    /** The longest reference of a stock movement, reservation or allocation: 200 characters. */
    public static final int MAX_REFERENCE_LENGTH = 200;

    public StockAdjustment {
        Checks.notNull(key, "key");
        Checks.notNull(sku, "sku");
        Checks.notNull(location, "location");
        Checks.notNull(reason, "reason");
        Checks.positive(quantity, "quantity");
        Checks.moment(eta, "eta");
        if (reason == MovementReason.INBOUND_EXPECTED && eta == null) {
            throw new IllegalArgumentException("eta must be set for " + reason + " of " + sku + " at " + location);
        }
        reference = reference == null ? "" : Checks.text(reference, "reference", MAX_REFERENCE_LENGTH);
    }

    /** An adjustment without ETA. */
    public static StockAdjustment of(String key, Sku sku, LocationId location, MovementReason reason, int quantity,
                                     String reference) {
        return new StockAdjustment(MovementKey.of(key), sku, location, reason, quantity, null, reference);
    }
}

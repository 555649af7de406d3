package io.omskit.core.inventory;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import java.time.Instant;

/**
 * One entry of the stock ledger. Summing the on-hand deltas of every movement of a position gives its on hand.
 *
 * @param key             the idempotency key it was recorded under
 * @param sku             the SKU
 * @param location        the location
 * @param reason          why
 * @param quantity        units moved, at least 1
 * @param onHandDelta     change of on hand
 * @param quarantineDelta change of quarantine
 * @param inboundDelta    change of inbound
 * @param returnsDelta    change of returns in transit
 * @param at              when it was recorded
 * @param reference       the document it belongs to
 */
public record StockMovement(MovementKey key, Sku sku, LocationId location, MovementReason reason, int quantity,
                            int onHandDelta, int quarantineDelta, int inboundDelta, int returnsDelta, Instant at,
                            String reference) {

    public StockMovement {
        Checks.notNull(key, "key");
        Checks.notNull(sku, "sku");
        Checks.notNull(location, "location");
        Checks.notNull(reason, "reason");
        Checks.positive(quantity, "quantity");
        Checks.notNull(at, "at");
        reference = reference == null ? "" : reference;
    }

    /** The movement of {@code quantity} units for {@code reason}, deltas derived from the reason. */
    public static StockMovement of(MovementKey key, Sku sku, LocationId location, MovementReason reason, int quantity,
                                   Instant at, String reference) {
        return new StockMovement(key, sku, location, reason, quantity, reason.onHandSign() * quantity,
                reason.quarantineSign() * quantity, reason.inboundSign() * quantity, reason.returnsSign() * quantity, at,
                reference);
    }
}

package io.omskit.core.inventory;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import java.time.Instant;

/**
 * Units expected at a location: announced by an {@link MovementReason#INBOUND_EXPECTED} movement and not yet
 * received or cancelled.
 */
public record InboundSupply(Sku sku, LocationId location, int quantity, Instant eta, String reference) {

    public InboundSupply {
        Checks.notNull(sku, "sku");
        Checks.notNull(location, "location");
        Checks.positive(quantity, "quantity");
        Checks.notNull(eta, "eta");
        reference = reference == null ? "" : reference;
    }
}

package io.omskit.core.inventory;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import java.time.Instant;
import java.util.List;

/**
 * Stock held under a key.
 *
 * @param key       its idempotency key
 * @param reference what it is held for
 * @param requested the lines as first requested; used to recognise a replayed request
 * @param held      what it still holds, one line per (SKU, location); empty unless active
 * @param status    active, released, expired or consumed
 * @param createdAt when it was made
 * @param expiresAt when it lapses; null for never
 */
public record Reservation(ReservationKey key, String reference, List<ReservationLine> requested, List<ReservationLine> held,
                          ReservationStatus status, Instant createdAt, Instant expiresAt) {

    public Reservation {
        Checks.notNull(key, "key");
        reference = reference == null ? "" : reference;
        requested = List.copyOf(requested);
        held = List.copyOf(held);
        Checks.notNull(status, "status");
        Checks.notNull(createdAt, "createdAt");
    }

    /** Units still held of {@code sku}, over all locations. */
    public int heldQuantity(Sku sku) {
        int n = 0;
        for (ReservationLine l : held) {
            if (l.sku().equals(sku)) {
                n += l.quantity();
            }
        }
        return n;
    }

    /** Whether it still holds stock. */
    public boolean isActive() {
        return status == ReservationStatus.ACTIVE;
    }
}

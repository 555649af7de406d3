package io.omskit.core.inventory;

import io.omskit.core.common.Checks;
import java.time.Instant;
import java.util.List;

/**
 * Stock allocated under a key.
 *
 * @param key         its idempotency key
 * @param reference   what it is for
 * @param requested   the lines as first requested
 * @param open        what is still allocated (not yet shipped or deallocated), one line per (SKU, location)
 * @param reservation the reservation it drew from; null for none
 * @param createdAt   when it was made
 */
public record Allocation(AllocationKey key, String reference, List<AllocationLine> requested, List<AllocationLine> open,
                         ReservationKey reservation, Instant createdAt) {

    public Allocation {
        Checks.notNull(key, "key");
        reference = reference == null ? "" : reference;
        requested = List.copyOf(requested);
        open = List.copyOf(open);
        Checks.notNull(createdAt, "createdAt");
    }
}

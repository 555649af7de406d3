package io.omskit.core.inmemory.internal;

import io.omskit.core.inventory.Allocation;
import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.inventory.AllocationLine;
import io.omskit.core.inventory.AllocationRequest;
import io.omskit.core.inventory.ReservationKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The live state of one allocation. Its monitor guards the mutable fields; taken before reservation monitors. */
final class AllocationState extends Claim {

    final AllocationKey key;
    final String reference;
    final List<AllocationLine> requested;
    final ReservationKey reservation;
    final Instant createdAt;

    /** What is still allocated, one entry per (SKU, location). */
    Entries open;
    /** When the last open unit was shipped or deallocated; null while some are open. */
    Instant finishedAt;
    private Allocation snapshot;

    AllocationState(AllocationRequest request, Instant createdAt) {
        this.key = request.key();
        this.reference = request.reference();
        this.requested = request.lines();
        this.reservation = request.reservation();
        this.createdAt = createdAt;
    }

    /** Marks the open units as changed. */
    void changed() {
        snapshot = null;
    }

    /** The allocation as a value. */
    Allocation snapshot() {
        Allocation s = snapshot;
        if (s == null) {
            List<AllocationLine> lines = new ArrayList<>(open.n);
            for (int i = 0; i < open.n; i++) {
                if (open.qty(i) > 0) {
                    lines.add(new AllocationLine(open.sku(i), open.locationId(i), open.qty(i)));
                }
            }
            s = new Allocation(key, reference, requested, lines, reservation, createdAt);
            snapshot = s;
        }
        return s;
    }
}

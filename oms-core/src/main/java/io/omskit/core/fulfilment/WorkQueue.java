package io.omskit.core.fulfilment;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** A location's queues of work: what its staff does next to the fulfilments offered to it. */
public enum WorkQueue {
    /** Offered, waiting for the location to accept or reject them. */
    TO_ACCEPT(FulfilmentStatus.OFFERED),
    /** Accepted, waiting to be picked. */
    TO_PICK(FulfilmentStatus.ACCEPTED),
    /** Being picked, waiting to be packed. */
    TO_PACK(FulfilmentStatus.PICKING),
    /** Packed, waiting for the carrier. */
    TO_SHIP(FulfilmentStatus.READY_TO_SHIP);

    private final Set<FulfilmentStatus> statuses;

    WorkQueue(FulfilmentStatus status) {
        this.statuses = Collections.unmodifiableSet(EnumSet.of(status));
    }

    /** The statuses of the fulfilments in this queue. */
    public Set<FulfilmentStatus> statuses() {
        return statuses;
    }
}

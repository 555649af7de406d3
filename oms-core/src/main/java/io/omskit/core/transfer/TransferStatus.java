package io.omskit.core.transfer;

/**
 * Where a transfer is in its lifecycle:
 * <pre>
 * REQUESTED --ship--> SHIPPED --receive (all)--> RECEIVED
 *     |                  |  \--receive (some)--> PART_RECEIVED --receive (the rest)--> RECEIVED
 *     |                  \--closeShort--> CLOSED_SHORT &lt;--closeShort--/
 *     \--cancel--> CANCELLED
 * </pre>
 */
public enum TransferStatus {
    /** Requested: its units are held at the source and announced as inbound at the destination. */
    REQUESTED,
    /** Left the source: in transit, inbound at the destination with its expected arrival. */
    SHIPPED,
    /** Some of its units were counted in at the destination; the rest are still expected. */
    PART_RECEIVED,
    /** Arrived: the units are on hand at the destination. Final. */
    RECEIVED,
    /**
     * Closed with units missing: what was counted in is on hand at the destination, the rest was written off as lost
     * in transit and is no longer expected. Final.
     */
    CLOSED_SHORT,
    /** Called off before it left: the units are free at the source again and no longer expected. Final. */
    CANCELLED;

    /** Whether no command changes it any more. */
    public boolean isFinal() {
        return this == RECEIVED || this == CLOSED_SHORT || this == CANCELLED;
    }
}

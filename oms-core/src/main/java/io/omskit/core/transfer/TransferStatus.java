package io.omskit.core.transfer;

/**
 * Where a transfer is in its lifecycle:
 * <pre>
 * REQUESTED --ship--> SHIPPED --receive--> RECEIVED
 *     \--cancel--> CANCELLED
 * </pre>
 */
public enum TransferStatus {
    /** Requested: its units are held at the source and announced as inbound at the destination. */
    REQUESTED,
    /** Left the source: in transit, inbound at the destination with its expected arrival. */
    SHIPPED,
    /** Arrived: the units are on hand at the destination. Final. */
    RECEIVED,
    /** Called off before it left: the units are free at the source again and no longer expected. Final. */
    CANCELLED;

    /** Whether no command changes it any more. */
    public boolean isFinal() {
        return this == RECEIVED || this == CANCELLED;
    }
}

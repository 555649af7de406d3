package io.omskit.core.transfer;

/** Why stock moves between locations. */
public enum TransferReason {
    /** To fill a location up again (a store's shelf from a warehouse). */
    RESTOCK,
    /** To move stock a location has too much of to where it sells. */
    SURPLUS
}

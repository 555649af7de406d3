package io.omskit.returns.rma;

/** What becomes of inspected units, and the stock movements that record it at the receiving location. */
public enum Disposition {
    /** Back on the shelf, sellable at once: returns in transit -, on hand +. */
    RESTOCK,
    /** Set aside, unsellable, for a decision later: returns in transit -, quarantine +. */
    QUARANTINE,
    /** Set aside to be repaired; kept in quarantine until the host releases it. */
    REFURBISH,
    /** Destroyed or disposed of: into quarantine, then written off. */
    WRITE_OFF,
    /** Sent back to the supplier: into quarantine, then out of the building. */
    RETURN_TO_VENDOR;

    /** Whether the units leave the location's stock altogether. */
    public boolean leavesStock() {
        return this == WRITE_OFF || this == RETURN_TO_VENDOR;
    }
}

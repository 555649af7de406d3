package io.omskit.core.inventory;

/**
 * Why stock moved, and which buckets of a position a movement of that reason changes.
 * A movement's quantity is always positive; the reason gives the sign per bucket.
 */
public enum MovementReason {
    /** Goods received from a supplier without a prior inbound notice: on hand +. */
    RECEIPT(+1, 0, 0, 0),
    /** A stock count found more: on hand +. */
    COUNT_GAIN(+1, 0, 0, 0),
    /** A stock count found fewer: on hand -. */
    COUNT_LOSS(-1, 0, 0, 0),
    /** Units damaged and written off: on hand -. */
    DAMAGE(-1, 0, 0, 0),
    /** Units lost or stolen: on hand -. */
    SHRINKAGE(-1, 0, 0, 0),
    /** Units set aside as unsellable: on hand -, quarantine +. */
    QUARANTINE(-1, +1, 0, 0),
    /** Units cleared from quarantine back to sale: quarantine -, on hand +. */
    RELEASE_FROM_QUARANTINE(+1, -1, 0, 0),
    /** Quarantined units written off: quarantine -. */
    QUARANTINE_WRITE_OFF(0, -1, 0, 0),
    /** A supplier or transfer announced units with an ETA: inbound +. */
    INBOUND_EXPECTED(0, 0, +1, 0),
    /** Announced units arrived: inbound -, on hand +. */
    INBOUND_RECEIVED(+1, 0, -1, 0),
    /** Announced units will not come: inbound -. */
    INBOUND_CANCELLED(0, 0, -1, 0),
    /** A customer return was announced: returns in transit +. */
    RETURN_EXPECTED(0, 0, 0, +1),
    /** A return arrived in sellable condition: returns in transit -, on hand +. */
    RETURN_RESTOCKED(+1, 0, 0, -1),
    /** A return arrived for inspection: returns in transit -, quarantine +. */
    RETURN_TO_QUARANTINE(0, +1, 0, -1),
    /** An announced return will not come (fewer units arrived, the return was cancelled): returns in transit -. */
    RETURN_CANCELLED(0, 0, 0, -1),
    /** Allocated units left with the carrier or customer: on hand - (and allocated -). */
    SHIPMENT(-1, 0, 0, 0),
    /**
     * Shipped units that never reached the customer in a sellable state (the parcel was lost, or its goods arrived
     * damaged), written off against the order and parcel they left in: no bucket changes, since the units left on hand
     * with their {@link #SHIPMENT}. The ledger then says where those units ended; the units sent again in their place
     * leave with a shipment of their own.
     */
    SHIPMENT_WRITE_OFF(0, 0, 0, 0),
    /**
     * Stock a position started with when it was loaded in bulk (seeding, migration from another system): on hand +.
     * Shown as the first entry of the position's ledger.
     */
    OPENING_BALANCE(+1, 0, 0, 0);

    private final int onHandSign;
    private final int quarantineSign;
    private final int inboundSign;
    private final int returnsSign;

    MovementReason(int onHandSign, int quarantineSign, int inboundSign, int returnsSign) {
        this.onHandSign = onHandSign;
        this.quarantineSign = quarantineSign;
        this.inboundSign = inboundSign;
        this.returnsSign = returnsSign;
    }

    /** Change of on hand per unit moved: -1, 0 or +1. */
    public int onHandSign() { return onHandSign; }
    /** Change of quarantine per unit moved. */
    public int quarantineSign() { return quarantineSign; }
    /** Change of inbound per unit moved. */
    public int inboundSign() { return inboundSign; }
    /** Change of returns in transit per unit moved. */
    public int returnsSign() { return returnsSign; }
}

package io.omskit.core.fulfilment;

/** Where a fulfilment's booking with a carrier stands. */
public enum BookingState {
    /** Recorded under its key before the carrier was asked; its outcome is not known yet (asked again with the key). */
    REQUESTED,
    /** The carrier issued the label. */
    BOOKED,
    /** The carrier refused it; a new booking may be asked for under a new key. */
    DECLINED,
    /**
     * Its cancellation was recorded before the carrier was asked; the label may still be valid until the carrier's answer
     * is known (asked again with the same key).
     */
    CANCEL_REQUESTED,
    /** The label was voided with the carrier. */
    CANCELLED;

    /** Whether the carrier may hold a label for it: requested (maybe booked), booked, or its cancellation not confirmed. */
    public boolean isLive() {
        return this == REQUESTED || this == BOOKED || this == CANCEL_REQUESTED;
    }
}

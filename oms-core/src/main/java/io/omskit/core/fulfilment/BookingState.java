package io.omskit.core.fulfilment;

/** Where a fulfilment's booking with a carrier stands. */
public enum BookingState {
    /** Recorded under its key before the carrier was asked; its outcome is not known yet (asked again with the key). */
    REQUESTED,
    /** The carrier issued the label. */
    BOOKED,
    /** The carrier refused it; a new booking may be asked for under a new key. */
    DECLINED,
    /** The label was voided with the carrier. */
    CANCELLED;

    /** Whether the carrier may hold a label for it: requested (maybe booked) or booked. */
    public boolean isLive() {
        return this == REQUESTED || this == BOOKED;
    }
}

package io.omskit.core.shipping;

/**
 * Where a parcel is, in one vocabulary for every carrier: the host maps its carrier's codes (EasyPost's statuses,
 * Shippo's status and substatus, ShipEngine's codes) onto these and keeps the carrier's wording in
 * {@link TrackingEvent#detail()}.
 */
public enum TrackingStatus {
    /** Label created, not yet handed to the carrier. */
    PRE_TRANSIT,
    /** In the carrier's network. */
    IN_TRANSIT,
    /** On the van for delivery today. */
    OUT_FOR_DELIVERY,
    /** Waiting for the customer at a pickup point or locker. */
    AVAILABLE_FOR_PICKUP,
    /** Handed to the customer. */
    DELIVERED,
    /** The carrier tried and could not deliver (nobody home, no access); it will try again or hold it. */
    FAILED_ATTEMPT,
    /** Something went wrong (damaged, lost, customs, address problem); people may have to act. */
    EXCEPTION,
    /** On its way back to, or back at, the sender. */
    RETURNED_TO_SENDER,
    /** The carrier cancelled the shipment. */
    CANCELLED,
    /** The carrier's status has no equivalent here; see the detail. */
    UNKNOWN;

    /** Whether the carrier has the parcel, or had it: a status only a parcel handed over reaches. */
    public boolean handedOver() {
        return this != PRE_TRANSIT && this != CANCELLED && this != UNKNOWN;
    }

    /** Whether customer service may have to act: a failed attempt, an exception or a return to the sender. */
    public boolean isTrouble() {
        return this == FAILED_ATTEMPT || this == EXCEPTION || this == RETURNED_TO_SENDER;
    }
}

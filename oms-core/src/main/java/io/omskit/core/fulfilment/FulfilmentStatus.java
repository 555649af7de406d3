package io.omskit.core.fulfilment;

/** Where a fulfilment is in its lifecycle; {@link FulfilmentTransitions} says which commands each accepts. */
public enum FulfilmentStatus {
    /** Offered to its location, which has not answered yet. */
    OFFERED,
    /** The location accepted it. */
    ACCEPTED,
    /** Being picked. */
    PICKING,
    /** Packed: waits for the carrier (to the customer, or a transfer to the pickup store). */
    READY_TO_SHIP,
    /** Packed at, or arrived at, the pickup store: waits for the customer and their pickup code. */
    READY_FOR_COLLECTION,
    /** Handed to the carrier: on its way to the customer, or to the pickup store. */
    SHIPPED,
    /** The customer received the parcel. Final. */
    DELIVERED,
    /** The customer collected it. Final. */
    COLLECTED,
    /** The location refused all of it. Final. */
    REJECTED,
    /** Cancelled before it left. Final. */
    CANCELLED,
    /** Not collected within the pickup period; its units went back to the store's stock. Final. */
    EXPIRED;

    /** Whether no command changes it any more. */
    public boolean isFinal() {
        return this == DELIVERED || this == COLLECTED || this == REJECTED || this == CANCELLED || this == EXPIRED;
    }

    /** Whether its goods have left its location (shipped, delivered or collected). */
    public boolean isHandedOver() {
        return this == SHIPPED || this == DELIVERED || this == COLLECTED;
    }
}

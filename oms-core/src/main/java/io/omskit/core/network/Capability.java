package io.omskit.core.network;

/** What a location can do for an order. */
public enum Capability {
    /** Ships parcels to customers' addresses. */
    SHIP,
    /** Hands orders to customers who collect them (click and collect). */
    PICKUP,
    /** Receives stock transferred from another location (ship-to-store). */
    RECEIVE_TRANSFER,
    /** Accepts returned items. */
    ACCEPT_RETURNS
}

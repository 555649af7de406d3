package io.omskit.atp;

/** Why a delivery method cannot be promised. */
public enum Unavailability {
    /** Home delivery needs a destination and none was given. */
    NO_DESTINATION,
    /** Click and collect needs a pickup store of the network that offers pickup, and none was given. */
    NO_PICKUP_STORE,
    /** No location holds enough stock for the channel, and no inbound supply covers it. */
    NO_STOCK,
    /** Stock exists, but the sourcing rules exclude the locations holding it (closed, past cut-off, too far...). */
    EXCLUDED_BY_RULES,
    /** Stock exists, but only in more parts than the sourcing rules allow (ship complete, shipment limit, bundles). */
    TOO_MANY_PARTS,
    /** A location can fulfil it, but the calendars or carriers give no window (no service, never open). */
    NO_SERVICE
}

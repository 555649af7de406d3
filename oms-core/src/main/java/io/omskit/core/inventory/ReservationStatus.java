package io.omskit.core.inventory;

/** Where a reservation stands. */
public enum ReservationStatus {
    /** Holding stock. */
    ACTIVE,
    /** Released explicitly; holds nothing. */
    RELEASED,
    /** Lapsed at its expiry; holds nothing. */
    EXPIRED,
    /** Fully turned into allocations; holds nothing. */
    CONSUMED
}

package io.omskit.reporting.measure;

import java.time.Duration;

/**
 * Backlog at an instant: fulfilments offered to a location and not yet shipped, ready for collection, refused,
 * cancelled or expired, with the age of their orders (from {@code OrderPlaced}, or from the offer when the order's
 * placement is unknown). Orders confirmed and waiting to be sourced (status confirmed or partially cancelled) are
 * listed under the location {@code "(not sourced)"}.
 *
 * @param location  the location
 * @param waiting   fulfilments (orders, for those not sourced) waiting
 * @param oldest    age of the oldest
 * @param median    median age (nearest rank)
 */
public record Backlog(String location, long waiting, Duration oldest, Duration median) {

    /** The location under which orders waiting to be sourced are listed. */
    public static final String NOT_SOURCED = "(not sourced)";
}

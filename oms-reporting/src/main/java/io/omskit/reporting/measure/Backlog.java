package io.omskit.reporting.measure;

import java.time.Duration;

/**
 * Backlog at an instant: what waits, per location and queue, with the age of the orders waiting (from
 * {@code OrderPlaced}, or from the offer or backorder when the order's placement is unknown).
 * <ul>
 * <li>{@link Queue#FULFILMENT}: fulfilments offered to the location and not yet shipped, ready for collection, refused,
 *     cancelled or expired.</li>
 * <li>{@link Queue#NOT_SOURCED}: orders confirmed and waiting to be sourced (status confirmed or partially cancelled),
 *     under the location {@code "(not sourced)"}.</li>
 * <li>{@link Queue#AWAITING_STOCK}: orders with units sold beyond stock ({@code OrderUnitsBackordered}) and not yet
 *     filled by a receipt ({@code OrderBackorderFilled}) nor cancelled, at the location the backorder's supply arrives
 *     at ({@code LineBackorder.location()}). They are a row of their own beside the location's fulfilments: the location
 *     cannot work on them until stock arrives. An order waiting for stock at two locations counts at each.</li>
 * </ul>
 *
 * @param location the location ({@link #NOT_SOURCED} for orders not sourced)
 * @param queue    what waits there
 * @param waiting  fulfilments waiting (for {@link Queue#FULFILMENT}), orders waiting (for the others)
 * @param units    their units: offered and not refused or cancelled, not yet offered to any location, or awaiting stock
 * @param oldest   age of the oldest
 * @param median   median age (nearest rank)
 */
public record Backlog(String location, Queue queue, long waiting, long units, Duration oldest, Duration median) {

    /** The location under which orders waiting to be sourced are listed. */
    public static final String NOT_SOURCED = "(not sourced)";

    /** What waits. */
    public enum Queue {
        /** Fulfilments offered to the location, not yet handed on. */
        FULFILMENT,
        /** Orders confirmed and not yet (fully) offered to a location. */
        NOT_SOURCED,
        /** Orders whose units wait for inbound stock at the location. */
        AWAITING_STOCK
    }
}

package io.omskit.core.order;

import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import java.time.Instant;

/**
 * The units of an order line sold beyond stock at placement: how many, how many of them arrived so far, where they
 * arrive and what the customer was promised for those still waiting. The units still waiting are the line's
 * {@link UnitCounts#awaitingStock()}; those cancelled while waiting are {@code quantity - filled - awaitingStock}.
 *
 * @param quantity   units sold beyond stock, at least 1
 * @param filled     units filled from receipts so far (they are reserved units of the line now), 0 to {@code quantity}
 * @param location   where the inbound supply arrives and the filled units are held
 * @param preorder   true when the waiting units are sold against announced inbound supply (a pre-order, dated);
 *                   false for a backorder without announced supply yet
 * @param expectedAt when the inbound supply covering the waiting units is expected; null when none is announced
 * @param promisedBy when the customer can expect the waiting units: {@code expectedAt} plus the delivery leg from
 *                   {@code location}; null when {@code expectedAt} is
 */
public record LineBackorder(int quantity, int filled, LocationId location, boolean preorder, Instant expectedAt,
                            Instant promisedBy) {

    public LineBackorder {
        Checks.positive(quantity, "quantity");
        if (filled < 0 || filled > quantity) {
            throw new IllegalArgumentException("filled must be from 0 to quantity " + quantity + ", was " + filled);
        }
        Checks.notNull(location, "location");
        if (expectedAt == null && promisedBy != null) {
            throw new IllegalArgumentException("promisedBy must be null without expectedAt, was " + promisedBy);
        }
    }

    /** The same with {@code more} units filled. */
    public LineBackorder filledMore(int more) {
        return new LineBackorder(quantity, filled + more, location, preorder, expectedAt, promisedBy);
    }

    /** The same with the waiting units now sold against {@code nowPreorder} and expected at {@code at}. */
    public LineBackorder expected(boolean nowPreorder, Instant at, Instant promised) {
        return new LineBackorder(quantity, filled, location, nowPreorder, at, at == null ? null : promised);
    }
}

package io.omskit.core.backorder;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.LineId;
import io.omskit.core.order.OrderId;
import java.time.Instant;
import java.util.Comparator;

/**
 * Units of an order line sold beyond stock: how many, how many of them were filled from receipts (and are now held by
 * ordinary reservations under {@link io.omskit.core.Backorders#reservationKey}), and when the rest is expected.
 *
 * @param id         its id
 * @param order      the order
 * @param line       the order line
 * @param sku        the SKU
 * @param location   where the units arrive
 * @param quantity   units sold beyond stock, at least 1
 * @param filled     units filled so far, from 0 to {@code quantity}
 * @param cancelled  units cancelled while waiting (their order line was cancelled), from 0 to
 *                   {@code quantity - filled}; they left the queue and are never filled
 * @param priority   fill order: higher first
 * @param placedAt   when it was placed; older is filled first among equal priorities
 * @param sequence   order of placing within the book, breaking ties of {@code placedAt}
 * @param kind       what the waiting units are sold against now
 * @param expectedAt when the inbound supply covering the last waiting unit is expected; null for a backorder
 *                   without announced supply, and once every unit is filled
 */
public record Backorder(BackorderId id, OrderId order, LineId line, Sku sku, LocationId location, int quantity,
                        int filled, int cancelled, int priority, Instant placedAt, long sequence, SupplyKind kind,
                        Instant expectedAt) {

    /** The order in which waiting units are filled: higher priority first, then placed earlier, then placed first. */
    public static final Comparator<Backorder> FILL_ORDER = Comparator.comparingInt(Backorder::priority).reversed()
            .thenComparing(Backorder::placedAt).thenComparingLong(Backorder::sequence);

    public Backorder {
        Checks.notNull(id, "id");
        Checks.notNull(order, "order");
        Checks.notNull(line, "line");
        Checks.notNull(sku, "sku");
        Checks.notNull(location, "location");
        Checks.positive(quantity, "quantity");
        if (filled < 0 || filled > quantity) {
            throw new IllegalArgumentException("filled must be from 0 to quantity " + quantity + ", was " + filled);
        }
        if (cancelled < 0 || cancelled > quantity - filled) {
            throw new IllegalArgumentException("cancelled must be from 0 to " + (quantity - filled) + " (quantity - filled), was "
                    + cancelled);
        }
        Checks.notNull(placedAt, "placedAt");
        Checks.notNull(kind, "kind");
    }

    /** A backorder none of whose units was cancelled. */
    public Backorder(BackorderId id, OrderId order, LineId line, Sku sku, LocationId location, int quantity, int filled,
                     int priority, Instant placedAt, long sequence, SupplyKind kind, Instant expectedAt) {
        this(id, order, line, sku, location, quantity, filled, 0, priority, placedAt, sequence, kind, expectedAt);
    }

    /** Units still waiting for supply: neither filled nor cancelled. */
    public int waiting() {
        return quantity - filled - cancelled;
    }

    /** True when no unit waits any more (each was filled or cancelled). */
    public boolean isFilled() {
        return waiting() == 0;
    }

    /**
     * The same with {@code total} units cancelled in all (never fewer than now, never more than wait): cancelling is
     * stated as the line's total, so that saying it again changes nothing.
     */
    public Backorder cancelTo(int total) {
        int next = Math.max(cancelled, Math.min(total, quantity - filled));
        return new Backorder(id, order, line, sku, location, quantity, filled, next, priority, placedAt, sequence, kind,
                filled + next == quantity ? null : expectedAt);
    }

    /** The same with {@code more} units filled. */
    public Backorder fill(int more) {
        return new Backorder(id, order, line, sku, location, quantity, filled + more, cancelled, priority, placedAt, sequence,
                kind, filled + more + cancelled == quantity ? null : expectedAt);
    }

    /** The same with units waiting again (a fill whose reservation was refused). */
    public Backorder unfill(int units) {
        return new Backorder(id, order, line, sku, location, quantity, filled - units, cancelled, priority, placedAt,
                sequence, kind, expectedAt);
    }

    /** The same, now sold against {@code kind} and expected at {@code expectedAt}. */
    public Backorder expect(SupplyKind kind, Instant expectedAt) {
        return new Backorder(id, order, line, sku, location, quantity, filled, cancelled, priority, placedAt, sequence, kind,
                expectedAt);
    }
}

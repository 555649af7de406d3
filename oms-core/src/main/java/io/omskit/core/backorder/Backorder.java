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
 * @param priority   fill order: higher first
 * @param placedAt   when it was placed; older is filled first among equal priorities
 * @param sequence   order of placing within the book, breaking ties of {@code placedAt}
 * @param kind       what the waiting units are sold against now
 * @param expectedAt when the inbound supply covering the last waiting unit is expected; null for a backorder
 *                   without announced supply, and once every unit is filled
 */
public record Backorder(BackorderId id, OrderId order, LineId line, Sku sku, LocationId location, int quantity,
                        int filled, int priority, Instant placedAt, long sequence, SupplyKind kind, Instant expectedAt) {

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
        Checks.notNull(placedAt, "placedAt");
        Checks.notNull(kind, "kind");
    }

    /** Units still waiting for supply. */
    public int waiting() {
        return quantity - filled;
    }

    /** True when every unit was filled. */
    public boolean isFilled() {
        return filled == quantity;
    }

    /** The same with {@code more} units filled. */
    public Backorder fill(int more) {
        return new Backorder(id, order, line, sku, location, quantity, filled + more, priority, placedAt, sequence, kind,
                filled + more == quantity ? null : expectedAt);
    }

    /** The same with units waiting again (a fill whose reservation was refused). */
    public Backorder unfill(int units) {
        return new Backorder(id, order, line, sku, location, quantity, filled - units, priority, placedAt, sequence, kind,
                expectedAt);
    }

    /** The same, now sold against {@code kind} and expected at {@code expectedAt}. */
    public Backorder expect(SupplyKind kind, Instant expectedAt) {
        return new Backorder(id, order, line, sku, location, quantity, filled, priority, placedAt, sequence, kind,
                expectedAt);
    }
}

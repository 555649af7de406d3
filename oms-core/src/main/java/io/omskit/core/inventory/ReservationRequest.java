package io.omskit.core.inventory;

import io.omskit.core.common.Checks;
import java.time.Instant;
import java.util.List;

/**
 * Hold stock for a cart or an order: all lines or none.
 *
 * @param key       idempotency key; a second request with the same key returns the first reservation
 * @param reference what the stock is held for (order id, cart id), for people reading the ledger; null means empty;
 *                  a single line of at most {@value StockAdjustment#MAX_REFERENCE_LENGTH} characters
 * @param lines     at least one line; lines may repeat a SKU (two cart lines drawing on one item), asking for at most
 *                  {@value #MAX_UNITS_PER_SKU} units of one SKU in all
 * @param expiresAt when the hold lapses (cart holds), from {@link Checks#EARLIEST_MOMENT} to
 *                  {@link Checks#LATEST_MOMENT}; null for no expiry
 * @param drawsOn   another reservation whose units of the requested SKUs this one takes over (an order placed for a
 *                  held cart): they count as available to this request and leave that reservation when it succeeds,
 *                  which becomes {@link ReservationStatus#CONSUMED} once it holds nothing; null for none. A reservation
 *                  that is unknown or no longer active contributes nothing
 */
public record ReservationRequest(ReservationKey key, String reference, List<ReservationLine> lines, Instant expiresAt,
                                 ReservationKey drawsOn) {

    /**
     * The most units of one SKU a reservation or an allocation request may ask for over all its lines: 100,000,000. More
     * is a mistake, and sums of it would leave the int range stores count in.
     */
    public static final int MAX_UNITS_PER_SKU = 100_000_000;

    public ReservationRequest {
        Checks.notNull(key, "key");
        Checks.moment(expiresAt, "expiresAt");
        reference = reference == null ? "" : Checks.text(reference, "reference", StockAdjustment.MAX_REFERENCE_LENGTH);
        lines = Checks.list(lines, "lines");
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("lines must not be empty for reservation " + key);
        }
        UnitsPerSku.atMost(lines, ReservationLine::sku, ReservationLine::quantity, MAX_UNITS_PER_SKU);
        if (key.equals(drawsOn)) {
            throw new IllegalArgumentException("drawsOn must name another reservation than " + key);
        }
    }

    /** A request that draws on no other reservation. */
    public ReservationRequest(ReservationKey key, String reference, List<ReservationLine> lines, Instant expiresAt) {
        this(key, reference, lines, expiresAt, null);
    }
}

package io.omskit.core.inventory;

import io.omskit.core.common.Checks;
import java.time.Instant;
import java.util.List;

/**
 * Sets what a reservation holds, in place and all-or-nothing: a cart hold grown, shrunk, replaced or given a later
 * expiry under the same key. The lines say what it must hold afterwards (everything, not a difference); the units it
 * holds already count as its own, so shrinking never fails and growing needs only the extra units.
 *
 * @param key       the reservation to change; when it holds nothing (never used, released, expired, consumed) it
 *                  holds the lines anew under the same key
 * @param changeKey the idempotency key of this change: a change whose key the reservation was already changed with
 *                  (among at least its last {@value #REMEMBERED_CHANGES} changes) changes nothing and answers with the
 *                  reservation as it is; 1 to 100 characters, not blank, no control characters
 * @param reference what the stock is held for (a cart), as in {@link ReservationRequest#reference()}; null means empty
 * @param lines     at least one line, lines may repeat a SKU, at most {@value ReservationRequest#MAX_UNITS_PER_SKU}
 *                  units of one SKU in all
 * @param expiresAt when the hold lapses afterwards, from {@link Checks#EARLIEST_MOMENT} to
 *                  {@link Checks#LATEST_MOMENT}; null for no expiry
 */
public record ReservationChange(ReservationKey key, String changeKey, String reference, List<ReservationLine> lines,
                                Instant expiresAt) {

    /** How many of a reservation's latest change keys a store remembers at least, to replay a retried change. */
    public static final int REMEMBERED_CHANGES = 16;

    public ReservationChange {
        Checks.notNull(key, "key");
        Checks.identifier(changeKey, "changeKey");
        Checks.moment(expiresAt, "expiresAt");
        reference = reference == null ? "" : Checks.text(reference, "reference", StockAdjustment.MAX_REFERENCE_LENGTH);
        lines = Checks.list(lines, "lines");
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("lines must not be empty for the change " + changeKey + " of reservation "
                    + key + "; release it instead");
        }
        UnitsPerSku.atMost(lines, ReservationLine::sku, ReservationLine::quantity, ReservationRequest.MAX_UNITS_PER_SKU);
    }
}

package io.omskit.returns.rma;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.order.LineId;
import java.time.Instant;
import java.util.List;

/**
 * One arrival of goods at the destination, as matched against the return.
 *
 * @param number     1 for the first receipt of the return, then 2, ...
 * @param key        the caller's key of the receipt; a second receipt with the same key changes nothing
 * @param matched    units counted against the return's lines
 * @param unexpected units the return did not announce (more than authorised, or a wrong item): quarantined for people
 *                   to deal with, never refunded
 * @param at         when they were received
 */
public record Receipt(int number, String key, List<Matched> matched, List<Unexpected> unexpected, Instant at) {

    /** Units received against a return line. */
    public record Matched(LineId line, int quantity) {
        public Matched {
            Checks.notNull(line, "line");
            Checks.positive(quantity, "quantity");
        }
    }

    /** Units received that the return did not announce. */
    public record Unexpected(Sku sku, int quantity) {
        public Unexpected {
            Checks.notNull(sku, "sku");
            Checks.positive(quantity, "quantity");
        }
    }

    public Receipt {
        Checks.positive(number, "number");
        Checks.notBlank(key, "key");
        matched = Checks.list(matched, "matched");
        unexpected = Checks.list(unexpected, "unexpected");
        Checks.notNull(at, "at");
    }
}

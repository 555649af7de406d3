package io.omskit.core.transfer;

import io.omskit.core.common.Checks;
import java.time.Instant;
import java.util.List;

/**
 * Units of a transfer counted in at its destination, under the receiving location's key of the count (a delivery
 * note, a scan session): receiving again under the same key is the same receipt.
 *
 * @param key   the receipt's key, 1 to 100 characters
 * @param lines the units counted in per SKU, each SKU once
 * @param at    when they were received
 */
public record TransferReceipt(String key, List<TransferLine> lines, Instant at) {

    /** The longest receipt key. */
    public static final int MAX_KEY_LENGTH = 100;

    public TransferReceipt {
        Checks.text(Checks.notBlank(key, "receiptKey"), "receiptKey", MAX_KEY_LENGTH);
        lines = Checks.list(lines, "lines");
        Checks.notNull(at, "at");
    }

    /** Units of {@code sku} this receipt counted in; 0 when none. */
    public int quantity(io.omskit.core.catalog.Sku sku) {
        for (TransferLine l : lines) {
            if (l.sku().equals(sku)) {
                return l.quantity();
            }
        }
        return 0;
    }
}

package io.omskit.returns.rma;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.order.LineId;

/**
 * One order line's units in a return.
 *
 * @param line     the order line
 * @param sku      its SKU
 * @param quantity units authorised to come back, at least 1
 * @param reason   why the customer sends them
 * @param received units of it that arrived, from 0 to {@code quantity} (more arriving are recorded as unexpected)
 */
public record ReturnLine(LineId line, Sku sku, int quantity, ReturnReason reason, int received) {

    public ReturnLine {
        Checks.notNull(line, "line");
        Checks.notNull(sku, "sku");
        Checks.positive(quantity, "quantity");
        Checks.notNull(reason, "reason");
        Checks.notNegative(received, "received");
        if (received > quantity) {
            throw new IllegalArgumentException("received of line " + line + " must be <= quantity " + quantity + ", was " + received);
        }
    }

    /** {@code quantity} units of {@code line}, none arrived yet. */
    public static ReturnLine of(LineId line, Sku sku, int quantity, ReturnReason reason) {
        return new ReturnLine(line, sku, quantity, reason, 0);
    }

    /** Units authorised that have not arrived. */
    public int outstanding() {
        return quantity - received;
    }

    ReturnLine withReceived(int newReceived) {
        return new ReturnLine(line, sku, quantity, reason, newReceived);
    }
}

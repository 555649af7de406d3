package io.omskit.reporting.funds.settlement;

import io.omskit.core.common.Checks;
import io.omskit.reporting.funds.ProviderMovement;
import io.omskit.reporting.funds.spi.SettlementLine;
import org.joda.money.Money;

/**
 * What reconciliation made of one settlement line, one movement an order expected, or both: the three ways of a
 * match are the order's movement, the provider's line and the line's payout batch.
 *
 * @param classification matched, or the reason it is not
 * @param line           the settlement line; null for a movement missing from the settlement
 * @param expected       the order's capture or refund; null for a line nobody expected, a fee, a chargeback or a
 *                       payout
 * @param difference     the line's amount less the expected amount for a mismatch; null otherwise
 * @param reason         the finding in words, naming the order, the line and the amounts
 */
public record Finding(Classification classification, SettlementLine line, ProviderMovement expected, Money difference,
                      String reason) {

    public Finding {
        Checks.notNull(classification, "classification");
        if (line == null && expected == null) {
            throw new IllegalArgumentException("a finding must be about a line, an expected movement or both");
        }
        reason = reason == null ? "" : reason;
    }

    /** The payout batch of the line; empty for a movement missing from the settlement. */
    public String batch() {
        return line == null ? "" : line.batch();
    }

    /** The order the finding is about: the expected movement's, else the line's merchant reference. */
    public String orderReference() {
        return expected != null ? expected.order().value() : line.merchantReference();
    }

    @Override
    public String toString() {
        return classification + ": " + reason;
    }
}

package io.omskit.reporting.funds.settlement;

import io.omskit.core.common.Checks;
import io.omskit.reporting.funds.ProviderMovement;
import io.omskit.reporting.funds.spi.SettlementLine;
import io.omskit.reporting.funds.spi.SettlementLineType;
import java.util.Locale;
import org.joda.money.Money;

/**
 * What reconciliation made of one settlement line, one movement an order expected, or both: the three ways of a
 * match are the order's movement, the provider's line and the line's payout batch.
 *
 * @param classification matched, or the reason it is not
 * @param line           the settlement line; null for a movement missing from the settlement
 * @param expected       the order's capture or refund; null for a line nobody expected, a fee, a chargeback or a
 *                       payout
 * @param difference     the line's amount less the expected amount for an amount mismatch, the payout less its lines
 *                       for a payout; null otherwise
 * @param payout         the batch a payout line closes; null for every other line
 */
public record Finding(Classification classification, SettlementLine line, ProviderMovement expected, Money difference,
                      PayoutBatch payout) {

    public Finding {
        Checks.notNull(classification, "classification");
        if (line == null && expected == null) {
            throw new IllegalArgumentException("a finding must be about a line, an expected movement or both");
        }
    }

    /** The payout batch of the line; empty for a movement missing from the settlement. */
    public String batch() {
        return line == null ? "" : line.batch();
    }

    /** The order the finding is about: the expected movement's, else the line's merchant reference. */
    public String orderReference() {
        return expected != null ? expected.order().value() : line.merchantReference();
    }

    /** The finding in words, naming the order, the line and the amounts. */
    public String reason() {
        String where = line == null ? "" : " (line " + line.lineNumber() + ")";
        switch (classification) {
            case MISSING_FROM_SETTLEMENT:
                return kind(expected) + " of " + expected.amount() + " of order " + expected.order() + " is missing from the settlement";
            case AMOUNT_MISMATCH:
                return kind(expected) + " of order " + expected.order() + " was " + expected.amount() + ", line " + line.lineNumber()
                        + " settled " + line.gross().abs() + (difference == null ? "" : " (" + difference + ")");
            case CHARGEBACK:
                return (line.type() == SettlementLineType.CHARGEBACK_REVERSAL ? "chargeback reversed for " : "chargeback of ")
                        + line.gross().abs() + " on order " + line.merchantReference() + where;
            case DUPLICATE_CREDIT_NOTE:
                return "refund of " + line.gross().abs() + " of order " + line.merchantReference() + " settled again" + where;
            case PAYOUT_MISMATCH:
                return "payout of " + payout.paidOut() + " for batch " + payout.batch() + " differs from its lines' net "
                        + payout.linesNet() + " by " + payout.difference();
            case UNEXPECTED:
                if (line.type() != SettlementLineType.PAYMENT && line.type() != SettlementLineType.REFUND) {
                    return "a " + line.providerType() + " line of " + line.gross() + " nobody expected" + where;
                }
                return (line.gross().isPositive() ? "payment" : "refund") + " of " + line.gross().abs() + " for "
                        + (line.merchantReference().isEmpty() ? "no order" : "order " + line.merchantReference())
                        + " that no order recorded" + where;
            default:
                if (expected != null) {
                    return kind(expected) + " of " + expected.amount() + " of order " + expected.order() + " settled in batch "
                            + line.batch();
                }
                if (payout != null) {
                    return "payout of " + payout.paidOut() + " for batch " + payout.batch() + " agrees with its lines";
                }
                return "provider fee of " + line.net().negated() + " (" + line.providerType() + ")" + where;
        }
    }

    private static String kind(ProviderMovement m) {
        return m.kind().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return classification + ": " + reason();
    }
}

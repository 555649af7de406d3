package io.omskit.reporting.funds.settlement;

/** What reconciliation made of a settlement line or of a movement an order expected. */
public enum Classification {
    /** The line is what an order recorded (or a fee, or a payout that agrees with its batch). */
    MATCHED,
    /** An order recorded a capture or refund that no line of the settlement shows. */
    MISSING_FROM_SETTLEMENT,
    /** A line no order recorded: an unknown order, a second settlement of one capture, or a line of an unknown type. */
    UNEXPECTED,
    /** A line of a capture or refund an order recorded, for another amount. */
    AMOUNT_MISMATCH,
    /** The cardholder's bank took a payment back (or gave it back, a reversal). */
    CHARGEBACK,
    /** A refund settled twice: a second credit note for a refund the order recorded once. */
    DUPLICATE_CREDIT_NOTE,
    /** A payout that differs from what its batch's lines add up to. */
    PAYOUT_MISMATCH;

    /** Whether people need to look at it. */
    public boolean isDifference() {
        return this != MATCHED;
    }
}

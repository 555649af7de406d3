package io.omskit.reporting.funds.spi;

/** What a line of a payment provider's settlement report is, in the provider's terms mapped to one vocabulary. */
public enum SettlementLineType {
    /** A captured payment was settled to the merchant (Adyen {@code Settled}, Stripe {@code charge}). */
    PAYMENT,
    /** A refund was taken from the merchant's balance (Adyen {@code Refunded}, Stripe {@code refund}). */
    REFUND,
    /** The cardholder's bank took a payment back (Adyen {@code Chargeback}, Stripe {@code dispute}). */
    CHARGEBACK,
    /** A chargeback was won and the money came back. */
    CHARGEBACK_REVERSAL,
    /** A fee the provider charged on its own line (Adyen {@code Fee}, {@code InvoiceDeduction}; Stripe {@code fee}). */
    FEE,
    /** The balance of a batch paid out to the merchant's bank (Adyen {@code MerchantPayout}, Stripe {@code payout}). */
    PAYOUT,
    /** Anything else (corrections, adjustments, balance transfers): left for people to explain. */
    OTHER
}

package io.omskit.reporting.funds.ledger;

/** What an account holds. */
public enum AccountKind {
    /**
     * Order money owed to the party: credited when the customer pays for what the party sold or handed over, debited when
     * it is refunded. The retailer's holds the rest of every capture and refund.
     */
    DUE,
    /** Captured money the payment provider owes the retailer and has not settled yet (debit-normal). */
    PROVIDER_RECEIVABLE,
    /** The retailer's balance at the payment provider: settled and not yet paid out (debit-normal). */
    PROVIDER_BALANCE,
    /** What the payment provider charged: commission, markup, scheme fees, interchange (debit-normal). */
    PROVIDER_FEES,
    /** Money paid out to the retailer's bank account (debit-normal). */
    BANK,
    /** Payments the cardholders' banks took back (debit-normal). */
    CHARGEBACKS,
    /** Settlement lines nobody expected, kept apart until people explain them. */
    SUSPENSE,
    /** The two sides of a currency conversion by the provider, one balance per currency. */
    CURRENCY_EXCHANGE,
    /**
     * Store credit the retailer issued to customers instead of refunding them: what it owes them in goods
     * (credit-normal).
     */
    STORE_CREDIT,
    /**
     * What an outside marketplace that collected the customer's payment holds for the retailer: what it collected less
     * what it refunded (debit-normal). Less the marketplace's own {@link #DUE} (its commission), it is what the
     * marketplace pays the retailer.
     */
    MARKETPLACE_RECEIVABLE
}

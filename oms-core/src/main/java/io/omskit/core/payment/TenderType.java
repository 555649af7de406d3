package io.omskit.core.payment;

/**
 * The kind of a tender, which decides where it stands in the order tenders are charged and refunded in (see
 * {@link TenderOrder}).
 */
public enum TenderType {
    /** A payment card (credit or debit), authorised and captured through the provider. */
    CARD,
    /** A gift card: a fixed balance, usually spent first and refunded last. */
    GIFT_CARD,
    /** The retailer's store credit: like a gift card, usually spent first and refunded last. */
    STORE_CREDIT,
    /** Any other method the provider handles (wallet, bank transfer, buy now pay later, ...). */
    OTHER
}

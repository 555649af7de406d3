package io.omskit.core.payment;

import org.joda.money.Money;

/**
 * One tender a customer pays an order with, as the channel asks for it. Lenient: nothing is checked here, so that the
 * order validator reports every problem of a request at once (id 1 to {@value Tender#MAX_ID_LENGTH} characters and unique in the order, a type,
 * a payment ref, an amount that is positive and in the order's currency or null for "the rest").
 *
 * @param id         the tender's name within the order, chosen by the channel (such as {@code "gift-1"}); it appears
 *                   in the idempotency keys of the tender's payment calls
 * @param type       what kind of tender it is; decides when it is charged and refunded ({@link TenderOrder})
 * @param paymentRef the tokenised payment method (card token, gift card token) the gateway authorises
 * @param amount     how much of the order total it pays; null when it pays whatever the other tenders leave (at most one
 *                   tender of an order may)
 */
public record TenderRequest(String id, TenderType type, String paymentRef, Money amount) {

    /** A tender of a fixed {@code amount}. */
    public static TenderRequest of(String id, TenderType type, String paymentRef, Money amount) {
        return new TenderRequest(id, type, paymentRef, amount);
    }

    /** A tender that pays what the fixed tenders of the order leave (with any authorisation tolerance on top). */
    public static TenderRequest rest(String id, TenderType type, String paymentRef) {
        return new TenderRequest(id, type, paymentRef, null);
    }

    /** Whether it pays the rest of the order total. */
    public boolean isRest() {
        return amount == null;
    }
}

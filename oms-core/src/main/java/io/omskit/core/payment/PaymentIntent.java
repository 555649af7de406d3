package io.omskit.core.payment;

import io.omskit.core.common.Checks;
import org.joda.money.Money;

/**
 * A capture, void or refund the order decided on and recorded before asking the provider, so that whoever finishes it (the
 * call itself, its retry, another node) asks with the same idempotency key and amount, and money never moves twice.
 *
 * @param kind            a capture or a void
 * @param key             the idempotency key sent to the provider
 * @param amount          the amount, positive
 * @param declinedBecause the provider's reason when it declined; null while the intent is open. A declined intent
 *                        stays on the payment for people to resolve and stops further captures
 * @param tender          the id of the tender it moves money of, on an order paid with several tenders; null when the
 *                        order has one payment
 */
public record PaymentIntent(Kind kind, String key, Money amount, String declinedBecause, String tender) {

    /** What the intent asks of the provider. */
    public enum Kind {
        /** Take authorised money. */
        CAPTURE,
        /** Release authorised money. */
        VOID,
        /**
         * Give captured money back (a goodwill refund): recorded before the provider is asked, so that what it promises
         * is not refunded again by another refund while the provider's answer is unknown.
         */
        REFUND
    }

    public PaymentIntent {
        Checks.notNull(kind, "kind");
        Checks.notBlank(key, "key");
        Checks.notNull(amount, "amount");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("amount must be positive, was " + amount);
        }
    }

    /** An intent of an order with one payment. */
    public PaymentIntent(Kind kind, String key, Money amount, String declinedBecause) {
        this(kind, key, amount, declinedBecause, null);
    }

    /** An open intent. */
    public static PaymentIntent of(Kind kind, String key, Money amount) {
        return new PaymentIntent(kind, key, amount, null, null);
    }

    /** An open intent on the tender {@code tender}. */
    public static PaymentIntent onTender(Kind kind, String key, Money amount, String tender) {
        return new PaymentIntent(kind, key, amount, null, Checks.identifier(tender, "tender"));
    }

    /** This intent marked declined with {@code reason}. */
    public PaymentIntent declined(String reason) {
        return new PaymentIntent(kind, key, amount, reason, tender);
    }

    /** Whether the provider declined it. */
    public boolean isDeclined() {
        return declinedBecause != null;
    }
}

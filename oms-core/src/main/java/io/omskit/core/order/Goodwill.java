package io.omskit.core.order;

import io.omskit.core.common.Checks;
import org.joda.money.Money;

/**
 * Making good to a customer when something went wrong, with no goods coming back: money refunded to what they paid
 * with, or store credit for the host to issue.
 *
 * @param form   a refund or store credit
 * @param amount positive, in the order's currency
 * @param reason why, for the order's story: 1 to {@value #MAX_REASON} characters, no control characters (it is shown
 *               to agents; write no personal data in it)
 */
public record Goodwill(Form form, Money amount, String reason) {

    /** The longest reason accepted. */
    public static final int MAX_REASON = 500;

    /** How the customer is made good. */
    public enum Form {
        /** Money back to the tenders the order was paid with, through the payment provider. */
        REFUND,
        /** Store credit the host issues on the event {@link OrderEvent.OrderGoodwillGranted}; no money moves here. */
        STORE_CREDIT
    }

    public Goodwill {
        Checks.notNull(form, "goodwill.form");
        Checks.notNull(amount, "goodwill.amount");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("goodwill.amount must be positive, was " + amount);
        }
        Checks.notBlank(reason, "goodwill.reason");
        Checks.text(reason, "goodwill.reason", MAX_REASON);
    }

    /** A goodwill refund of {@code amount} to the order's tenders. */
    public static Goodwill refund(Money amount, String reason) {
        return new Goodwill(Form.REFUND, amount, reason);
    }

    /** Store credit of {@code amount}. */
    public static Goodwill storeCredit(Money amount, String reason) {
        return new Goodwill(Form.STORE_CREDIT, amount, reason);
    }
}

package io.omskit.reporting.funds;

import io.omskit.core.common.Checks;
import io.omskit.core.order.OrderId;
import java.time.Instant;
import org.joda.money.Money;

/**
 * Money the payment provider moved for an order, as the order recorded it: what its settlement report should show.
 *
 * @param order  the order
 * @param kind   a capture or a refund
 * @param amount how much, positive, in the order's currency
 * @param at     when the order recorded it
 * @param key    the idempotency key it was asked with, when the events tell it; may be empty
 */
public record ProviderMovement(OrderId order, Kind kind, Money amount, Instant at, String key) {

    /** Which way the money went. */
    public enum Kind {
        /** Taken from the customer. */
        CAPTURE,
        /** Given back to the customer. */
        REFUND
    }

    public ProviderMovement {
        Checks.notNull(order, "order");
        Checks.notNull(kind, "kind");
        Checks.notNull(amount, "amount");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("amount of a " + kind + " of order " + order + " must be positive, was " + amount);
        }
        Checks.notNull(at, "at");
        key = key == null ? "" : key;
    }

    /** The amount from the merchant's side: positive for a capture, negative for a refund. */
    public Money signedAmount() {
        return kind == Kind.CAPTURE ? amount : amount.negated();
    }
}

package io.omskit.core.spi;

import io.omskit.core.common.Checks;
import io.omskit.core.order.OrderId;
import org.joda.money.Money;

/**
 * A request to the payment provider. The idempotency key makes a retry of the same request safe:
 * the provider answers it with the first call's result instead of moving money twice.
 *
 * @param kind           authorise, capture, void or refund
 * @param idempotencyKey unique per intended money movement
 * @param orderId        the order paid for
 * @param amount         how much; zero for a void of the whole authorisation
 * @param paymentRef     for authorise: the tokenised payment method; otherwise the authorisation reference
 */
public record PaymentRequest(Kind kind, String idempotencyKey, OrderId orderId, Money amount, String paymentRef) {

    /** The operation asked for. */
    public enum Kind { AUTHORISE, CAPTURE, VOID, REFUND }

    public PaymentRequest {
        Checks.notNull(kind, "kind");
        Checks.identifier(idempotencyKey, "idempotencyKey");
        Checks.notNull(orderId, "orderId");
        Checks.notNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must be >= 0, was " + amount);
        }
        paymentRef = paymentRef == null ? "" : paymentRef;
    }
}

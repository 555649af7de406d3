package io.omskit.core.payment;

import io.omskit.core.common.Checks;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The payment state of an order.
 *
 * @param status           where it stands
 * @param attempt          the authorisation attempt, from 1; a new attempt (new idempotency key) follows a decline
 * @param authorisationRef the provider's reference of the authorisation; null before one succeeded
 * @param authorised       amount authorised and not voided
 * @param captured         amount captured
 * @param refunded         amount refunded
 * @param message          the provider's last message (decline reason and the like); empty when none
 */
public record PaymentSummary(PaymentStatus status, int attempt, String authorisationRef, Money authorised, Money captured,
                             Money refunded, String message) {

    public PaymentSummary {
        Checks.notNull(status, "status");
        Checks.positive(attempt, "attempt");
        Checks.notNull(authorised, "authorised");
        Checks.notNull(captured, "captured");
        Checks.notNull(refunded, "refunded");
        message = message == null ? "" : message;
        if (refunded.isGreaterThan(captured)) {
            throw new IllegalArgumentException("refunded must be <= captured " + captured + ", was " + refunded);
        }
    }

    /** No payment requested yet, in {@code currency}. */
    public static PaymentSummary none(CurrencyUnit currency) {
        Money zero = Money.zero(currency);
        return new PaymentSummary(PaymentStatus.NOT_REQUESTED, 1, null, zero, zero, zero, "");
    }

    /** This summary with a new status and message. */
    public PaymentSummary with(PaymentStatus newStatus, String newMessage) {
        return new PaymentSummary(newStatus, attempt, authorisationRef, authorised, captured, refunded, newMessage);
    }

    /** This summary after a successful authorisation. */
    public PaymentSummary authorisedFor(Money amount, String reference) {
        return new PaymentSummary(PaymentStatus.AUTHORISED, attempt, reference, amount, captured, refunded, "");
    }

    /** This summary moved on to the next authorisation attempt, after a decline. */
    public PaymentSummary nextAttempt() {
        return new PaymentSummary(PaymentStatus.NOT_REQUESTED, attempt + 1, authorisationRef, authorised, captured, refunded, message);
    }

    /** This summary after funds were captured. */
    public PaymentSummary capturedAmount(Money amount) {
        return new PaymentSummary(PaymentStatus.CAPTURED, attempt, authorisationRef, authorised.minus(amount), captured.plus(amount),
                refunded, "");
    }

    /** This summary after the open authorisation was voided. */
    public PaymentSummary voided() {
        return new PaymentSummary(captured.isZero() ? PaymentStatus.VOIDED : status, attempt, authorisationRef,
                authorised.minus(authorised), captured, refunded, "");
    }
}

package io.omskit.core.payment;

import io.omskit.core.common.Checks;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The payment state of an order.
 *
 * @param status           where it stands
 * @param authorisationRef the provider's reference of the authorisation; null before one succeeded
 * @param authorised       amount authorised and not voided
 * @param captured         amount captured
 * @param refunded         amount refunded
 * @param message          the provider's last message (decline reason and the like); empty when none
 */
public record PaymentSummary(PaymentStatus status, String authorisationRef, Money authorised, Money captured,
                             Money refunded, String message) {

    public PaymentSummary {
        Checks.notNull(status, "status");
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
        return new PaymentSummary(PaymentStatus.NOT_REQUESTED, null, zero, zero, zero, "");
    }

    /** This summary with a new status and message. */
    public PaymentSummary with(PaymentStatus newStatus, String newMessage) {
        return new PaymentSummary(newStatus, authorisationRef, authorised, captured, refunded, newMessage);
    }

    /** This summary after a successful authorisation. */
    public PaymentSummary authorisedFor(Money amount, String reference) {
        return new PaymentSummary(PaymentStatus.AUTHORISED, reference, amount, captured, refunded, "");
    }
}

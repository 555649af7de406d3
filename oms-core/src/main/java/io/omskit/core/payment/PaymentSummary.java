package io.omskit.core.payment;

import io.omskit.core.common.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * @param intents          captures and voids decided on and not yet answered by the provider, or declined by it; null
 *                         reads as none (documents written before intents existed)
 */
public record PaymentSummary(PaymentStatus status, int attempt, String authorisationRef, Money authorised, Money captured,
                             Money refunded, String message, List<PaymentIntent> intents) {

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
        intents = intents == null ? List.of() : List.copyOf(intents);
    }

    /** A payment state without intents. */
    public PaymentSummary(PaymentStatus status, int attempt, String authorisationRef, Money authorised, Money captured,
                          Money refunded, String message) {
        this(status, attempt, authorisationRef, authorised, captured, refunded, message, List.of());
    }

    /** The first intent still waiting for the provider's answer; empty when none. */
    public Optional<PaymentIntent> openIntent() {
        for (PaymentIntent i : intents) {
            if (!i.isDeclined()) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Whether the provider declined an intent (captures stop until people resolve it). */
    public boolean hasDeclinedIntent() {
        for (PaymentIntent i : intents) {
            if (i.isDeclined()) {
                return true;
            }
        }
        return false;
    }

    /** This summary with {@code intent} added. */
    public PaymentSummary withIntent(PaymentIntent intent) {
        List<PaymentIntent> more = new ArrayList<>(intents);
        more.add(Checks.notNull(intent, "intent"));
        return new PaymentSummary(status, attempt, authorisationRef, authorised, captured, refunded, message, more);
    }

    /**
     * This summary after the provider answered {@code intent}: succeeded, the money moved (a capture moves authorised
     * to captured, a void releases authorised) and the intent is gone; declined, the intent stays, marked with the reason.
     */
    public PaymentSummary answered(PaymentIntent intent, PaymentResult result) {
        List<PaymentIntent> rest = new ArrayList<>(intents);
        int at = rest.indexOf(intent);
        if (at < 0) {
            throw new IllegalArgumentException("intent " + intent.key() + " is not open on this payment");
        }
        if (!result.succeeded()) {
            rest.set(at, new PaymentIntent(intent.kind(), intent.key(), intent.amount(),
                    result.message().isEmpty() ? result.outcome().name() : result.message()));
            return new PaymentSummary(status, attempt, authorisationRef, authorised, captured, refunded, result.message(), rest);
        }
        rest.remove(at);
        Money amount = intent.amount().isGreaterThan(authorised) ? authorised : intent.amount();
        if (intent.kind() == PaymentIntent.Kind.CAPTURE) {
            return new PaymentSummary(PaymentStatus.CAPTURED, attempt, authorisationRef, authorised.minus(amount),
                    captured.plus(amount), refunded, "", rest);
        }
        Money left = authorised.minus(amount);
        PaymentStatus after = left.isZero() && captured.isZero() ? PaymentStatus.VOIDED : status;
        return new PaymentSummary(after, attempt, authorisationRef, left, captured, refunded, "", rest);
    }

    /** No payment requested yet, in {@code currency}. */
    public static PaymentSummary none(CurrencyUnit currency) {
        Money zero = Money.zero(currency);
        return new PaymentSummary(PaymentStatus.NOT_REQUESTED, 1, null, zero, zero, zero, "");
    }

    /** This summary with a new status and message. */
    public PaymentSummary with(PaymentStatus newStatus, String newMessage) {
        return new PaymentSummary(newStatus, attempt, authorisationRef, authorised, captured, refunded, newMessage, intents);
    }

    /** This summary after a successful authorisation. */
    public PaymentSummary authorisedFor(Money amount, String reference) {
        return new PaymentSummary(PaymentStatus.AUTHORISED, attempt, reference, amount, captured, refunded, "", intents);
    }

    /** This summary moved on to the next authorisation attempt, after a decline. */
    public PaymentSummary nextAttempt() {
        return new PaymentSummary(PaymentStatus.NOT_REQUESTED, attempt + 1, authorisationRef, authorised, captured, refunded, message,
                intents);
    }

    /** This summary after funds were captured. */
    public PaymentSummary capturedAmount(Money amount) {
        return new PaymentSummary(PaymentStatus.CAPTURED, attempt, authorisationRef, authorised.minus(amount), captured.plus(amount),
                refunded, "", intents);
    }

    /**
     * This summary after {@code amount} of the captured funds was refunded.
     *
     * @throws IllegalArgumentException when {@code amount} is not positive, or more than captured and not yet refunded
     */
    public PaymentSummary refundedAmount(Money amount) {
        Checks.notNull(amount, "amount");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("refund amount must be positive, was " + amount);
        }
        return new PaymentSummary(PaymentStatus.REFUNDED, attempt, authorisationRef, authorised, captured, refunded.plus(amount),
                "", intents);
    }

    /** Captured and not yet refunded. */
    public Money refundable() {
        return captured.minus(refunded);
    }

        /** This summary after the open authorisation was voided. */
    public PaymentSummary voided() {
        return new PaymentSummary(captured.isZero() ? PaymentStatus.VOIDED : status, attempt, authorisationRef,
                authorised.minus(authorised), captured, refunded, "", intents);
    }
}

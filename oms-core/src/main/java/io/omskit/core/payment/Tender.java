package io.omskit.core.payment;

import io.omskit.core.common.Checks;
import org.joda.money.Money;

/**
 * One tender of an order paid with several, and where its money stands. An order's tenders are kept in the order
 * they are charged (see {@link TenderOrder}); {@link #refundRank} says where each stands in the refund order.
 *
 * @param id               the tender's name within the order, 1 to {@value #MAX_ID_LENGTH} characters
 * @param type             what kind of tender it is
 * @param paymentRef       the tokenised payment method the gateway authorises
 * @param amount           its share of the order total
 * @param tolerance        how much it may authorise above {@code amount} (goods priced by weight, tips); zero for none
 * @param refundRank       its place in the refund order, from 0 (refunded first)
 * @param status           where its payment stands
 * @param authorisationRef the provider's reference of its authorisation, used for its captures, voids and refunds;
 *                         null before one succeeded
 * @param authorised       authorised and neither captured nor voided
 * @param captured         captured
 * @param refunded         refunded, at most {@code captured}
 * @param message          the provider's last message for it (a decline reason); empty when none
 */
public record Tender(String id, TenderType type, String paymentRef, Money amount, Money tolerance, int refundRank,
                     PaymentStatus status, String authorisationRef, Money authorised, Money captured, Money refunded,
                     String message) {

    /**
     * @throws IllegalArgumentException when a value is missing, an amount negative or in another currency than
     *                                  {@code amount}, or more is refunded than captured
     */
    /** The longest tender id: 30 characters, so that the idempotency keys made of it stay short. */
    public static final int MAX_ID_LENGTH = 30;

    public Tender {
        Checks.maxLength(Checks.identifier(id, "id"), MAX_ID_LENGTH, "id");
        Checks.notNull(type, "type");
        Checks.notBlank(paymentRef, "paymentRef");
        Checks.notNull(amount, "amount");
        Checks.notNull(tolerance, "tolerance");
        Checks.notNegative(refundRank, "refundRank");
        Checks.notNull(status, "status");
        Checks.notNull(authorised, "authorised");
        Checks.notNull(captured, "captured");
        Checks.notNull(refunded, "refunded");
        for (Money m : new Money[] {amount, tolerance, authorised, captured, refunded}) {
            if (m.isNegative() || !m.getCurrencyUnit().equals(amount.getCurrencyUnit())) {
                throw new IllegalArgumentException("amounts of tender " + id + " must be >= 0 in " + amount.getCurrencyUnit()
                        + ", was " + m);
            }
        }
        if (refunded.isGreaterThan(captured)) {
            throw new IllegalArgumentException("tender " + id + " must not refund more than it captured " + captured + ", was " + refunded);
        }
        message = message == null ? "" : message;
    }

    /** A tender nothing was asked of yet. */
    public static Tender planned(String id, TenderType type, String paymentRef, Money amount, Money tolerance, int refundRank) {
        Money zero = Money.zero(amount.getCurrencyUnit());
        return new Tender(id, type, paymentRef, amount, tolerance, refundRank, PaymentStatus.NOT_REQUESTED, null, zero, zero, zero, "");
    }

    /** What its authorisation asks for: its amount and its tolerance. */
    public Money toAuthorise() {
        return amount.plus(tolerance);
    }

    /** Captured and not yet refunded. */
    public Money refundable() {
        return captured.minus(refunded);
    }

    /** Whether its authorisation succeeded and was not released since. */
    public boolean holdsAuthorisation() {
        return status == PaymentStatus.AUTHORISED || status == PaymentStatus.CAPTURED || status == PaymentStatus.REFUNDED;
    }

    /** This tender after its authorisation of {@link #toAuthorise()} succeeded under {@code reference}. */
    public Tender authorisedAs(String reference) {
        return new Tender(id, type, paymentRef, amount, tolerance, refundRank, PaymentStatus.AUTHORISED, reference,
                authorised.plus(toAuthorise()), captured, refunded, "");
    }

    /** This tender with a new status and message, its money as it was. */
    public Tender with(PaymentStatus newStatus, String newMessage) {
        return new Tender(id, type, paymentRef, amount, tolerance, refundRank, newStatus, authorisationRef, authorised, captured,
                refunded, newMessage);
    }

    /** This tender after {@code value} of its authorisation was captured (at most what is authorised). */
    public Tender capturedAmount(Money value) {
        Money a = value.isGreaterThan(authorised) ? authorised : value;
        return new Tender(id, type, paymentRef, amount, tolerance, refundRank, PaymentStatus.CAPTURED, authorisationRef,
                authorised.minus(a), captured.plus(a), refunded, "");
    }

    /** This tender after {@code value} of its authorisation was released (at most what is authorised). */
    public Tender voidedAmount(Money value) {
        Money a = value.isGreaterThan(authorised) ? authorised : value;
        Money left = authorised.minus(a);
        PaymentStatus after = left.isZero() && captured.isZero() ? PaymentStatus.VOIDED : status;
        return new Tender(id, type, paymentRef, amount, tolerance, refundRank, after, authorisationRef, left, captured, refunded, "");
    }

    /**
     * This tender after {@code value} of what it captured was refunded.
     *
     * @throws IllegalArgumentException when {@code value} is not positive or more than {@link #refundable()}
     */
    public Tender refundedAmount(Money value) {
        Checks.notNull(value, "value");
        if (!value.isPositive() || value.isGreaterThan(refundable())) {
            throw new IllegalArgumentException("refund of tender " + id + " must be positive and at most " + refundable()
                    + ", was " + value);
        }
        return new Tender(id, type, paymentRef, amount, tolerance, refundRank, PaymentStatus.REFUNDED, authorisationRef, authorised,
                captured, refunded.plus(value), "");
    }
}

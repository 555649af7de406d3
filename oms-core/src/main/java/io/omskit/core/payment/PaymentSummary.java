package io.omskit.core.payment;

import io.omskit.core.common.Checks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The payment state of an order. An order pays with one payment (its {@code paymentRef}) or with several
 * {@linkplain #tenders() tenders}; with tenders, the amounts here are their sums, so what the order authorised,
 * captured and refunded is always what its tenders did.
 *
 * @param status           where it stands
 * @param attempt          the authorisation attempt, from 1; a new attempt (new idempotency key) follows a decline
 * @param authorisationRef the provider's reference of the authorisation; null before one succeeded, and null on an
 *                         order with tenders (each has its own)
 * @param authorised       amount authorised and not voided
 * @param captured         amount captured
 * @param refunded         amount refunded
 * @param message          the provider's last message (decline reason and the like); empty when none
 * @param intents          captures, voids and refunds decided on and not yet answered by the provider, or declined by it; null
 *                         reads as none (documents written before intents existed)
 * @param tenders          the tenders of an order paid with several, in the order they are charged; empty (or null, as
 *                         in documents written before tenders existed) for an order with one payment
 */
public record PaymentSummary(PaymentStatus status, int attempt, String authorisationRef, Money authorised, Money captured,
                             Money refunded, String message, List<PaymentIntent> intents, List<Tender> tenders) {

    /**
     * @throws IllegalArgumentException when more is refunded than captured, tender ids repeat, or the amounts are not
     *                                  the sums of the tenders'
     */
    public PaymentSummary {
        Checks.notNull(status, "status");
        Checks.positive(attempt, "attempt");
        Checks.notNull(authorised, "authorised");
        Checks.notNull(captured, "captured");
        Checks.notNull(refunded, "refunded");
        // an order keeps a summary per version and per payment event, most amounts zero: those share one zero
        authorised = sharedZero(authorised);
        captured = sharedZero(captured);
        refunded = sharedZero(refunded);
        message = message == null ? "" : message;
        if (refunded.isGreaterThan(captured)) {
            throw new IllegalArgumentException("refunded must be <= captured " + captured + ", was " + refunded);
        }
        intents = intents == null ? List.of() : List.copyOf(intents);
        tenders = tenders == null ? List.of() : Checks.list(tenders, "tenders");
        if (!tenders.isEmpty()) {
            Set<String> ids = new HashSet<>();
            Money a = Money.zero(authorised.getCurrencyUnit());
            Money c = a;
            Money r = a;
            for (Tender t : tenders) {
                if (!ids.add(t.id())) {
                    throw new IllegalArgumentException("tenders must have unique ids, " + t.id() + " appears twice");
                }
                a = a.plus(t.authorised());
                c = c.plus(t.captured());
                r = r.plus(t.refunded());
            }
            if (!a.equals(authorised) || !c.equals(captured) || !r.equals(refunded)) {
                throw new IllegalArgumentException("authorised, captured and refunded must be the sums over the tenders "
                        + a + ", " + c + ", " + r + "; were " + authorised + ", " + captured + ", " + refunded);
            }
        }
    }

    /** A payment state of an order with one payment. */
    public PaymentSummary(PaymentStatus status, int attempt, String authorisationRef, Money authorised, Money captured,
                          Money refunded, String message, List<PaymentIntent> intents) {
        this(status, attempt, authorisationRef, authorised, captured, refunded, message, intents, List.of());
    }

    /** A payment state of an order with one payment, without intents. */
    public PaymentSummary(PaymentStatus status, int attempt, String authorisationRef, Money authorised, Money captured,
                          Money refunded, String message) {
        this(status, attempt, authorisationRef, authorised, captured, refunded, message, List.of(), List.of());
    }

    /** No payment requested yet, in {@code currency}. */
    public static PaymentSummary none(CurrencyUnit currency) {
        Money zero = Money.zero(currency);
        return new PaymentSummary(PaymentStatus.NOT_REQUESTED, 1, null, zero, zero, zero, "");
    }

    /**
     * A payment of {@code tenders} (in charge order), in {@code currency}, before any payment call: its amounts the
     * sums of the tenders' (zero for tenders just planned); no tenders means one payment.
     */
    public static PaymentSummary none(CurrencyUnit currency, List<Tender> tenders) {
        Money zero = Money.zero(currency);
        return new PaymentSummary(PaymentStatus.NOT_REQUESTED, 1, null, zero, zero, zero, "", List.of(), List.of())
                .withTenders(Checks.list(tenders, "tenders"), PaymentStatus.NOT_REQUESTED, "");
    }

    /** Whether the order pays with several tenders (else with one payment). */
    public boolean hasTenders() {
        return !tenders.isEmpty();
    }

    /** The tender with {@code id}; empty when the order has none of that id. */
    public Optional<Tender> tender(String id) {
        for (Tender t : tenders) {
            if (t.id().equals(id)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The tenders in the order refunds go to them: by refund rank, then charge order. */
    public List<Tender> inRefundOrder() {
        List<Tender> sorted = new ArrayList<>(tenders);
        sorted.sort(Comparator.comparingInt(Tender::refundRank));
        return sorted;
    }

    /** The first capture or void still waiting for the provider's answer; empty when none. */
    public Optional<PaymentIntent> openIntent() {
        for (PaymentIntent i : intents) {
            if (!i.isDeclined() && i.kind() != PaymentIntent.Kind.REFUND) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /**
     * What refunds recorded and not yet answered by the provider promise to give back from {@code tender} (null: from
     * an order paid with one payment); zero when none.
     */
    public Money pendingRefunds(String tender) {
        Money sum = Money.zero(authorised.getCurrencyUnit());
        for (PaymentIntent i : intents) {
            if (i.kind() == PaymentIntent.Kind.REFUND && java.util.Objects.equals(i.tender(), tender)) {
                sum = sum.plus(i.amount());
            }
        }
        return sum;
    }

    /** This summary without {@code intent} (a refund the provider declined before any money moved). */
    public PaymentSummary withoutIntent(PaymentIntent intent) {
        List<PaymentIntent> rest = new ArrayList<>(intents);
        if (!rest.remove(Checks.notNull(intent, "intent"))) {
            throw new IllegalArgumentException("intent " + intent.key() + " is not open on this payment");
        }
        return new PaymentSummary(status, attempt, authorisationRef, authorised, captured, refunded, message, rest, tenders);
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
        return new PaymentSummary(status, attempt, authorisationRef, authorised, captured, refunded, message, more, tenders);
    }

    /**
     * This summary after the provider answered {@code intent}: succeeded, the money moved (a capture moves authorised
     * to captured, a void releases authorised, a refund gives captured money back; on the intent's tender when it names
     * one) and the intent is gone;
     * declined, the intent stays, marked with the reason.
     */
    public PaymentSummary answered(PaymentIntent intent, PaymentResult result) {
        List<PaymentIntent> rest = new ArrayList<>(intents);
        int at = rest.indexOf(intent);
        if (at < 0) {
            throw new IllegalArgumentException("intent " + intent.key() + " is not open on this payment");
        }
        if (!result.succeeded()) {
            rest.set(at, intent.declined(result.message().isEmpty() ? result.outcome().name() : result.message()));
            return new PaymentSummary(status, attempt, authorisationRef, authorised, captured, refunded, result.message(), rest, tenders);
        }
        rest.remove(at);
        if (intent.kind() == PaymentIntent.Kind.REFUND) {
            PaymentSummary without = new PaymentSummary(status, attempt, authorisationRef, authorised, captured, refunded, message,
                    rest, tenders);
            return intent.tender() == null ? without.refundedAmount(intent.amount())
                    : without.refundedAmount(intent.tender(), intent.amount());
        }
        if (intent.tender() != null) {
            Tender t = tender(intent.tender()).orElseThrow(() ->
                    new IllegalArgumentException("intent " + intent.key() + " names tender " + intent.tender() + ", not a tender of this payment"));
            boolean capture = intent.kind() == PaymentIntent.Kind.CAPTURE;
            PaymentSummary next = withTender(capture ? t.capturedAmount(intent.amount()) : t.voidedAmount(intent.amount()));
            PaymentStatus after = capture ? PaymentStatus.CAPTURED
                    : next.authorised.isZero() && next.captured.isZero() ? PaymentStatus.VOIDED : status;
            return new PaymentSummary(after, attempt, authorisationRef, next.authorised, next.captured, next.refunded, "", rest,
                    next.tenders);
        }
        Money amount = intent.amount().isGreaterThan(authorised) ? authorised : intent.amount();
        if (intent.kind() == PaymentIntent.Kind.CAPTURE) {
            return new PaymentSummary(PaymentStatus.CAPTURED, attempt, authorisationRef, authorised.minus(amount),
                    captured.plus(amount), refunded, "", rest, tenders);
        }
        Money left = authorised.minus(amount);
        PaymentStatus after = left.isZero() && captured.isZero() ? PaymentStatus.VOIDED : status;
        return new PaymentSummary(after, attempt, authorisationRef, left, captured, refunded, "", rest, tenders);
    }

    /** This summary with {@code tender} in place of the tender of the same id, the sums following. */
    public PaymentSummary withTender(Tender tender) {
        Checks.notNull(tender, "tender");
        List<Tender> next = new ArrayList<>(tenders);
        int at = -1;
        for (int i = 0; i < next.size(); i++) {
            if (next.get(i).id().equals(tender.id())) {
                at = i;
            }
        }
        if (at < 0) {
            throw new IllegalArgumentException("tender " + tender.id() + " is not a tender of this payment");
        }
        next.set(at, tender);
        return withTenders(next, status, message);
    }

    private PaymentSummary withTenders(List<Tender> next, PaymentStatus newStatus, String newMessage) {
        Money a = Money.zero(authorised.getCurrencyUnit());
        Money c = a;
        Money r = a;
        for (Tender t : next) {
            a = a.plus(t.authorised());
            c = c.plus(t.captured());
            r = r.plus(t.refunded());
        }
        return new PaymentSummary(newStatus, attempt, authorisationRef, a, c, r, newMessage, intents, next);
    }

    /** This summary with a new status and message. */
    public PaymentSummary with(PaymentStatus newStatus, String newMessage) {
        return new PaymentSummary(newStatus, attempt, authorisationRef, authorised, captured, refunded, newMessage, intents, tenders);
    }

    /** This summary after a successful authorisation of an order with one payment. */
    public PaymentSummary authorisedFor(Money amount, String reference) {
        return new PaymentSummary(PaymentStatus.AUTHORISED, attempt, reference, amount, captured, refunded, "", intents, tenders);
    }

    /** This summary moved on to the next authorisation attempt, after a decline. */
    public PaymentSummary nextAttempt() {
        return new PaymentSummary(PaymentStatus.NOT_REQUESTED, attempt + 1, authorisationRef, authorised, captured, refunded, message,
                intents, tenders);
    }

    /** This summary after funds were captured; with tenders, from them in charge order. */
    public PaymentSummary capturedAmount(Money amount) {
        if (hasTenders()) {
            Money left = amount;
            PaymentSummary next = this;
            for (Tender t : tenders) {
                Money take = left.isGreaterThan(t.authorised()) ? t.authorised() : left;
                if (take.isPositive()) {
                    next = next.withTender(t.capturedAmount(take));
                    left = left.minus(take);
                }
            }
            return next.with(PaymentStatus.CAPTURED, "");
        }
        return new PaymentSummary(PaymentStatus.CAPTURED, attempt, authorisationRef, authorised.minus(amount), captured.plus(amount),
                refunded, "", intents, tenders);
    }

    /**
     * How a refund of {@code amount} is split over the tenders: in refund order, each taking at most what it captured
     * and has not refunded. Empty for an order with one payment.
     *
     * @throws IllegalArgumentException when {@code amount} is not positive or more than the tenders have to refund
     */
    public List<TenderAmount> refundSplit(Money amount) {
        Checks.notNull(amount, "amount");
        if (!amount.isPositive() || amount.isGreaterThan(refundable())) {
            throw new IllegalArgumentException("refund amount must be positive and at most " + refundable() + ", was " + amount);
        }
        List<TenderAmount> parts = new ArrayList<>();
        Money left = amount;
        for (Tender t : inRefundOrder()) {
            Money room = t.refundable().minus(pendingRefunds(t.id()));
            Money take = left.isGreaterThan(room) ? room : left;
            if (take.isPositive()) {
                parts.add(new TenderAmount(t.id(), take));
                left = left.minus(take);
            }
        }
        return parts;
    }

    /**
     * This summary after {@code amount} of the captured funds was refunded; with tenders, split as
     * {@link #refundSplit} says.
     *
     * @throws IllegalArgumentException when {@code amount} is not positive, or more than captured and not yet refunded
     */
    public PaymentSummary refundedAmount(Money amount) {
        Checks.notNull(amount, "amount");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("refund amount must be positive, was " + amount);
        }
        if (hasTenders()) {
            PaymentSummary next = this;
            for (TenderAmount part : refundSplit(amount)) {
                next = next.refundedAmount(part.tender(), part.amount());
            }
            return next;
        }
        return new PaymentSummary(PaymentStatus.REFUNDED, attempt, authorisationRef, authorised, captured, refunded.plus(amount),
                "", intents, tenders);
    }

    /**
     * This summary after {@code amount} of what the tender {@code tenderId} captured was refunded.
     *
     * @throws IllegalArgumentException when there is no such tender, or the amount is not positive or more than the
     *                                  tender captured and has not refunded
     */
    public PaymentSummary refundedAmount(String tenderId, Money amount) {
        Tender t = tender(tenderId).orElseThrow(() -> new IllegalArgumentException("tender " + tenderId + " is not a tender of this payment"));
        PaymentSummary next = withTender(t.refundedAmount(amount));
        return next.with(PaymentStatus.REFUNDED, "");
    }

    /** Captured, not yet refunded and not promised to a refund waiting for the provider's answer. */
    public Money refundable() {
        Money pending = Money.zero(captured.getCurrencyUnit());
        for (PaymentIntent i : intents) {
            if (i.kind() == PaymentIntent.Kind.REFUND) {
                pending = pending.plus(i.amount());
            }
        }
        return captured.minus(refunded).minus(pending);
    }

    /** This summary after the open authorisation was voided (of every tender). */
    public PaymentSummary voided() {
        PaymentStatus after = captured.isZero() ? PaymentStatus.VOIDED : status;
        if (hasTenders()) {
            List<Tender> next = new ArrayList<>();
            for (Tender t : tenders) {
                next.add(t.voidedAmount(t.authorised()));
            }
            return withTenders(next, after, "");
        }
        return new PaymentSummary(after, attempt, authorisationRef, authorised.minus(authorised), captured, refunded, "", intents, tenders);
    }

    private static final java.util.concurrent.ConcurrentHashMap<org.joda.money.CurrencyUnit, Money> ZEROS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** {@code amount}, or when it is zero the one zero of its currency kept for all summaries. */
    private static Money sharedZero(Money amount) {
        if (!amount.isZero()) {
            return amount;
        }
        Money zero = ZEROS.computeIfAbsent(amount.getCurrencyUnit(), Money::zero);
        return zero.equals(amount) ? zero : amount;
    }
}

package io.omskit.core.inmemory;

import io.omskit.core.order.OrderId;
import io.omskit.core.payment.PaymentOutcome;
import io.omskit.core.spi.PaymentRequest;
import io.omskit.core.payment.PaymentResult;
import io.omskit.core.spi.PaymentGateway;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.joda.money.Money;

/**
 * A thread-safe in-memory payment provider for tests and demos. It honours idempotency keys like a real
 * provider, keeps the money it moved per order, and can be told to misbehave on the next calls:
 * {@link #declineNext(String)}, {@link #timeOutNext(boolean)} (outcome unknown, the money may or may not
 * have moved) and {@link #unreachableNext()} (not attempted). Payment refs listed with
 * {@link #alwaysDecline(String)} are always declined.
 */
public final class FakePaymentGateway implements PaymentGateway {

    private enum Fault { NONE, DECLINE, TIMEOUT_SUCCEEDED, TIMEOUT_FAILED, UNREACHABLE }

    private record Scripted(Fault fault, String message) {
    }

    private final Deque<Scripted> script = new ArrayDeque<>();
    /** By idempotency key: the request last settled with it, and the answer a retry gets (null: settle it again). */
    private final Map<String, Keyed> byKey = new HashMap<>();
    private final Map<OrderId, OrderMoney> byOrder = new HashMap<>();
    private final List<PaymentRequest> calls = new ArrayList<>();
    private final List<String> declinedRefs = new ArrayList<>();
    private final AtomicLong references = new AtomicLong();
    private final Map<String, Authorisation> byReference = new HashMap<>();

    private static final class Keyed {
        PaymentRequest request;
        PaymentResult result;

        Keyed(PaymentRequest request) {
            this.request = request;
        }
    }

    /** The money moved for one order, each null until something of that kind was. */
    private static final class OrderMoney {
        Money authorised;
        Money authorisedInTotal;
        Money captured;
        Money refunded;
        Money voided;
    }

    /** The money of one authorisation, by its reference: what a tender of an order did. */
    private static final class Authorisation {
        final String paymentRef;
        final Money total;
        Money open;
        Money captured;
        Money refunded;
        Money voided;

        Authorisation(String paymentRef, Money total) {
            this.paymentRef = paymentRef;
            this.total = total;
            this.open = total;
            Money zero = Money.zero(total.getCurrencyUnit());
            this.captured = zero;
            this.refunded = zero;
            this.voided = zero;
        }
    }

    /** The next call is declined with {@code reason}. */
    public synchronized FakePaymentGateway declineNext(String reason) {
        script.add(new Scripted(Fault.DECLINE, reason));
        return this;
    }

    /**
     * The next call times out: the caller gets {@link PaymentOutcome#UNKNOWN}. Whether the money really moved is
     * {@code actuallySucceeded}; a retry with the same idempotency key reveals it.
     */
    public synchronized FakePaymentGateway timeOutNext(boolean actuallySucceeded) {
        script.add(new Scripted(actuallySucceeded ? Fault.TIMEOUT_SUCCEEDED : Fault.TIMEOUT_FAILED, "read timed out"));
        return this;
    }

    /**
     * The next call is answered as it would be without any fault; for scripting a fault on a later call (the second
     * tender of an order: {@code answerNormallyNext().declineNext("no funds")}).
     */
    public synchronized FakePaymentGateway answerNormallyNext() {
        script.add(new Scripted(Fault.NONE, ""));
        return this;
    }

    /** The next call does not reach the provider: {@link PaymentOutcome#NOT_ATTEMPTED}. */
    public synchronized FakePaymentGateway unreachableNext() {
        script.add(new Scripted(Fault.UNREACHABLE, "connection refused"));
        return this;
    }

    /** Authorisations with this payment ref are always declined (a card that never works). */
    public synchronized FakePaymentGateway alwaysDecline(String paymentRef) {
        declinedRefs.add(paymentRef);
        return this;
    }

    @Override
    public synchronized PaymentResult execute(PaymentRequest request) {
        calls.add(request);
        Keyed keyed = byKey.get(request.idempotencyKey());
        PaymentRequest earlier = keyed == null ? null : keyed.request;
        if (earlier != null && (earlier.kind() != request.kind() || !earlier.amount().equals(request.amount()))) {
            throw new IllegalArgumentException("idempotencyKey " + request.idempotencyKey()
                    + " was used for " + earlier.kind() + " " + earlier.amount() + ", now " + request.kind() + " " + request.amount());
        }
        if (keyed != null && keyed.result != null) {
            return keyed.result;
        }
        Scripted next = script.poll();
        if (next != null && next.fault == Fault.UNREACHABLE) {
            return PaymentResult.notAttempted(next.message);
        }
        PaymentResult result;
        if (next != null && (next.fault == Fault.DECLINE || next.fault == Fault.TIMEOUT_FAILED)) {
            result = PaymentResult.declined(next.message);
        } else if (request.kind() == PaymentRequest.Kind.AUTHORISE && declinedRefs.contains(request.paymentRef())) {
            result = PaymentResult.declined("card declined");
        } else {
            result = apply(request);
        }
        if (keyed == null) {
            keyed = new Keyed(request);
            byKey.put(request.idempotencyKey(), keyed);
        } else {
            keyed.request = request;
        }
        if (next != null && (next.fault == Fault.TIMEOUT_SUCCEEDED || next.fault == Fault.TIMEOUT_FAILED)) {
            // The provider settled the call but the answer was lost; a retry with the same key tells the truth.
            if (result.succeeded() || next.fault == Fault.TIMEOUT_FAILED) {
                keyed.result = result;
            }
            return PaymentResult.unknown(next.message);
        }
        if (result.outcome() != PaymentOutcome.NOT_ATTEMPTED) {
            keyed.result = result;
        }
        return result;
    }

    private PaymentResult apply(PaymentRequest r) {
        Money zero = Money.zero(r.amount().getCurrencyUnit());
        OrderMoney known = byOrder.get(r.orderId());
        OrderMoney order = known != null ? known : new OrderMoney();
        String reference = r.kind().name().toLowerCase(java.util.Locale.ROOT) + "-" + references.incrementAndGet();
        // captures, voids and refunds name an authorisation this provider gave: its own money is checked too
        Authorisation auth = r.kind() == PaymentRequest.Kind.AUTHORISE ? null : byReference.get(r.paymentRef());
        switch (r.kind()) {
            case AUTHORISE -> {
                order.authorised = plus(order.authorised, r.amount());
                order.authorisedInTotal = plus(order.authorisedInTotal, r.amount());
                byReference.put(reference, new Authorisation(r.paymentRef(), r.amount()));
            }
            case CAPTURE -> {
                Money open = or(order.authorised, zero);
                if (r.amount().isGreaterThan(open) || (auth != null && r.amount().isGreaterThan(auth.open))) {
                    return PaymentResult.declined("capture " + r.amount() + " exceeds open authorisation "
                            + (auth != null ? auth.open : open));
                }
                order.authorised = open.minus(r.amount());
                order.captured = plus(order.captured, r.amount());
                if (auth != null) {
                    auth.open = auth.open.minus(r.amount());
                    auth.captured = auth.captured.plus(r.amount());
                }
            }
            case VOID -> {
                Money open = auth != null ? auth.open : or(order.authorised, zero);
                Money amount = r.amount().isZero() ? open : r.amount();
                if (amount.isGreaterThan(open) || amount.isGreaterThan(or(order.authorised, zero))) {
                    return PaymentResult.declined("void " + amount + " exceeds open authorisation " + open);
                }
                order.authorised = or(order.authorised, zero).minus(amount);
                order.voided = plus(order.voided, amount);
                if (auth != null) {
                    auth.open = auth.open.minus(amount);
                    auth.voided = auth.voided.plus(amount);
                }
            }
            case REFUND -> {
                Money net = or(order.captured, zero).minus(or(order.refunded, zero));
                if (r.amount().isGreaterThan(net) || (auth != null && r.amount().isGreaterThan(auth.captured.minus(auth.refunded)))) {
                    return PaymentResult.declined("refund " + r.amount() + " exceeds captured " + net);
                }
                order.refunded = plus(order.refunded, r.amount());
                if (auth != null) {
                    auth.refunded = auth.refunded.plus(r.amount());
                }
            }
        }
        if (known == null) {
            byOrder.put(r.orderId(), order);
        }
        return PaymentResult.succeeded(reference);
    }

    private static Money plus(Money sum, Money amount) {
        return sum == null ? amount : sum.plus(amount);
    }

    private static Money or(Money amount, Money none) {
        return amount == null ? none : amount;
    }

    /** Captured on the authorisation {@code authorisationRef} (a tender's); null when this provider never gave it. */
    public synchronized Money capturedOn(String authorisationRef) {
        Authorisation a = byReference.get(authorisationRef);
        return a == null ? null : a.captured;
    }

    /** Refunded of what was captured on {@code authorisationRef}; null when this provider never gave it. */
    public synchronized Money refundedOn(String authorisationRef) {
        Authorisation a = byReference.get(authorisationRef);
        return a == null ? null : a.refunded;
    }

    /** Voided of {@code authorisationRef}; null when this provider never gave it. */
    public synchronized Money voidedOn(String authorisationRef) {
        Authorisation a = byReference.get(authorisationRef);
        return a == null ? null : a.voided;
    }

    /** Still open (neither captured nor voided) on {@code authorisationRef}; null when this provider never gave it. */
    public synchronized Money openOn(String authorisationRef) {
        Authorisation a = byReference.get(authorisationRef);
        return a == null ? null : a.open;
    }

    /** What {@code authorisationRef} authorised in the first place; null when this provider never gave it. */
    public synchronized Money authorisedOn(String authorisationRef) {
        Authorisation a = byReference.get(authorisationRef);
        return a == null ? null : a.total;
    }

    /** The payment method (token) {@code authorisationRef} was authorised on; null when this provider never gave it. */
    public synchronized String paymentRefOf(String authorisationRef) {
        Authorisation a = byReference.get(authorisationRef);
        return a == null ? null : a.paymentRef;
    }

    /** Authorised and not yet captured or voided for {@code order}; null when never authorised. */
    public synchronized Money openAuthorisation(OrderId order) {
        OrderMoney m = byOrder.get(order);
        return m == null ? null : m.authorised;
    }

    /** Every amount ever authorised for {@code order}, whatever became of it; null when never authorised. */
    public synchronized Money authorisedInTotal(OrderId order) {
        OrderMoney m = byOrder.get(order);
        return m == null ? null : m.authorisedInTotal;
    }

    /** Voided for {@code order}; null when nothing was. */
    public synchronized Money voided(OrderId order) {
        OrderMoney m = byOrder.get(order);
        return m == null ? null : m.voided;
    }

    /** Captured for {@code order}; null when nothing was. */
    public synchronized Money captured(OrderId order) {
        OrderMoney m = byOrder.get(order);
        return m == null ? null : m.captured;
    }

    /** Refunded for {@code order}; null when nothing was. */
    public synchronized Money refunded(OrderId order) {
        OrderMoney m = byOrder.get(order);
        return m == null ? null : m.refunded;
    }

    /** Every call received, oldest first, replays included. */
    public synchronized List<PaymentRequest> calls() {
        return List.copyOf(calls);
    }
}

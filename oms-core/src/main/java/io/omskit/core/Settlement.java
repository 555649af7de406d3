package io.omskit.core;

import io.omskit.core.common.Change;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderLine;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.order.PaidPerUnit;
import io.omskit.core.order.UnitState;
import io.omskit.core.payment.PaymentIntent;
import io.omskit.core.payment.PaymentOutcome;
import io.omskit.core.spi.PaymentRequest;
import io.omskit.core.payment.PaymentResult;
import io.omskit.core.payment.PaymentStatus;
import io.omskit.core.payment.PaymentSummary;
import io.omskit.core.payment.Tender;
import io.omskit.core.spi.PaymentGateway;
import io.omskit.core.spi.SpiException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.joda.money.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The money of a placed order: what the units handed over (shipped, collected) capture, what units cancelled or
 * never collected void, the authorisation of a cancelled order whose outcome was in doubt, and the provider calls
 * that make it so. The one place the payment arithmetic lives; every workflow that hands units over or cancels them
 * calls {@link #settle(OrderId)} last. Units are priced by {@link PaidPerUnit}, as returns price their refunds, so that
 * what is cancelled, captured and refunded adds up to the order's total to the minor unit.
 */
final class Settlement {

    private static final Logger LOG = LoggerFactory.getLogger(Settlement.class);

    private final OrderBook book;
    private final PaymentGateway payments;
    private final Clock clock;

    Settlement(OrderBook book, PaymentGateway payments, Clock clock) {
        this.book = book;
        this.payments = payments;
        this.clock = clock;
    }

    /** The idempotency key of the order's authorisation in its current payment attempt. */
    static String authorisationKey(Order order) {
        return "auth-" + order.id() + "-" + order.payment().attempt();
    }

    /** The idempotency key of the authorisation of {@code tender} in the order's current payment attempt. */
    static String authorisationKey(Order order, Tender tender) {
        return "auth-" + order.id() + "-" + order.payment().attempt() + "-" + tender.id();
    }

    /**
     * Brings the money in line with the order: captures what the units handed over are worth (everything owed once no
     * unit waits), and voids what is authorised beyond what is still owed. Each capture or void is first recorded on
     * the order as a {@link PaymentIntent} under a key fixed by the order's version, then asked of the provider, then
     * recorded as done: whoever finishes an intent (this call, its retry, another node) repeats the same request, and
     * two nodes deciding at once conflict on the order's version, so money never moves twice.
     *
     * @throws SpiException when the provider could not be reached or its answer is unknown: calling again settles it
     */
    Order settle(OrderId id) {
        for (int round = 0; round < OrderBook.MAX_CONFLICT_RETRIES; round++) {
            Order order = book.current(id);
            if (authorisationInDoubt(order)) {
                resolveAuthorisation(order);
                continue;
            }
            Optional<PaymentIntent> open = order.payment().openIntent();
            if (open.isPresent()) {
                answer(order, open.get());
                continue;
            }
            PaymentIntent next = nextIntent(order);
            if (next == null) {
                return order;
            }
            Instant now = clock.instant();
            book.update(id, o -> {
                PaymentIntent again = o.payment().openIntent().isPresent() ? null : nextIntent(o);
                return again == null ? Change.unchanged(o) : o.recordPayment(intentName(again) + " requested", PaymentOutcome.NOT_ATTEMPTED,
                        o.payment().withIntent(again), now);
            });
        }
        throw new SpiException("the payment of order " + id + " kept changing concurrently; call again to settle it", null, true);
    }

    /**
     * Whether a cancelled order may hold an authorisation it does not know of: an earlier call under its authorisation
     * key ended unknown or did not get through, and the order's record of it may have been lost with a failed save.
     */
    private static boolean authorisationInDoubt(Order order) {
        if (order.payment().hasTenders()) {
            return order.status() == OrderStatus.CANCELLED && tenderInDoubt(order) != null;
        }
        PaymentStatus status = order.payment().status();
        return order.status() == OrderStatus.CANCELLED && !order.paymentRef().isEmpty() && order.total().isPositive()
                && (status == PaymentStatus.UNKNOWN || status == PaymentStatus.NOT_ATTEMPTED);
    }

    /**
     * Asks the provider again under the order's authorisation key, which answers with the first call's outcome (or
     * authorises now, when no call ever got through); what it authorised is then voided by {@link #settle(OrderId)}.
     */
    private void resolveAuthorisation(Order order) {
        if (order.payment().hasTenders()) {
            resolveTender(order, tenderInDoubt(order));
            return;
        }
        PaymentResult result = payments.execute(new PaymentRequest(PaymentRequest.Kind.AUTHORISE, authorisationKey(order),
                order.id(), order.total(), order.paymentRef()));
        if (result.outcome() == PaymentOutcome.UNKNOWN || result.outcome() == PaymentOutcome.NOT_ATTEMPTED) {
            throw new SpiException("the authorisation of cancelled order " + order.id() + " is still " + result.outcome()
                    + "; call again to release it", null, true);
        }
        Instant now = clock.instant();
        book.update(order.id(), o -> {
            if (!authorisationInDoubt(o)) {
                return Change.unchanged(o);
            }
            PaymentSummary resolved = result.succeeded() ? o.payment().authorisedFor(o.total(), result.reference())
                    : o.payment().with(PaymentStatus.DECLINED, result.message());
            return o.recordPayment("authorise", result.outcome(), resolved, now);
        });
    }

    /** The first tender of a cancelled order whose authorisation ended unknown or did not get through; null when none. */
    private static Tender tenderInDoubt(Order order) {
        for (Tender t : order.payment().tenders()) {
            if ((t.status() == PaymentStatus.UNKNOWN || t.status() == PaymentStatus.NOT_ATTEMPTED) && t.toAuthorise().isPositive()) {
                return t;
            }
        }
        return null;
    }

    /** {@link #resolveAuthorisation} for one tender, under its own key. */
    private void resolveTender(Order order, Tender tender) {
        PaymentResult result = payments.execute(new PaymentRequest(PaymentRequest.Kind.AUTHORISE, authorisationKey(order, tender),
                order.id(), tender.toAuthorise(), tender.paymentRef()));
        if (result.outcome() == PaymentOutcome.UNKNOWN || result.outcome() == PaymentOutcome.NOT_ATTEMPTED) {
            throw new SpiException("the authorisation of tender " + tender.id() + " of cancelled order " + order.id() + " is still "
                    + result.outcome() + "; call again to release it", null, true);
        }
        Instant now = clock.instant();
        book.update(order.id(), o -> {
            Tender t = o.payment().tender(tender.id()).orElseThrow();
            if (t.status() != PaymentStatus.UNKNOWN && t.status() != PaymentStatus.NOT_ATTEMPTED) {
                return Change.unchanged(o);
            }
            Tender resolved = result.succeeded() ? t.authorisedAs(result.reference()) : t.with(PaymentStatus.DECLINED, result.message());
            return o.recordPayment("authorise " + t.id(), result.outcome(), o.payment().withTender(resolved), now);
        });
    }

    private void answer(Order order, PaymentIntent intent) {
        PaymentRequest.Kind kind = intent.kind() == PaymentIntent.Kind.CAPTURE ? PaymentRequest.Kind.CAPTURE : PaymentRequest.Kind.VOID;
        String reference = intent.tender() == null ? order.payment().authorisationRef()
                : order.payment().tender(intent.tender()).map(Tender::authorisationRef).orElse(null);
        PaymentResult result = payments.execute(new PaymentRequest(kind, intent.key(), order.id(), intent.amount(), reference));
        if (result.outcome() == PaymentOutcome.UNKNOWN || result.outcome() == PaymentOutcome.NOT_ATTEMPTED) {
            throw new SpiException(intentName(intent) + " of " + intent.amount() + " for order " + order.id() + " ended "
                    + result.outcome() + "; call again to settle it", null, true);
        }
        if (result.outcome() == PaymentOutcome.DECLINED) {
            LOG.info("{} of {} for order {} declined: {}", intentName(intent), intent.amount(), order.id(), result.message());
        }
        Instant now = clock.instant();
        book.update(order.id(), o -> o.payment().intents().contains(intent)
                ? o.recordPayment(intentName(intent), result.outcome(), o.payment().answered(intent, result), now)
                : Change.unchanged(o));
    }

    private static String intentName(PaymentIntent intent) {
        return intent.kind() == PaymentIntent.Kind.CAPTURE ? "capture" : "void";
    }

    // ---- the arithmetic ----

    /** The capture or void the order's state calls for now; null when the money is in line. */
    private static PaymentIntent nextIntent(Order order) {
        PaymentSummary p = order.payment();
        if (order.paymentRef().isEmpty() || p.hasDeclinedIntent()) {
            return null;
        }
        String suffix = order.id() + "-v" + order.version();
        if (!p.authorised().isPositive()) {
            return null;
        }
        if (p.hasTenders()) {
            return nextTenderIntent(order, suffix);
        }
        PaidPerUnit paid = PaidPerUnit.of(order);
        Money owed = owed(order, paid);
        Money due = order.needsNoStock() && handedOver(order) > 0 ? owed : min(owed, handedOverValue(order, paid));
        Money capture = min(due.minus(p.captured()), p.authorised());
        if (capture.isPositive()) {
            return PaymentIntent.of(PaymentIntent.Kind.CAPTURE, "capture-" + suffix, capture);
        }
        Money stillOwed = owed.minus(p.captured().isGreaterThan(due) ? p.captured() : due);
        Money excess = p.authorised().minus(stillOwed.isNegative() ? Money.zero(order.currency()) : stillOwed);
        return excess.isPositive() ? PaymentIntent.of(PaymentIntent.Kind.VOID, "void-" + suffix, excess) : null;
    }

    /**
     * {@link #nextIntent} for an order paid with several tenders: captures are taken from the tenders in charge order,
     * what is authorised beyond what is still owed is released in reverse charge order. The tenders' tolerance (above
     * the total) stays authorised while any unit waits for stock, and is released once none does.
     */
    private static PaymentIntent nextTenderIntent(Order order, String suffix) {
        PaymentSummary p = order.payment();
        if (order.confirmedAt() == null && order.status() != OrderStatus.CANCELLED) {
            return null;
        }
        PaidPerUnit paid = PaidPerUnit.of(order);
        Money owed = owed(order, paid);
        Money due = order.needsNoStock() && handedOver(order) > 0 ? owed : min(owed, handedOverValue(order, paid));
        Money capture = min(due.minus(p.captured()), p.authorised());
        if (capture.isPositive()) {
            for (Tender t : p.tenders()) {
                if (t.authorised().isPositive()) {
                    return PaymentIntent.onTender(PaymentIntent.Kind.CAPTURE, "capture-" + suffix + "-" + t.id(), min(capture, t.authorised()),
                            t.id());
                }
            }
        }
        Money zero = Money.zero(order.currency());
        Money stillOwed = owed.minus(p.captured().isGreaterThan(due) ? p.captured() : due);
        Money keep = stillOwed.isNegative() ? zero : stillOwed;
        if (!order.needsNoStock() && order.status() != OrderStatus.CANCELLED) {
            for (Tender t : p.tenders()) {
                keep = keep.plus(t.tolerance());
            }
        }
        Money excess = p.authorised().minus(keep);
        if (!excess.isPositive()) {
            return null;
        }
        for (int i = p.tenders().size() - 1; i >= 0; i--) {
            Tender t = p.tenders().get(i);
            if (t.authorised().isPositive()) {
                return PaymentIntent.onTender(PaymentIntent.Kind.VOID, "void-" + suffix + "-" + t.id(), min(excess, t.authorised()), t.id());
            }
        }
        return null;
    }

    /** What the customer still owes for units not cancelled: {@link Order#valueNotCancelled()}. */
    private static Money owed(Order order, PaidPerUnit paid) {
        return order.valueNotCancelled();
    }

    private static int handedOver(Order order) {
        return order.units(UnitState.SHIPPED) + order.units(UnitState.PICKED_UP) + order.units(UnitState.DELIVERED)
                + order.units(UnitState.RETURNED);
    }

    /** What the units handed over (shipped, collected, delivered, returned) were paid, net of discounts, line by line. */
    private static Money handedOverValue(Order order, PaidPerUnit paid) {
        Money value = Money.zero(order.currency());
        for (OrderLine l : order.lines()) {
            int units = l.units().shipped() + l.units().pickedUp() + l.units().delivered() + l.units().returned();
            if (units > 0) {
                value = value.plus(paid.goods(l.id(), 0, units));
            }
        }
        return value;
    }

    private static Money min(Money a, Money b) {
        return a.isGreaterThan(b) ? b : a;
    }
}

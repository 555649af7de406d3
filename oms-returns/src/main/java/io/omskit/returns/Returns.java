package io.omskit.returns;

import com.google.common.util.concurrent.Striped;
import io.omskit.core.Oms;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.common.Change;
import io.omskit.core.common.Checks;
import io.omskit.core.common.Problem;
import io.omskit.core.common.ValidationException;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentEvent;
import io.omskit.core.fulfilment.FulfilmentLine;
import io.omskit.core.network.Capability;
import io.omskit.core.network.Location;
import io.omskit.core.PlacementResult;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineRequest;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderLine;
import io.omskit.core.order.CommandKey;
import io.omskit.core.order.OrderCommand;
import io.omskit.core.payment.PaymentOutcome;
import io.omskit.core.payment.Tender;
import io.omskit.core.payment.TenderAmount;
import io.omskit.core.payment.PaymentResult;
import io.omskit.core.spi.CarrierGateway;
import io.omskit.core.spi.EventPublisher;
import io.omskit.core.spi.PaymentGateway;
import io.omskit.core.spi.PaymentRequest;
import io.omskit.core.spi.SaveOutcome;
import io.omskit.core.spi.SpiException;
import io.omskit.returns.inmemory.InMemoryReturnRepository;
import io.omskit.returns.policy.LineFacts;
import io.omskit.returns.policy.LineVerdict;
import io.omskit.returns.policy.ReturnPolicy;
import io.omskit.returns.rma.Arrival;
import io.omskit.core.order.PaidPerUnit;
import io.omskit.returns.rma.Disposition;
import io.omskit.returns.rma.Exchange;
import io.omskit.returns.rma.Grade;
import io.omskit.returns.rma.Receipt;
import io.omskit.returns.rma.Refund;
import io.omskit.returns.rma.RefundTender;
import io.omskit.returns.rma.Return;
import io.omskit.returns.rma.ReturnEvent;
import io.omskit.returns.rma.ReturnId;
import io.omskit.returns.rma.ReturnLine;
import io.omskit.returns.rma.ReturnStatus;
import io.omskit.returns.spi.ReturnRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;
import org.joda.money.Money;

/**
 * The returns workflow: opens returns from any channel for orders of any channel under a {@link ReturnPolicy},
 * records what arrives and what inspection finds, moves the goods back into stock at the receiving location, records
 * returned units on the order, and refunds through the {@link PaymentGateway}. Wired with {@link #builder(Oms)};
 * thread-safe.
 *
 * <p>Every step is resumable: the return is saved first (under the caller's key for receipts and inspections), then
 * the stock movements it calls for are made under keys fixed by the return (a replay changes nothing), then the order
 * is told under a key, then refunds are settled. A refund is recorded on the return before the provider is asked,
 * and asked under the same idempotency key until it answers, so money never moves twice; an unknown outcome fails the
 * call with a retryable {@link SpiException}, and calling again (or {@link #refund(ReturnId)}) reconciles it. Commands
 * on returns of one order are serialised within one {@code Returns}; between processes the repository's versions
 * decide.
 */
public final class Returns {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Returns.class);

    private final Oms oms;
    private final ReturnBook book;
    private final ReturnStock stock;
    private final PaymentGateway payments;
    private final ReturnPolicy policy;
    private final RefundPlanner planner;
    private final Clock clock;
    private final Striped<Lock> locks = Striped.lock(256);
    private final ReturnLabels labels;
    /** Orders whose shipping this thread is settling: the order events that settling publishes are not acted on again. */
    private final ThreadLocal<Set<OrderId>> settlingShipping = ThreadLocal.withInitial(HashSet::new);

    private Returns(Builder b) {
        this.oms = b.oms;
        this.book = new ReturnBook(b.repository, b.events);
        this.stock = new ReturnStock(b.oms.inventory(), b.oms.catalog());
        this.payments = b.payments;
        this.policy = b.policy;
        this.planner = new RefundPlanner(b.policy);
        this.clock = b.oms.clock();
        this.labels = b.carriers == null ? null : new ReturnLabels(book, b.carriers, b.oms, b.returnBox, clock);
    }

    /**
     * A builder on top of {@code oms} (its orders, fulfilments, stock, network, catalog and clock). Required: the payment
     * gateway. Defaults: the standard policy, an in-memory repository, no event publishing, no carriers (no labels).
     */
    public static Builder builder(Oms oms) {
        return new Builder(oms);
    }

    // ---- opening ----

    /**
     * Opens a return: each line is judged by the policy (returnable and not final sale, delivered or collected, within
     * its window, no more units than were handed over and are not being returned already, the customer within their
     * limit); the accepted lines are authorised, their units announced as returns in transit at the destination, and
     * refunded at once when the customer is trusted. A return that travels by carrier (mail-in, carrier collection)
     * gets its label booked when carriers were given ({@link Builder#carriers}); when the carrier's answer is not known
     * the return is opened all the same with its label pending, and {@link #bookLabel(ReturnId)} finds out. Opening again with the same request key answers with the return
     * opened the first time and finishes its steps.
     *
     * @return opened (with the lines refused, if any) or refused (every line, with its reason)
     * @throws ValidationException listing every problem of the request (unknown order line, line named twice, a
     *                             quantity below 1, a destination that does not accept returns, ...); nothing changes
     * @throws IllegalArgumentException when the order is unknown
     * @throws SpiException when an adapter failed or a refund's outcome is unknown: opening again finishes the work
     */
    public OpenResult open(OpenReturnRequest request) {
        Checks.notNull(request, "request");
        Order order = validate(request);
        ReturnId id = ReturnId.forRequest(order.id(), request.requestKey());
        return locked(order.id(), () -> {
            Optional<Return> existing = book.repository().find(id);
            if (existing.isPresent()) {
                return new OpenResult.Opened(label(settle(book.current(id))), List.of());
            }
            Instant now = clock.instant();
            List<Return> others = book.forOrder(order.id());
            int customerReturns = policy.customerLimit() == null ? 0
                    : book.repository().countByCustomerSince(order.customer(), now.minus(policy.customerLimit().period()));
            List<ReturnLine> accepted = new ArrayList<>();
            List<OpenResult.RefusedLine> refused = new ArrayList<>();
            List<Fulfilment> fulfilments = oms.fulfilments().forOrder(order.id());
            for (OpenReturnRequest.Line l : request.lines()) {
                OrderLine line = order.line(l.line()).orElseThrow();
                SkuAttributes attributes = oms.catalog().find(line.sku()).orElse(null);
                LineFacts facts = new LineFacts(order.channel(), order.customer(), line, attributes,
                        handedOverAt(fulfilments, line.id()), now, l.quantity(), returnable(line, others), customerReturns);
                LineVerdict verdict = policy.judge(facts);
                if (verdict instanceof LineVerdict.Refused r) {
                    refused.add(new OpenResult.RefusedLine(line.id(), r.refusal()));
                } else {
                    accepted.add(ReturnLine.of(line.id(), line.sku(), l.quantity(), l.reason()));
                }
            }
            if (accepted.isEmpty()) {
                return new OpenResult.Refused(refused);
            }
            Exchange exchange = request.exchangeFor().isEmpty() ? null : Exchange.of(request.exchangeFor(), credit(order, accepted, others));
            Change<Return, ReturnEvent> opened = Return.authorise(id, order.id(), order.customer(), request.openedFrom(),
                    request.method(), request.refundTo(), exchange, accepted, now);
            if (book.add(opened) != SaveOutcome.SAVED) {
                return new OpenResult.Opened(label(settle(book.current(id))), List.of());
            }
            return new OpenResult.Opened(label(settle(opened.state())), refused);
        });
    }

    private Order validate(OpenReturnRequest request) {
        List<Problem> problems = new ArrayList<>();
        if (request.orderId() == null) {
            problems.add(new Problem("orderId", "null", "must be set"));
        }
        if (request.requestKey() == null || request.requestKey().isBlank() || request.requestKey().length() > 100) {
            problems.add(new Problem("requestKey", String.valueOf(request.requestKey()), "must be 1 to 100 characters, not blank"));
        }
        if (request.openedFrom() == null) {
            problems.add(new Problem("openedFrom", "null", "must be set"));
        }
        if (request.refundTo() == null) {
            problems.add(new Problem("refundTo", "null", "must be set"));
        }
        if (request.method() == null) {
            problems.add(new Problem("method", "null", "must be set"));
        } else {
            Optional<Location> destination = oms.network().find(request.method().destination());
            if (destination.isEmpty() || !destination.get().can(Capability.ACCEPT_RETURNS)) {
                problems.add(new Problem("method.destination", request.method().destination().value(),
                        destination.isEmpty() ? "must be a location of the network" : "must accept returns (ACCEPT_RETURNS)"));
            }
        }
        if (request.lines().isEmpty()) {
            problems.add(new Problem("lines", "[]", "must not be empty"));
        }
        Order order = request.orderId() == null ? null : oms.order(request.orderId()).orElse(null);
        if (request.orderId() != null && order == null) {
            problems.add(new Problem("orderId", request.orderId().value(), "must be a known order"));
        }
        if (order != null && request.method() != null && request.method().kind().isShipped() && request.method().from() == null
                && order.delivery().address() == null) {
            problems.add(new Problem("method.from", "null", "must be given for a " + request.method().kind()
                    + " return of an order without a delivery address (collected in store)"));
        }
        Set<LineId> seen = new HashSet<>();
        for (int i = 0; i < request.lines().size(); i++) {
            OpenReturnRequest.Line l = request.lines().get(i);
            if (order != null && order.line(l.line()).isEmpty()) {
                problems.add(new Problem("lines[" + i + "].line", l.line().value(), "must be a line of order " + order.id()));
            }
            if (!seen.add(l.line())) {
                problems.add(new Problem("lines[" + i + "].line", l.line().value(), "must not be named twice"));
            }
            if (l.quantity() < 1) {
                problems.add(new Problem("lines[" + i + "].quantity", String.valueOf(l.quantity()), "must be >= 1"));
            }
        }
        for (int i = 0; i < request.exchangeFor().size(); i++) {
            Exchange.Replacement r = request.exchangeFor().get(i);
            if (oms.catalog().find(r.sku()).isEmpty()) {
                problems.add(new Problem("exchangeFor[" + i + "].sku", r.sku().value(), "must be in the catalog"));
            }
            if (order != null && !r.unitPrice().getCurrencyUnit().equals(order.currency())) {
                problems.add(new Problem("exchangeFor[" + i + "].unitPrice", r.unitPrice().toString(),
                        "must be in the order's currency " + order.currency()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("return request", problems);
        }
        return order;
    }

    /** What the accepted units cost the customer, counted after the units other returns refunded. */
    private static Money credit(Order order, List<ReturnLine> accepted, List<Return> others) {
        PaidPerUnit paid = PaidPerUnit.of(order);
        Money credit = Money.zero(order.currency());
        for (ReturnLine l : accepted) {
            int before = 0;
            for (Return r : others) {
                before += r.refunded(l.line());
            }
            OrderLine line = order.line(l.line()).orElseThrow();
            credit = credit.plus(paid.goods(l.line(), Math.min(before, line.quantity() - l.quantity()), l.quantity()));
        }
        return credit;
    }

    /**
     * Orders an exchange's replacement when the policy says it is time (at once, or once goods arrived), as a new order
     * of the customer (channel, delivery and payment of the original) keyed by the return, so that a retry finds it:
     * its cost is paid first with the credit, the rest authorised on the customer's payment. A replacement that cannot be
     * had (no stock, payment declined, refused) is recorded as failed and the return refunded as any other.
     */
    private void placeReplacement(Return ret) {
        Exchange x = ret.exchange();
        if (x == null || x.isSettled()
                || (policy.replacementReserved() == ReturnPolicy.ReplacementTiming.ON_RECEIPT && ret.receipts().isEmpty())
                || ret.status() == ReturnStatus.CANCELLED) {
            return;
        }
        Order original = oms.order(ret.orderId()).orElseThrow();
        Money applied = x.credit().isGreaterThan(x.replacementTotal()) ? x.replacementTotal() : x.credit();
        String seller = original.line(ret.lines().get(0).line()).map(l -> l.seller() == null ? null : l.seller().value()).orElse(null);
        PlaceOrderRequest.Builder b = PlaceOrderRequest.builder().channel(original.channel()).externalRef("EXCH-" + ret.id())
                .customer(original.customer().value()).currency(original.currency()).delivery(original.delivery())
                .paymentRef(original.paymentRef());
        for (int i = 0; i < x.replacements().size(); i++) {
            Exchange.Replacement r = x.replacements().get(i);
            LineRequest line = LineRequest.of("X" + (i + 1), r.sku().value(), r.quantity(), r.unitPrice());
            b.line(seller == null ? line : line.soldBy(seller));
        }
        if (applied.isPositive()) {
            b.discount("EXCHANGE-CREDIT", applied);
        }
        Instant now = clock.instant();
        String failure;
        OrderId placed = null;
        try {
            PlacementResult result = oms.placeOrder(b.build());
            switch (result.outcome()) {
                case CONFIRMED, PAYMENT_PENDING, IN_PROGRESS -> {
                    placed = result.order().id();
                    failure = null;
                }
                case OUT_OF_STOCK -> failure = "out of stock: " + result.shortages();
                default -> {
                    failure = "payment declined: " + result.order().payment().message();
                    oms.cancelOrder(result.order().id(), CancellationReason.PAYMENT_FAILED);
                }
            }
        } catch (ValidationException e) {
            failure = e.getMessage();
        }
        OrderId replacement = placed;
        String why = failure;
        book.update(ret.id(), r -> r.exchange() == null || r.exchange().isSettled() ? Change.unchanged(r)
                : r.recordReplacement(replacement, applied, why, now));
    }

    /** When units of {@code line} last reached the customer (delivered or collected); null when none did. */
    private static Instant handedOverAt(List<Fulfilment> fulfilments, LineId line) {
        Instant last = null;
        for (Fulfilment f : fulfilments) {
            boolean holds = false;
            for (FulfilmentLine fl : f.lines()) {
                holds |= fl.line().equals(line);
            }
            if (!holds) {
                continue;
            }
            for (FulfilmentEvent e : f.history()) {
                if ((e instanceof FulfilmentEvent.FulfilmentDelivered || e instanceof FulfilmentEvent.FulfilmentCollected)
                        && (last == null || e.occurredAt().isAfter(last))) {
                    last = e.occurredAt();
                }
            }
        }
        return last;
    }

    /** Units of {@code line} delivered or collected and not on their way back in a return still open. */
    private static int returnable(OrderLine line, List<Return> returns) {
        int n = line.units().delivered() + line.units().pickedUp();
        for (Return r : returns) {
            if (!r.status().isFinished()) {
                n -= r.line(line.id()).map(ReturnLine::outstanding).orElse(0);
            }
        }
        return Math.max(0, n);
    }

    // ---- the goods ----

    /**
     * Records that the goods left the customer, with the carrier's tracking reference (may be null).
     *
     * @throws IllegalArgumentException when the return is unknown
     * @throws io.omskit.returns.rma.IllegalReturnTransitionException when the return is not authorised
     */
    public Return markInTransit(ReturnId id, String trackingRef) {
        return command(id, r -> r.markInTransit(trackingRef, clock.instant()));
    }

    /**
     * Records goods that arrived at the destination under {@code receiptKey}: units of the return's SKUs count against
     * its lines (and are recorded returned on the order), anything more or else is quarantined as unexpected. The
     * units stay in returns in transit until inspected. Refunded now when the policy refunds on receipt. A second
     * call with the same key (a retry) records nothing again and finishes the steps of the first.
     *
     * @throws IllegalArgumentException when the return is unknown, the key blank or {@code arrivals} empty
     * @throws io.omskit.returns.rma.IllegalReturnTransitionException when the return is not waiting for goods
     * @throws SpiException when an adapter failed or a refund's outcome is unknown: calling again finishes the work
     */
    public Return receive(ReturnId id, List<Arrival> arrivals, String receiptKey) {
        return command(id, r -> r.receive(receiptKey, arrivals, clock.instant()));
    }

    /**
     * Records {@code quantity} received units of {@code line} as inspected with {@code grade}, and moves them as
     * {@code disposition} says (restocked units are sellable at the destination at once). Refunded now when the policy
     * refunds after inspection and the grade (or the reason) qualifies. A second call with the same key changes nothing
     * and finishes the steps of the first.
     *
     * @throws IllegalArgumentException when the return is unknown, the line is not its, or fewer units wait for inspection
     * @throws io.omskit.returns.rma.IllegalReturnTransitionException when nothing was received
     * @throws SpiException when an adapter failed or a refund's outcome is unknown: calling again finishes the work
     */
    public Return inspect(ReturnId id, LineId line, Grade grade, Disposition disposition, int quantity, String inspectionKey) {
        return command(id, r -> r.inspect(inspectionKey, line, grade, disposition, quantity, clock.instant()));
    }

    /**
     * Closes the return as it stands: units that never arrived are taken off returns in transit. Refunds due are made
     * first.
     *
     * @throws io.omskit.returns.rma.IllegalReturnTransitionException when it is finished or received units wait for
     *         inspection
     */
    public Return close(ReturnId id) {
        Return r = refund(id);
        if (r.status().isFinished()) {
            return r;
        }
        return command(id, x -> x.close(clock.instant()));
    }

    /**
     * Withdraws the return; its announced units are taken off returns in transit.
     *
     * @throws io.omskit.returns.rma.IllegalReturnTransitionException when goods arrived or a refund was made
     */
    public Return cancel(ReturnId id, String reason) {
        Return cancelled = command(id, r -> r.status() == ReturnStatus.CANCELLED ? Change.unchanged(r) : r.cancel(reason, clock.instant()));
        if (labels == null || !cancelled.labelOpen()) {
            return cancelled;
        }
        try {
            return locked(cancelled.orderId(), () -> labels.settle(id, false));
        } catch (SpiException e) {
            LOG.warn("the label of cancelled return {} is not voided yet ({}); reconcileLabels voids it", id, e.getMessage());
            return book.current(id);
        }
    }

    // ---- refunds ----

    /**
     * Settles the return's refunds: asks the provider again about a refund whose outcome is not recorded (same key, so
     * it is never paid twice), then refunds what the policy says is due now, then finishes an inspected return whose
     * refunds are done. The workflow calls it after every step; call it to reconcile after an unknown outcome.
     *
     * @throws IllegalArgumentException when the return is unknown
     * @throws SpiException when the provider could not be reached or its answer is unknown: calling again settles it
     */
    public Return refund(ReturnId id) {
        Return r = book.current(Checks.notNull(id, "id"));
        return locked(r.orderId(), () -> settle(book.current(id)));
    }

    /**
     * Refunds the order's shipping when it fell due outside any return's refund of units: every unit of the order is
     * now either refunded by a return or cancelled, the policy refunds shipping when everything came back
     * ({@link io.omskit.returns.policy.ShippingRefund}), and the refunds of units did not carry it because the units
     * the order still waited for were cancelled after the last of them; or units whose reason alone earns their share
     * of the shipping back ({@code ALWAYS}, or the retailer's fault) were refunded short of that share because the
     * shipping was not captured yet (core captures it with the last unit shipped or cancelled), and it is captured now,
     * whatever units the customer keeps. The refund is recorded on the order's last
     * return with a refund (a refunded or closed one accepts it), before the provider is asked, and goes to the
     * tenders in their refund order (or to store credit when that return's refunds do), never beyond what was
     * captured and not refunded. Refunds of the order's returns that wait for the provider's answer are settled first.
     * Idempotent: once the shipping is refunded a call finds nothing due and answers with that refund; after an
     * unknown outcome a call asks again under the same key, so it is paid once. {@link #accept} calls it when units of
     * an order with returns are cancelled and when its shipping is captured.
     *
     * @return the order's shipping refund (made by this call or an earlier one; declined when the provider declined
     *         it, and a later call tries again); empty when none is due
     * @throws IllegalArgumentException when the order is unknown
     * @throws SpiException when an adapter failed or a refund's outcome is unknown: calling again finishes the work
     */
    public Optional<Refund> settleShipping(OrderId orderId) {
        Checks.notNull(orderId, "orderId");
        if (oms.order(orderId).isEmpty()) {
            throw new IllegalArgumentException("order " + orderId + " is not known");
        }
        Set<OrderId> settling = settlingShipping.get();
        if (!settling.add(orderId)) {
            throw new IllegalStateException("settleShipping(" + orderId + ") called again while settling it, on the same thread");
        }
        try {
            return locked(orderId, () -> settleShippingLocked(orderId));
        } finally {
            settling.remove(orderId);
        }
    }

    private Optional<Refund> settleShippingLocked(OrderId orderId) {
        boolean asked = false;
        for (int round = 0; round < 2 * ReturnBook.MAX_CONFLICT_RETRIES; round++) {
            List<Return> all = book.forOrder(orderId);
            Optional<Return> waiting = all.stream().filter(r -> r.openRefund().isPresent()).findFirst();
            if (waiting.isPresent()) {
                settleRefunds(waiting.get().id());
                continue;
            }
            Optional<Refund> last = lastShippingRefund(all);
            if (asked && last.isPresent()) {
                return last;
            }
            Return carrier = null;
            for (Return r : all) {
                if (r.status() != ReturnStatus.CANCELLED && r.refunds().stream().anyMatch(Refund::isLive)) {
                    carrier = r;
                }
            }
            if (carrier == null) {
                return last;
            }
            Order order = oms.order(orderId).orElseThrow();
            Return on = carrier;
            String key = "refund-" + on.id() + "-" + (on.refunds().size() + 1);
            Optional<Refund> due = planner.planShipping(on, order, all, key, clock.instant());
            if (due.isEmpty()) {
                // the order may have been read after another process refunded the shipping that the returns, read
                // before, do not show yet: answer from the returns as they are now
                List<Return> fresh = book.forOrder(orderId);
                if (fresh.stream().anyMatch(r -> r.openRefund().isPresent())) {
                    continue;
                }
                return lastShippingRefund(fresh);
            }
            Instant now = clock.instant();
            book.update(on.id(), r -> r.openRefund().isPresent() || r.refunds().size() != on.refunds().size()
                    ? Change.unchanged(r) : r.requestShippingRefund(due.get(), now));
            asked = true;
        }
        throw new SpiException("the refunds of order " + orderId + " kept changing concurrently; call settleShipping again", null, true);
    }

    /** The latest refund of shipping only (no units) among {@code returns}; empty when none. */
    private static Optional<Refund> lastShippingRefund(List<Return> returns) {
        Refund last = null;
        for (Return r : returns) {
            for (Refund f : r.refunds()) {
                if (f.units().isEmpty() && f.shipping().isPositive()
                        && (last == null || !f.requestedAt().isBefore(last.requestedAt()))) {
                    last = f;
                }
            }
        }
        return Optional.ofNullable(last);
    }

    /**
     * Settles what a change of an order leaves for its returns; subscribe it to the events the {@link Oms} publishes
     * ({@code events.subscribe(returns::accept)}, or the outbox relay's consumer). Today: when units of an order with
     * returns are cancelled, or its shipping is captured (core captures the charges once the last unit is shipped or
     * cancelled), the shipping refund that may fall due ({@link #settleShipping}). Other events are ignored.
     * It never throws for adapter trouble: a refund recorded and not answered is finished by
     * {@link #reconcileRefunds}, and the event delivered again (at least once) settles the rest.
     */
    public void accept(DomainEvent event) {
        OrderId order;
        if (event instanceof OrderEvent.OrderUnitsCancelled cancelled) {
            order = cancelled.orderId();
        } else if (event instanceof OrderEvent.OrderPaymentUpdated paid && paid.operation().equals("capture")
                && paid.outcome() == PaymentOutcome.SUCCEEDED) {
            order = paid.orderId();
        } else {
            return;
        }
        if (settlingShipping.get().contains(order) || book.forOrder(order).isEmpty()) {
            return;
        }
        try {
            settleShipping(order);
        } catch (RuntimeException e) {
            LOG.warn("shipping refund of order {} not settled yet ({}); reconcileRefunds or settleShipping finishes it",
                    order, e.getMessage());
        }
    }

    /**
     * The safety net for refunds nobody asked about again (an unknown outcome whose caller gave up, a process that
     * stopped between recording a refund and asking the provider): settles up to {@code limit} returns with a refund
     * requested and not answered, asking the provider under the same keys. A return whose provider still does not
     * answer, or whose settling fails, is logged and left for the next sweep. Call it from a scheduler.
     *
     * @param limit at least 1
     * @return the returns it settled (no refund left unanswered)
     */
    public List<ReturnId> reconcileRefunds(int limit) {
        List<ReturnId> settled = new ArrayList<>();
        for (ReturnId id : book.repository().findWithOpenRefund(Checks.positive(limit, "limit"))) {
            try {
                if (refund(id).openRefund().isEmpty()) {
                    settled.add(id);
                }
            } catch (RuntimeException e) {
                LOG.warn("refund of return {} still unsettled: {}", id, e.getMessage());
            }
        }
        return settled;
    }

    /**
     * The safety net for labels nobody asked about again: for up to {@code limit} returns whose label waits for the
     * carrier ({@link Return#labelOpen()}: a booking or a voiding asked and not answered, a cancelled return's booked
     * label not yet voided), asks the carrier under the same keys, so no return gets two labels and no cancelled return
     * keeps a live one. A return whose carrier still does not answer is logged and left for the next sweep. Call it
     * from a scheduler.
     *
     * @param limit at least 1
     * @return the returns whose label is settled now
     * @throws IllegalStateException when no carriers were given to the builder
     */
    public List<ReturnId> reconcileLabels(int limit) {
        if (labels == null) {
            throw new IllegalStateException("carriers must be given to Returns.builder(...).carriers(...) to reconcile return labels");
        }
        List<ReturnId> settled = new ArrayList<>();
        for (ReturnId id : book.repository().findWithOpenLabel(Checks.positive(limit, "limit"))) {
            try {
                Return r = book.current(id);
                if (!locked(r.orderId(), () -> labels.settle(id, false)).labelOpen()) {
                    settled.add(id);
                }
            } catch (RuntimeException e) {
                LOG.warn("label of return {} still unsettled: {}", id, e.getMessage());
            }
        }
        return settled;
    }

    // ---- queries ----

    /** The return with {@code id}. */
    public Optional<Return> find(ReturnId id) {
        return book.repository().find(Checks.notNull(id, "id"));
    }

    /** Every return of {@code order}, oldest first. */
    public List<Return> forOrder(OrderId order) {
        return book.forOrder(Checks.notNull(order, "order"));
    }

    /** The policy returns are judged and refunded by. */
    public ReturnPolicy policy() {
        return policy;
    }

    // ---- internals ----

    /**
     * Books the carrier label of a return that travels by carrier (mail-in, carrier collection) and still waits for its
     * goods, or finds out what became of a booking whose answer was not known: asked again under the same key, the
     * carrier answers with the label it made, so a return never gets two. After a decline a new booking takes the next
     * key. A return that has its label, or needs none, is answered as it is.
     *
     * @return the return as stored; {@code label()} booked, declined (with the carrier's reason), or still pending
     * @throws IllegalArgumentException when the return is unknown
     * @throws IllegalStateException    when no carriers were given to the builder
     * @throws SpiException             when the carriers could not be reached for a quote: calling again tries again
     */
    public Return bookLabel(ReturnId id) {
        if (labels == null) {
            throw new IllegalStateException("carriers must be given to Returns.builder(...).carriers(...) to book return labels");
        }
        Return r = book.current(Checks.notNull(id, "id"));
        return locked(r.orderId(), () -> labels.settle(id, true));
    }

    /** Whether carriers were given, so that a return travelling by carrier gets its label booked. */
    boolean booksLabels() {
        return labels != null;
    }

    /** {@code ret} with its label booked when it travels by carrier; an unreachable carrier leaves it for bookLabel. */
    private Return label(Return ret) {
        if (labels == null) {
            return ret;
        }
        try {
            return labels.settle(ret.id(), false);
        } catch (SpiException e) {
            LOG.warn("label of return {} not booked yet: {}", ret.id(), e.getMessage());
            return book.current(ret.id());
        }
    }

    private Return command(ReturnId id, java.util.function.Function<Return, Change<Return, ReturnEvent>> command) {
        Return r = book.current(Checks.notNull(id, "id"));
        return locked(r.orderId(), () -> {
            book.update(id, command);
            return settle(book.current(id));
        });
    }

    private <T> T locked(OrderId order, Supplier<T> work) {
        Lock lock = locks.get(order);
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** Brings stock, the order and the money in line with the return as stored. */
    private Return settle(Return ret) {
        stock.sync(ret);
        for (Receipt receipt : ret.receipts()) {
            if (!receipt.matched().isEmpty()) {
                List<LineQuantity> quantities = new ArrayList<>();
                for (Receipt.Matched m : receipt.matched()) {
                    quantities.add(LineQuantity.of(m.line(), m.quantity()));
                }
                oms.recordReturn(ret.orderId(), quantities, "return-" + ret.id() + "-r" + receipt.number());
            }
        }
        placeReplacement(book.current(ret.id()));
        return settleRefunds(ret.id());
    }

    private Return settleRefunds(ReturnId id) {
        for (int round = 0; round < ReturnBook.MAX_CONFLICT_RETRIES; round++) {
            Return ret = book.current(id);
            Optional<Refund> open = ret.openRefund();
            if (open.isPresent()) {
                answer(ret, open.get());
                continue;
            }
            if (ret.status().isFinished()) {
                return ret;
            }
            Order order = oms.order(ret.orderId()).orElseThrow(() ->
                    new IllegalStateException("order " + ret.orderId() + " of return " + ret.id() + " is gone"));
            String key = "refund-" + ret.id() + "-" + (ret.refunds().size() + 1);
            Optional<Refund> due = planner.plan(ret, order, book.forOrder(ret.orderId()), key, clock.instant());
            if (due.isPresent()) {
                Instant now = clock.instant();
                book.update(id, r -> r.openRefund().isPresent() || r.refunds().size() != ret.refunds().size()
                        ? Change.unchanged(r) : r.requestRefund(due.get(), now));
                continue;
            }
            if (ret.status() == ReturnStatus.INSPECTED) {
                Instant now = clock.instant();
                return book.update(id, r -> r.status() == ReturnStatus.INSPECTED && r.openRefund().isEmpty()
                        ? r.finish(now) : Change.unchanged(r));
            }
            return ret;
        }
        throw new SpiException("the refunds of return " + id + " kept changing concurrently; call refund again", null, true);
    }

    /** Asks the provider about {@code refund} under its key and records the answer on the order and the return. */
    private void answer(Return ret, Refund refund) {
        Instant now = clock.instant();
        if (refund.tender() == RefundTender.STORE_CREDIT || refund.amount().isZero()) {
            book.update(ret.id(), r -> r.recordRefund(refund.key(), true, "", "", now));
            return;
        }
        Order order = oms.order(ret.orderId()).orElseThrow();
        if (!refund.parts().isEmpty()) {
            answerParts(ret, refund, order);
            return;
        }
        PaymentResult result = payments.execute(new PaymentRequest(PaymentRequest.Kind.REFUND, refund.key(), ret.orderId(),
                refund.amount(), order.payment().authorisationRef()));
        if (result.outcome() == PaymentOutcome.UNKNOWN || result.outcome() == PaymentOutcome.NOT_ATTEMPTED) {
            throw new SpiException("refund " + refund.key() + " of " + refund.amount() + " for return " + ret.id() + " ended "
                    + result.outcome() + "; call refund again to settle it", null, true);
        }
        if (result.succeeded()) {
            oms.recordRefund(ret.orderId(), refund.amount(), refund.key());
            book.update(ret.id(), r -> r.recordRefund(refund.key(), true, result.reference(), "", now));
        } else {
            book.update(ret.id(), r -> r.recordRefund(refund.key(), false, "", result.message().isEmpty() ? "declined" : result.message(), now));
        }
    }

    /**
     * Asks the provider for each part of {@code refund} (one per tender, in refund order) not yet recorded on the order,
     * each under its own key, recording each on the order as soon as it succeeded; the refund is recorded succeeded
     * once every part is. A declined first part declines the refund; a part declined after others succeeded leaves
     * the refund open for people to resolve (the money that moved stays recorded), and says so.
     */
    private void answerParts(Return ret, Refund refund, Order order) {
        Instant now = clock.instant();
        List<String> references = new ArrayList<>();
        boolean anyDone = false;
        for (TenderAmount part : refund.parts()) {
            String key = refund.partKey(part.tender());
            if (order.applied(CommandKey.of(OrderCommand.RECORD_PAYMENT, key))) {
                anyDone = true;
                continue;
            }
            String authorisation = order.payment().tender(part.tender()).map(Tender::authorisationRef).orElse(null);
            PaymentResult result = payments.execute(new PaymentRequest(PaymentRequest.Kind.REFUND, key, ret.orderId(), part.amount(),
                    authorisation));
            if (result.outcome() == PaymentOutcome.UNKNOWN || result.outcome() == PaymentOutcome.NOT_ATTEMPTED) {
                throw new SpiException("refund " + key + " of " + part.amount() + " to tender " + part.tender() + " for return "
                        + ret.id() + " ended " + result.outcome() + "; call refund again to settle it", null, true);
            }
            if (!result.succeeded()) {
                String reason = "tender " + part.tender() + ": " + (result.message().isEmpty() ? "declined" : result.message());
                if (!anyDone) {
                    book.update(ret.id(), r -> r.recordRefund(refund.key(), false, "", reason, now));
                    return;
                }
                throw new SpiException("refund " + key + " to tender " + part.tender() + " for return " + ret.id()
                        + " was declined after other tenders were refunded (" + reason + "); people must resolve it", null, false);
            }
            order = oms.recordRefund(ret.orderId(), part.tender(), part.amount(), key);
            references.add(result.reference());
            anyDone = true;
        }
        book.update(ret.id(), r -> r.recordRefund(refund.key(), true, String.join(",", references), "", now));
    }

    /** Wires {@link Returns}. */
    public static final class Builder {
        private final Oms oms;
        private PaymentGateway payments;
        private ReturnRepository repository = new InMemoryReturnRepository();
        private ReturnPolicy policy = ReturnPolicy.standard();
        private EventPublisher events = EventPublisher.none();
        private CarrierGateway carriers;
        private Dimensions returnBox = Dimensions.ofMillimetres(400, 300, 200);

        private Builder(Oms oms) {
            this.oms = Checks.notNull(oms, "oms");
        }

        /** The payment provider refunds go through (usually the one the {@link Oms} uses). */
        public Builder payments(PaymentGateway payments) { this.payments = Checks.notNull(payments, "payments"); return this; }
        /** Where returns are stored. */
        public Builder repository(ReturnRepository repository) { this.repository = Checks.notNull(repository, "repository"); return this; }
        /** The return policy. */
        public Builder policy(ReturnPolicy policy) { this.policy = Checks.notNull(policy, "policy"); return this; }
        /** Where return events go. */
        public Builder events(EventPublisher events) { this.events = Checks.notNull(events, "events"); return this; }
        /** The carriers return labels are booked with (mail-in, carrier collection); without them no label is booked. */
        public Builder carriers(CarrierGateway carriers) { this.carriers = Checks.notNull(carriers, "carriers"); return this; }
        /** The box a return label is quoted and booked for (the weight is the returned units'); 400 x 300 x 200 mm by default. */
        public Builder returnBox(Dimensions box) { this.returnBox = Checks.notNull(box, "box"); return this; }

        /**
         * The wired workflow.
         *
         * @throws IllegalStateException when the payment gateway is missing
         */
        public Returns build() {
            if (payments == null) {
                throw new IllegalStateException("payments must be set: the PaymentGateway refunds go through");
            }
            return new Returns(this);
        }
    }
}

package io.omskit.reporting.funds;

import io.omskit.core.common.Checks;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.fulfilment.FulfilmentEvent;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.FulfilmentKind;
import io.omskit.core.fulfilment.FulfilmentLine;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderLine;
import io.omskit.core.order.PaidPerUnit;
import io.omskit.core.payment.PaymentIntent;
import io.omskit.core.payment.PaymentSummary;
import io.omskit.reporting.funds.ledger.Account;
import io.omskit.reporting.funds.ledger.AccountKind;
import io.omskit.reporting.funds.ledger.Ledger;
import io.omskit.reporting.funds.ledger.Posting;
import io.omskit.reporting.funds.spi.HandOver;
import io.omskit.reporting.funds.spi.Share;
import io.omskit.reporting.funds.spi.Stakeholder;
import io.omskit.reporting.funds.spi.StakeholderPolicy;
import io.omskit.returns.rma.Refund;
import io.omskit.returns.rma.RefundTender;
import io.omskit.returns.rma.ReturnEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The funds of every order, kept from the domain events: what was captured and refunded, and who it is owed to.
 *
 * <p>Feed it every event ({@link #accept}, for example subscribed to the event publisher, or replayed from the
 * outbox): it keeps the facts that move money (orders placed, payment updates, fulfilments offered, refused, cancelled,
 * shipped and collected, returns' refunds) and ignores the rest. An event seen before (same id) changes nothing, and
 * events may arrive in any order: every answer is worked out from the facts, so a book rebuilt from history answers as
 * the live one does.
 *
 * <p>The money, in double entry ({@link #ledger()}): a capture debits the provider receivable and credits the
 * retailer's {@link AccountKind#DUE}; units reaching the customer move each party's share (as the
 * {@link StakeholderPolicy} says) from the retailer's due to theirs; a return's refund moves those shares back; a
 * refund debits the retailer's due and credits the receivable. So every captured or refunded cent is in exactly one
 * party's due account, and the retailer's holds the rest. Units are valued as the payment arithmetic of core values
 * them ({@link PaidPerUnit}), unit by unit in the order they were handed over. Refunds as store credit move no shares.
 *
 * <p>Thread-safe.
 */
public final class FundsBook {

    private final Network network;
    private final StakeholderPolicy policy;
    private final Stakeholder retailer;

    private final Set<UUID> seen = new HashSet<>();
    private final Map<OrderId, OrderFacts> orders = new LinkedHashMap<>();

    private FundsBook(Network network, StakeholderPolicy policy, Stakeholder retailer) {
        this.network = network;
        this.policy = policy;
        this.retailer = retailer;
    }

    /**
     * A funds book.
     *
     * @param network  the locations, for the kind of each fulfilling location
     * @param policy   who besides the retailer is owed what
     * @param retailer the retailer, who keeps the rest; its role must be {@link Stakeholder.Role#RETAILER}
     * @throws IllegalArgumentException when an argument is null or {@code retailer} is not a retailer
     */
    public static FundsBook of(Network network, StakeholderPolicy policy, Stakeholder retailer) {
        Checks.notNull(network, "network");
        Checks.notNull(policy, "policy");
        Checks.notNull(retailer, "retailer");
        if (retailer.role() != Stakeholder.Role.RETAILER) {
            throw new IllegalArgumentException("retailer must have the role RETAILER, was " + retailer);
        }
        return new FundsBook(network, policy, retailer);
    }

    /** The retailer. */
    public Stakeholder retailer() {
        return retailer;
    }

    /**
     * Takes in one event. Events that move no money are ignored.
     *
     * @return whether the book changed: false for an event seen before or one that moves no money
     */
    public synchronized boolean accept(DomainEvent event) {
        Checks.notNull(event, "event");
        if (!movesMoney(event) || !seen.add(event.eventId())) {
            return false;
        }
        if (event instanceof OrderEvent.OrderPlaced p) {
            facts(p.orderId()).placed = p.order();
            facts(p.orderId()).payments.put(p.version(), new PaymentFact(p.occurredAt(), p.order().payment()));
        } else if (event instanceof OrderEvent.OrderPaymentUpdated u) {
            facts(u.orderId()).payments.put(u.version(), new PaymentFact(u.occurredAt(), u.payment()));
        } else if (event instanceof FulfilmentEvent f) {
            facts(f.orderId()).fulfilments.computeIfAbsent(f.fulfilmentId(), k -> new TreeMap<>()).put(f.version(), f);
        } else if (event instanceof ReturnEvent.RefundRequested r) {
            facts(r.orderId()).refundsAsked.putIfAbsent(r.refund().key(), r.refund());
        } else if (event instanceof ReturnEvent.ReturnRefunded r) {
            facts(r.orderId()).refundsMade.putIfAbsent(r.refundKey(), r);
        }
        return true;
    }

    /** Takes in {@code events} in turn; see {@link #accept}. */
    public void acceptAll(Iterable<? extends DomainEvent> events) {
        for (DomainEvent e : Checks.notNull(events, "events")) {
            accept(e);
        }
    }

    /** The orders the book knows of, in the order first heard of. */
    public synchronized List<OrderId> orders() {
        return List.copyOf(orders.keySet());
    }

    /**
     * The funds of order {@code id}; empty until its {@code OrderPlaced} event arrived.
     *
     * @throws IllegalArgumentException when the policy lacks data it needs for the order (a cost price, say)
     */
    public synchronized Optional<OrderFunds> funds(OrderId id) {
        OrderFacts f = orders.get(Checks.notNull(id, "id"));
        if (f == null || f.placed == null) {
            return Optional.empty();
        }
        Ledger ledger = new Ledger();
        List<ShareLine> shares = new ArrayList<>();
        Money[] moved = post(id, f, ledger, shares, new ArrayList<>());
        CurrencyUnit currency = f.placed.currency();
        SortedMap<Stakeholder, Money> owed = new TreeMap<>();
        for (Account a : ledger.accounts()) {
            if (a.kind() == AccountKind.DUE) {
                owed.put(a.owner(), ledger.owedTo(a.owner(), currency));
            }
        }
        return Optional.of(new OrderFunds(id, currency, moved[0], moved[1], owed, shares));
    }

    /**
     * The ledgers of every party over every order the book knows, posted afresh from the facts.
     *
     * @throws IllegalArgumentException when the policy lacks data it needs (a cost price, say)
     */
    public synchronized Ledger ledger() {
        Ledger ledger = new Ledger();
        for (Map.Entry<OrderId, OrderFacts> e : orders.entrySet()) {
            post(e.getKey(), e.getValue(), ledger, new ArrayList<>(), new ArrayList<>());
        }
        return ledger;
    }

    /**
     * What each party is owed in {@code currency} for what happened from {@code from} (inclusive) to {@code to}
     * (exclusive): the net payable of the period, per party; the retailer's is what it keeps.
     */
    public SortedMap<Stakeholder, Money> netPayable(CurrencyUnit currency, Instant from, Instant to) {
        return ledger().owedInPeriod(currency, from, to);
    }

    /** Every capture and refund the orders recorded: what the provider's settlement should show. */
    public synchronized List<ProviderMovement> expectedMovements() {
        List<ProviderMovement> all = new ArrayList<>();
        for (Map.Entry<OrderId, OrderFacts> e : orders.entrySet()) {
            if (e.getValue().placed != null) {
                postPayments(e.getKey(), e.getValue(), null, all);
            }
        }
        return all;
    }

    // ---- the facts ----

    private record PaymentFact(Instant at, PaymentSummary payment) {
    }

    /** The money-moving facts of one order, as they arrived. */
    private static final class OrderFacts {
        Order placed;
        final TreeMap<Long, PaymentFact> payments = new TreeMap<>();
        final Map<FulfilmentId, TreeMap<Long, FulfilmentEvent>> fulfilments = new LinkedHashMap<>();
        final Map<String, Refund> refundsAsked = new LinkedHashMap<>();
        final Map<String, ReturnEvent.ReturnRefunded> refundsMade = new LinkedHashMap<>();
    }

    private OrderFacts facts(OrderId id) {
        return orders.computeIfAbsent(id, k -> new OrderFacts());
    }

    private static boolean movesMoney(DomainEvent e) {
        return e instanceof OrderEvent.OrderPlaced || e instanceof OrderEvent.OrderPaymentUpdated
                || e instanceof FulfilmentEvent.FulfilmentOffered || e instanceof FulfilmentEvent.FulfilmentRejected
                || e instanceof FulfilmentEvent.FulfilmentCancelled || e instanceof FulfilmentEvent.FulfilmentExpired
                || e instanceof FulfilmentEvent.FulfilmentShipped || e instanceof FulfilmentEvent.FulfilmentCollected
                || e instanceof ReturnEvent.RefundRequested || e instanceof ReturnEvent.ReturnRefunded;
    }

    // ---- the postings ----

    /** Posts the order's money to {@code ledger}; returns what it captured and refunded. */
    private Money[] post(OrderId id, OrderFacts f, Ledger ledger, List<ShareLine> shares, List<ProviderMovement> movements) {
        Money[] moved = postPayments(id, f, ledger, movements);
        PaidPerUnit paid = PaidPerUnit.of(f.placed);
        Map<LineId, List<Segment>> handedOver = handOvers(id, f, paid);
        List<Segment> inTime = new ArrayList<>();
        handedOver.values().forEach(inTime::addAll);
        inTime.sort(Comparator.comparing(Segment::at));
        for (Segment s : inTime) {
            postShares(id, "handed over " + s.fulfilment, s.at, s.units, ledger, shares, false);
        }
        for (ReturnEvent.ReturnRefunded made : f.refundsMade.values()) {
            Refund asked = f.refundsAsked.get(made.refundKey());
            if (asked == null || asked.tender() != RefundTender.ORIGINAL_PAYMENT) {
                continue;
            }
            for (Refund.RefundedUnits u : asked.units()) {
                for (Segment s : handedOver.getOrDefault(u.line(), List.of())) {
                    int from = Math.max(u.before(), s.first);
                    int to = Math.min(u.before() + u.units(), s.first + s.units.units());
                    if (from < to) {
                        HandOver back = reshaped(s.units, to - from, paid.goods(u.line(), from, to - from));
                        postShares(id, "refund " + made.refundKey(), made.occurredAt(), back, ledger, shares, true);
                    }
                }
            }
        }
        return moved;
    }

    /** Captures and refunds, from the order's payment after each update; returns what it captured and refunded. */
    private Money[] postPayments(OrderId id, OrderFacts f, Ledger ledger, List<ProviderMovement> movements) {
        CurrencyUnit currency = f.placed.currency();
        Money captured = Money.zero(currency);
        Money refunded = Money.zero(currency);
        PaymentSummary before = null;
        Account receivable = Account.of(retailer, AccountKind.PROVIDER_RECEIVABLE);
        Account due = Account.of(retailer, AccountKind.DUE);
        for (Map.Entry<Long, PaymentFact> e : f.payments.entrySet()) {
            PaymentSummary now = e.getValue().payment();
            Instant at = e.getValue().at();
            Money capture = now.captured().minus(captured);
            if (capture.isPositive()) {
                String key = goneCapture(before, now);
                if (ledger != null) {
                    ledger.post(Posting.builder(id + " capture v" + e.getKey(), at).debit(receivable, capture).credit(due, capture).build());
                }
                movements.add(new ProviderMovement(id, ProviderMovement.Kind.CAPTURE, capture, at, key));
                captured = now.captured();
            }
            Money refund = now.refunded().minus(refunded);
            if (refund.isPositive()) {
                if (ledger != null) {
                    ledger.post(Posting.builder(id + " refund v" + e.getKey(), at).debit(due, refund).credit(receivable, refund).build());
                }
                movements.add(new ProviderMovement(id, ProviderMovement.Kind.REFUND, refund, at, ""));
                refunded = now.refunded();
            }
            before = now;
        }
        return new Money[] {captured, refunded};
    }

    /** The key of the capture intent open before and answered now; empty when the events do not tell. */
    private static String goneCapture(PaymentSummary before, PaymentSummary now) {
        if (before == null) {
            return "";
        }
        for (PaymentIntent i : before.intents()) {
            if (i.kind() == PaymentIntent.Kind.CAPTURE && !now.intents().contains(i)) {
                return i.key();
            }
        }
        return "";
    }

    private void postShares(OrderId id, String what, Instant at, HandOver units, Ledger ledger, List<ShareLine> lines,
                            boolean reversed) {
        List<Share> shares = policy.shares(units);
        Posting.Builder p = Posting.builder(id + " " + what + " line " + units.line(), at);
        Account retailerDue = Account.of(retailer, AccountKind.DUE);
        for (Share s : shares) {
            if (!s.amount().getCurrencyUnit().equals(units.paid().getCurrencyUnit())) {
                throw new IllegalArgumentException("share of " + s.stakeholder() + " for order " + id + " must be in "
                        + units.paid().getCurrencyUnit() + ", was " + s.amount());
            }
            Account theirs = Account.of(s.stakeholder(), AccountKind.DUE);
            if (reversed) {
                p.debit(theirs, s.amount()).credit(retailerDue, s.amount());
            } else {
                p.debit(retailerDue, s.amount()).credit(theirs, s.amount());
            }
            lines.add(new ShareLine(units, s, reversed, at));
        }
        if (!p.isEmpty()) {
            ledger.post(p.build());
        }
    }

    /** Units of a line handed over by one fulfilment, numbered from {@code first} within the line. */
    private record Segment(String fulfilment, Instant at, int first, HandOver units) {
    }

    /** Per line, the units handed over in the order they were, each run with its place in the line. */
    private Map<LineId, List<Segment>> handOvers(OrderId id, OrderFacts f, PaidPerUnit paid) {
        record Raw(FulfilmentId fulfilment, Instant at, FulfilmentEvent.FulfilmentOffered offered, LocationId by,
                   LineId line, int units) {
        }
        List<Raw> raws = new ArrayList<>();
        for (Map.Entry<FulfilmentId, TreeMap<Long, FulfilmentEvent>> e : f.fulfilments.entrySet()) {
            FulfilmentEvent first = e.getValue().firstEntry().getValue();
            if (!(first instanceof FulfilmentEvent.FulfilmentOffered offered)) {
                continue;
            }
            Map<LineId, Integer> left = new LinkedHashMap<>();
            for (FulfilmentLine l : offered.lines()) {
                left.merge(l.line(), l.quantity(), Integer::sum);
            }
            for (FulfilmentEvent ev : e.getValue().values()) {
                if (ev instanceof FulfilmentEvent.FulfilmentRejected r) {
                    takeOff(left, r.units());
                } else if (ev instanceof FulfilmentEvent.FulfilmentCancelled c) {
                    takeOff(left, c.units());
                } else if (ev instanceof FulfilmentEvent.FulfilmentExpired x) {
                    takeOff(left, x.units());
                } else if ((ev instanceof FulfilmentEvent.FulfilmentShipped && !offered.kind().isCollected())
                        || ev instanceof FulfilmentEvent.FulfilmentCollected) {
                    LocationId by = ev instanceof FulfilmentEvent.FulfilmentCollected c ? c.store() : null;
                    for (Map.Entry<LineId, Integer> l : left.entrySet()) {
                        if (l.getValue() > 0) {
                            raws.add(new Raw(e.getKey(), ev.occurredAt(), offered, by, l.getKey(), l.getValue()));
                        }
                    }
                    left.replaceAll((line, n) -> 0);
                }
            }
        }
        raws.sort(Comparator.comparing(Raw::at).thenComparing(r -> r.fulfilment().value()));
        Map<LineId, List<Segment>> byLine = new HashMap<>();
        Map<LineId, Integer> counted = new HashMap<>();
        for (Raw r : raws) {
            Optional<OrderLine> line = f.placed.line(r.line());
            if (line.isEmpty()) {
                continue;
            }
            int before = counted.getOrDefault(r.line(), 0);
            int units = Math.min(r.units(), line.get().quantity() - before);
            if (units <= 0) {
                continue;
            }
            counted.put(r.line(), before + units);
            LocationType type = network.find(r.offered().location()).map(Location::type)
                    .orElse(r.offered().kind() == FulfilmentKind.DROP_SHIP ? LocationType.DROP_SHIPPER : LocationType.WAREHOUSE);
            HandOver h = new HandOver(id, f.placed.channel(), r.line(), line.get().sku(), line.get().seller(),
                    r.offered().location(), type, r.offered().kind(), r.by(), units, paid.goods(r.line(), before, units));
            byLine.computeIfAbsent(r.line(), k -> new ArrayList<>()).add(new Segment(r.fulfilment().value(), r.at(), before, h));
        }
        return byLine;
    }

    private static void takeOff(Map<LineId, Integer> left, List<LineQuantity> units) {
        for (LineQuantity q : units) {
            left.computeIfPresent(q.line(), (line, n) -> Math.max(0, n - q.quantity()));
        }
    }

    private static HandOver reshaped(HandOver h, int units, Money paid) {
        return new HandOver(h.order(), h.channel(), h.line(), h.sku(), h.seller(), h.location(), h.locationType(), h.kind(),
                h.handedOverBy(), units, paid);
    }
}

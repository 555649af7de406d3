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
import io.omskit.reporting.funds.spi.MarketplaceCollection;
import io.omskit.reporting.funds.spi.Share;
import io.omskit.reporting.funds.spi.Stakeholder;
import io.omskit.reporting.funds.spi.StakeholderPolicy;
import io.omskit.returns.rma.Refund;
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
 * them ({@link PaidPerUnit}), unit by unit in the order they were handed over.
 *
 * <p>Taking money back follows one rule: <b>each party gives back the share the units gave it</b>.
 * <ul>
 *   <li>A refund to the customer's payment or to <b>store credit</b> reverses, for the units it pays back, each party's
 *   share of exactly those units (as their hand-over granted it); the refunded amount then leaves the retailer's due,
 *   to the provider receivable for a refund, to the retailer's {@link AccountKind#STORE_CREDIT} (owed to the customer
 *   in goods) for store credit. A refund of shipping only (no units) is the retailer's alone.</li>
 *   <li>A <b>chargeback</b> ({@link #acceptChargeback}) names no units: the amount the cardholder's bank took is taken
 *   from the parties in proportion to what the order owes each of them then (the net of every share its hand-overs,
 *   refunds and earlier chargebacks posted, the retailer holding the rest), by largest remainder in minor units, the
 *   retailer taking any amount beyond what the order owes; a reversal gives back in proportion to what the
 *   chargebacks took from each, the retailer taking the rest. Chargebacks are posted in the order of their time.</li>
 * </ul>
 *
 * <p>An order of a channel an outside marketplace collects for ({@link MarketplaceCollection}) is not paid through the
 * retailer's provider: its captures are held by the marketplace ({@link AccountKind#MARKETPLACE_RECEIVABLE}, not the
 * provider receivable, and not among {@link #expectedMovements()}), the marketplace's commission on each capture is its
 * due (given back on refunds at the same rate), and the retailer's due holds the rest. What the marketplace owes the
 * retailer is {@link #marketplaceOwes}.
 *
 * <p>So every captured, refunded, store-credited or charged-back cent is in exactly one account: the parties' due
 * accounts plus store credit add up to captured less refunded less charged back, which the provider and marketplace
 * receivables hold.
 *
 * <p>Thread-safe.
 */
public final class FundsBook {

    private final Network network;
    private final StakeholderPolicy policy;
    private final Stakeholder retailer;

    private final List<MarketplaceCollection> collections;

    private final Set<UUID> seen = new HashSet<>();
    private final Set<String> chargebacksSeen = new HashSet<>();
    private final Map<OrderId, OrderFacts> orders = new LinkedHashMap<>();

    private FundsBook(Network network, StakeholderPolicy policy, Stakeholder retailer, List<MarketplaceCollection> collections) {
        this.network = network;
        this.policy = policy;
        this.retailer = retailer;
        this.collections = collections;
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
        return new FundsBook(network, policy, retailer, List.of());
    }

    /**
     * A funds book in which outside marketplaces collect the payment of the orders of their channels.
     *
     * @param collections at most one per channel
     * @throws IllegalArgumentException when an argument is null, {@code retailer} is not a retailer or a channel is
     *                                  named twice
     */
    public static FundsBook of(Network network, StakeholderPolicy policy, Stakeholder retailer,
                               List<MarketplaceCollection> collections) {
        FundsBook plain = of(network, policy, retailer);
        List<MarketplaceCollection> all = Checks.list(collections, "collections");
        Set<io.omskit.core.channel.Channel> channels = new HashSet<>();
        for (MarketplaceCollection c : all) {
            if (!channels.add(c.channel())) {
                throw new IllegalArgumentException("collections must name each channel once, " + c.channel() + " appears twice");
            }
        }
        return new FundsBook(plain.network, plain.policy, plain.retailer, all);
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
            facts(r.orderId()).refundsMade.putIfAbsent(r.refundKey(), new RefundMade(r.refundKey(), r.occurredAt(), r.amount(), false));
        } else if (event instanceof ReturnEvent.StoreCreditIssued c) {
            facts(c.orderId()).refundsMade.putIfAbsent(c.refundKey(), new RefundMade(c.refundKey(), c.occurredAt(), c.amount(), true));
        }
        return true;
    }

    /**
     * Takes in a chargeback of an order (from the provider's settlement: Adyen's {@code Chargeback}, Stripe's
     * {@code dispute}), or its reversal: the cardholder's bank took {@code amount} back (or gave it back, when negative).
     * It is taken from the parties as the class says. A reference seen before changes nothing.
     *
     * @param reference the provider's reference of the chargeback, unique per chargeback and per reversal
     * @param amount    taken back when positive, given back when negative; in the order's currency
     * @return whether the book changed
     * @throws IllegalArgumentException when a value is missing, blank or zero
     */
    public synchronized boolean acceptChargeback(OrderId order, String reference, Money amount, Instant at) {
        Checks.notNull(order, "order");
        Checks.notBlank(reference, "reference");
        Checks.notNull(amount, "amount");
        Checks.notNull(at, "at");
        if (amount.isZero()) {
            throw new IllegalArgumentException("amount of chargeback " + reference + " must not be zero");
        }
        if (!chargebacksSeen.add(reference)) {
            return false;
        }
        facts(order).chargebacks.add(new Chargeback(reference, at, amount));
        return true;
    }

    /**
     * What {@code marketplace} owes the retailer in {@code currency}: what it collected for the orders of its channel,
     * less what it refunded, less its commission; negative when the retailer owes it.
     */
    public Money marketplaceOwes(Stakeholder marketplace, CurrencyUnit currency) {
        Checks.notNull(marketplace, "marketplace");
        Checks.notNull(currency, "currency");
        Ledger ledger = ledger();
        return ledger.balance(Account.of(marketplace, AccountKind.MARKETPLACE_RECEIVABLE), currency).minus(ledger.owedTo(marketplace, currency));
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
        Money storeCredit = Money.zero(currency);
        for (RefundMade r : f.refundsMade.values()) {
            storeCredit = r.storeCredit() ? storeCredit.plus(r.amount()) : storeCredit;
        }
        Money chargedBack = Money.zero(currency);
        for (Chargeback c : f.chargebacks) {
            chargedBack = chargedBack.plus(c.amount());
        }
        return Optional.of(new OrderFunds(id, currency, moved[0], moved[1], storeCredit, chargedBack, owed, shares));
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
        final Map<String, RefundMade> refundsMade = new LinkedHashMap<>();
        final List<Chargeback> chargebacks = new ArrayList<>();
    }

    /** A refund made: to the customer's payment, or as store credit. */
    private record RefundMade(String key, Instant at, Money amount, boolean storeCredit) {
    }

    private record Chargeback(String reference, Instant at, Money amount) {
    }

    private OrderFacts facts(OrderId id) {
        return orders.computeIfAbsent(id, k -> new OrderFacts());
    }

    private static boolean movesMoney(DomainEvent e) {
        return e instanceof OrderEvent.OrderPlaced || e instanceof OrderEvent.OrderPaymentUpdated
                || e instanceof FulfilmentEvent.FulfilmentOffered || e instanceof FulfilmentEvent.FulfilmentRejected
                || e instanceof FulfilmentEvent.FulfilmentCancelled || e instanceof FulfilmentEvent.FulfilmentExpired
                || e instanceof FulfilmentEvent.FulfilmentShipped || e instanceof FulfilmentEvent.FulfilmentCollected
                || e instanceof ReturnEvent.RefundRequested || e instanceof ReturnEvent.ReturnRefunded
                || e instanceof ReturnEvent.StoreCreditIssued;
    }

    // ---- the postings ----

    /** Posts the order's money to {@code ledger}; returns what it captured and refunded. */
    private Money[] post(OrderId id, OrderFacts f, Ledger target, List<ShareLine> shares, List<ProviderMovement> movements) {
        Ledger ledger = new Ledger();
        Money[] moved = postPayments(id, f, ledger, movements);
        PaidPerUnit paid = PaidPerUnit.of(f.placed);
        Map<LineId, List<Segment>> handedOver = handOvers(id, f, paid);
        List<Segment> inTime = new ArrayList<>();
        handedOver.values().forEach(inTime::addAll);
        inTime.sort(Comparator.comparing(Segment::at));
        for (Segment s : inTime) {
            postShares(id, "handed over " + s.fulfilment, s.at, s.units, ledger, shares, false);
        }
        for (RefundMade made : f.refundsMade.values()) {
            Refund asked = f.refundsAsked.get(made.key());
            if (asked == null) {
                continue;
            }
            for (Refund.RefundedUnits u : asked.units()) {
                for (Segment s : handedOver.getOrDefault(u.line(), List.of())) {
                    int from = Math.max(u.before(), s.first);
                    int to = Math.min(u.before() + u.units(), s.first + s.units.units());
                    if (from < to) {
                        HandOver back = reshaped(s.units, to - from, paid.goods(u.line(), from, to - from));
                        postShares(id, "refund " + made.key(), made.at(), back, ledger, shares, true);
                    }
                }
            }
            if (made.storeCredit() && made.amount().isPositive()) {
                ledger.post(Posting.builder(id + " store credit " + made.key(), made.at())
                        .debit(Account.of(retailer, AccountKind.DUE), made.amount())
                        .credit(Account.of(retailer, AccountKind.STORE_CREDIT), made.amount()).build());
            }
        }
        postChargebacks(id, f, ledger);
        target.postAll(ledger);
        return moved;
    }

    /** The order's chargebacks, taken from the parties in proportion to what the order owes each (see the class). */
    private void postChargebacks(OrderId id, OrderFacts f, Ledger ledger) {
        if (f.chargebacks.isEmpty()) {
            return;
        }
        CurrencyUnit currency = f.placed.currency();
        Account holder = collection(f.placed) == null ? Account.of(retailer, AccountKind.PROVIDER_RECEIVABLE)
                : Account.of(collection(f.placed).marketplace(), AccountKind.MARKETPLACE_RECEIVABLE);
        Map<Stakeholder, Long> takenSoFar = new TreeMap<>();
        List<Chargeback> inTime = new ArrayList<>(f.chargebacks);
        inTime.sort(Comparator.comparing(Chargeback::at).thenComparing(Chargeback::reference));
        for (Chargeback c : inTime) {
            if (!c.amount().getCurrencyUnit().equals(currency)) {
                throw new IllegalArgumentException("chargeback " + c.reference() + " of order " + id + " must be in " + currency
                        + ", was " + c.amount());
            }
            boolean reversal = c.amount().isNegative();
            // a chargeback weighs what the order owes each party now; a reversal what the chargebacks took from each
            List<Stakeholder> parties = new ArrayList<>();
            List<Long> weights = new ArrayList<>();
            for (Account a : ledger.accounts()) {
                if (a.kind() == AccountKind.DUE && !a.owner().equals(retailer)) {
                    parties.add(a.owner());
                }
            }
            parties.add(retailer);
            long total = 0;
            for (Stakeholder party : parties) {
                long w = reversal ? takenSoFar.getOrDefault(party, 0L) : ledger.owedTo(party, currency).getAmountMinorLong();
                weights.add(Math.max(0, w));
                total += Math.max(0, w);
            }
            long amount = Math.abs(c.amount().getAmountMinorLong());
            long spread = Math.min(amount, total);
            long[] taken = largestRemainder(spread, weights);
            taken[taken.length - 1] += amount - spread;
            Posting.Builder p = Posting.builder(id + " chargeback " + c.reference(), c.at());
            for (int i = 0; i < taken.length; i++) {
                Money share = Money.ofMinor(currency, taken[i]);
                Account due = Account.of(parties.get(i), AccountKind.DUE);
                if (reversal) {
                    p.credit(due, share);
                    takenSoFar.merge(parties.get(i), -taken[i], Long::sum);
                } else {
                    p.debit(due, share);
                    takenSoFar.merge(parties.get(i), taken[i], Long::sum);
                }
            }
            if (reversal) {
                p.debit(holder, Money.ofMinor(currency, amount));
            } else {
                p.credit(holder, Money.ofMinor(currency, amount));
            }
            ledger.post(p.build());
        }
    }

    /** {@code amount} spread over {@code weights} in proportion, by largest remainder; all zero when the weights are. */
    private static long[] largestRemainder(long amount, List<Long> weights) {
        long[] out = new long[weights.size()];
        long total = 0;
        for (long w : weights) {
            total += w;
        }
        if (total == 0 || amount == 0) {
            return out;
        }
        java.math.BigInteger big = java.math.BigInteger.valueOf(total);
        long given = 0;
        long[] remainders = new long[out.length];
        for (int i = 0; i < out.length; i++) {
            java.math.BigInteger[] qr = java.math.BigInteger.valueOf(amount).multiply(java.math.BigInteger.valueOf(weights.get(i)))
                    .divideAndRemainder(big);
            out[i] = qr[0].longValueExact();
            remainders[i] = qr[1].longValueExact();
            given += out[i];
        }
        Integer[] order = new Integer[out.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Long.compare(remainders[b], remainders[a]));
        for (int i = 0; given < amount; i++) {
            out[order[i % order.length]]++;
            given++;
        }
        return out;
    }

    /** The marketplace that collects the payment of {@code order}; null when the retailer's provider does. */
    private MarketplaceCollection collection(Order order) {
        for (MarketplaceCollection c : collections) {
            if (c.channel() == order.channel()) {
                return c;
            }
        }
        return null;
    }

    /** Captures and refunds, from the order's payment after each update; returns what it captured and refunded. */
    private Money[] postPayments(OrderId id, OrderFacts f, Ledger ledger, List<ProviderMovement> movements) {
        CurrencyUnit currency = f.placed.currency();
        Money captured = Money.zero(currency);
        Money refunded = Money.zero(currency);
        PaymentSummary before = null;
        MarketplaceCollection collected = collection(f.placed);
        Account receivable = collected == null ? Account.of(retailer, AccountKind.PROVIDER_RECEIVABLE)
                : Account.of(collected.marketplace(), AccountKind.MARKETPLACE_RECEIVABLE);
        Account due = Account.of(retailer, AccountKind.DUE);
        Account commission = collected == null ? null : Account.of(collected.marketplace(), AccountKind.DUE);
        for (Map.Entry<Long, PaymentFact> e : f.payments.entrySet()) {
            PaymentSummary now = e.getValue().payment();
            Instant at = e.getValue().at();
            Money capture = now.captured().minus(captured);
            if (capture.isPositive()) {
                String key = goneCapture(before, now);
                if (ledger != null) {
                    Posting.Builder p = Posting.builder(id + " capture v" + e.getKey(), at).debit(receivable, capture).credit(due, capture);
                    if (collected != null) {
                        Money kept = capture.multipliedBy(collected.commission(), java.math.RoundingMode.HALF_UP);
                        p.debit(due, kept).credit(commission, kept);
                    }
                    ledger.post(p.build());
                }
                if (collected == null) {
                    movements.add(new ProviderMovement(id, ProviderMovement.Kind.CAPTURE, capture, at, key));
                }
                captured = now.captured();
            }
            Money refund = now.refunded().minus(refunded);
            if (refund.isPositive()) {
                if (ledger != null) {
                    Posting.Builder p = Posting.builder(id + " refund v" + e.getKey(), at).debit(due, refund).credit(receivable, refund);
                    if (collected != null) {
                        Money back = refund.multipliedBy(collected.commission(), java.math.RoundingMode.HALF_UP);
                        p.debit(commission, back).credit(due, back);
                    }
                    ledger.post(p.build());
                }
                if (collected == null) {
                    movements.add(new ProviderMovement(id, ProviderMovement.Kind.REFUND, refund, at, ""));
                }
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

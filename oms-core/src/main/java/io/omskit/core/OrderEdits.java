package io.omskit.core;

import io.omskit.core.CustomerService.Acted;
import io.omskit.core.common.Change;
import io.omskit.core.common.Checks;
import io.omskit.core.common.Problem;
import io.omskit.core.common.ValidationException;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.FulfilmentStatus;
import io.omskit.core.fulfilment.IllegalFulfilmentTransitionException;
import io.omskit.core.inventory.ReservationChange;
import io.omskit.core.inventory.ReservationLine;
import io.omskit.core.inventory.ReservationResult;
import io.omskit.core.inventory.Shortage;
import io.omskit.core.order.Actor;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.CommandKey;
import io.omskit.core.order.LineAllocation;
import io.omskit.core.order.LineEdit;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderCommand;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderLine;
import io.omskit.core.order.OrderTransitions;
import io.omskit.core.order.OrderValidator;
import io.omskit.core.order.UnitCounts;
import io.omskit.core.order.UnitState;
import io.omskit.core.payment.PaymentOutcome;
import io.omskit.core.payment.PaymentResult;
import io.omskit.core.payment.PaymentStatus;
import io.omskit.core.payment.PaymentSummary;
import io.omskit.core.payment.Tender;
import io.omskit.core.permission.ActionPolicy;
import io.omskit.core.permission.Verdict;
import io.omskit.core.spi.Catalog;
import io.omskit.core.spi.InventoryStore;
import io.omskit.core.spi.PaymentGateway;
import io.omskit.core.spi.PaymentRequest;
import io.omskit.core.spi.SpiException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joda.money.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Editing an order's lines before the goods move: lines added, removed or given another quantity, with the stock
 * reserved or released and the payment authorised for the difference or partly voided, all or nothing. What it
 * promises is written on {@link CustomerService#editLines}.
 *
 * <p>The steps, each safe to repeat: (1) the order's reservation is grown, in place, to hold what the edited order
 * will have reserved (all or nothing; short, the edit is refused); (2) when the edit costs more, a tender for the
 * difference is recorded on the order (the intent), then authorised under a key derived from the edit key; (3) the
 * edited lines (raises reserved, open and reserved units cancelled) and the tender's authorisation are saved in one
 * step, marked with the edit key; (4) units fulfilments hold that the edit cancels are cancelled through them, each
 * fulfilment once per key; (5) the edit is marked done, the stock trimmed to the order and the money settled (what the
 * edit made unnecessary is voided, in reverse charge order). A failure before (3) puts the stock back and leaves the
 * tender to be asked again under the same key: the retry finishes the edit, and any other edit or a cancellation of
 * the order undoes its payment. After (3) the retry only finishes (4) and (5).
 */
final class OrderEdits {

    private static final Logger LOG = LoggerFactory.getLogger(OrderEdits.class);
    /** The longest edit key: the provider's key holds the order id and a digest of it too. */
    static final int MAX_EDIT_KEY_LENGTH = 80;
    private static final String TENDER_PREFIX = "edit-";

    /** Fulfilment statuses at which the goods have begun to move: from picking on. */
    private static final Set<FulfilmentStatus> MOVING = java.util.EnumSet.of(FulfilmentStatus.PICKING,
            FulfilmentStatus.READY_TO_SHIP, FulfilmentStatus.READY_FOR_COLLECTION, FulfilmentStatus.SHIPPED,
            FulfilmentStatus.DELIVERED, FulfilmentStatus.COLLECTED);

    private final OrderBook book;
    private final StockKeeper stock;
    private final Settlement settlement;
    private final Fulfilments fulfilments;
    private final InventoryStore inventory;
    private final PaymentGateway payments;
    private final Catalog catalog;
    private final ActionPolicy policy;
    private final OrderValidator.Limits limits;
    private final Clock clock;

    OrderEdits(OrderBook book, StockKeeper stock, Settlement settlement, Fulfilments fulfilments, InventoryStore inventory,
               PaymentGateway payments, Catalog catalog, ActionPolicy policy, OrderValidator.Limits limits, Clock clock) {
        this.book = book;
        this.stock = stock;
        this.settlement = settlement;
        this.fulfilments = fulfilments;
        this.inventory = inventory;
        this.payments = payments;
        this.catalog = catalog;
        this.policy = policy;
        this.limits = limits;
        this.clock = clock;
    }

    /** The id of the tender that pays for the edit keyed {@code editKey}: fixed by the key, short enough for a tender. */
    static String tenderId(String editKey) {
        String digest = com.google.common.hash.Hashing.sha256().hashString(editKey, StandardCharsets.UTF_8).toString();
        return TENDER_PREFIX + digest.substring(0, 20);
    }

    Acted<Order> editLines(OrderId id, Actor actor, List<LineEdit> edits, String editKey) {
        Checks.notNull(id, "id");
        Checks.notNull(actor, "actor");
        Checks.notNull(edits, "edits");
        Checks.maxLength(Checks.identifier(editKey, "editKey"), MAX_EDIT_KEY_LENGTH, "editKey");
        List<LineEdit> asked = new ArrayList<>(edits);
        CommandKey done = CommandKey.of(OrderCommand.EDIT_LINES, editKey);
        String tenderId = tenderId(editKey);
        return book.locked(id, () -> {
            Order order = book.current(id);
            if (order.applied(done)) {
                // an earlier call may have stopped after its last save: the stock and the money follow the order
                stock.syncStock(order, null, Set.of(), false);
                return new Acted<>(settlement.settle(id), Verdict.allow());
            }
            try {
                if (order.applied(linesSaved(editKey))) {
                    // checked and saved by an earlier call: what it left is cancelling units fulfilments hold
                    return edit(id, actor, asked, editKey, tenderId);
                }
                order = undoOtherEdits(order, tenderId);
                List<Problem> problems = problems(order, asked);
                if (!problems.isEmpty()) {
                    throw new ValidationException("the line edits of order " + id, problems);
                }
                Verdict verdict = admissible(order, actor, asked);
                if (verdict.refused()) {
                    undoPayment(order, tenderId);
                    return new Acted<>(null, verdict);
                }
                return edit(id, actor, asked, editKey, tenderId);
            } catch (RuntimeException e) {
                putStockBack(id, e);
                throw e;
            }
        });
    }

    // ---- the steps ----

    private Acted<Order> edit(OrderId id, Actor actor, List<LineEdit> edits, String editKey, String tenderId) {
        CommandKey linesSaved = linesSaved(editKey);
        Order order = book.current(id);
        if (!order.applied(linesSaved)) {
            Acted<Order> refused = editOwnLines(order, actor, edits, editKey, tenderId);
            if (refused != null) {
                return refused;
            }
        }
        String refusal = cancelHeldUnits(book.current(id), actor, edits, editKey);
        if (refusal != null) {
            // only when a fulfilment began picking between a failed call and its retry (or on another node)
            return new Acted<>(null, Verdict.refuse(CustomerService.CHANGE_BEFORE_PICKING, refusal));
        }
        CommandKey done = CommandKey.of(OrderCommand.EDIT_LINES, editKey);
        Order after = book.markApplied(id, done);
        stock.syncStock(after, null, Set.of(), false);
        return new Acted<>(settlement.settle(id), Verdict.allow());
    }

    /** The key marking that the order's own part of the edit (lines, tender) is saved: the held units may follow. */
    private static CommandKey linesSaved(String editKey) {
        return CommandKey.of(OrderCommand.EDIT_LINES, "lines:" + editKey);
    }

    /**
     * Reserves, pays for and saves the order's own part of the edit: its lines edited, the units no fulfilment holds
     * cancelled, the tender for the difference authorised. The refusal, when refused; null when saved.
     */
    private Acted<Order> editOwnLines(Order order, Actor actor, List<LineEdit> edits, String editKey, String tenderId) {
        OrderId id = order.id();
        Tender own = order.payment().tender(tenderId).orElse(null);
        if (own == null || !inDoubt(own)) {
            // the money in line first, so that the difference is all the edit has to authorise
            order = settlement.settle(id);
        }
        if (own != null && !inDoubt(own)) {
            return new Acted<>(null, Verdict.refuse(CustomerService.EDIT_UNDONE, "edit " + editKey + " of order " + id
                    + " was undone after its payment stayed in doubt while the order changed; ask again with a new key"));
        }
        Money topUp = own != null ? own.amount() : orderValueAfter(order, actor, edits).minus(order.valueNotCancelled());
        boolean pays = own != null || topUp.isPositive() && !order.paymentRef().isEmpty();
        Verdict held = reserve(order, actor, edits);
        if (held.refused()) {
            undoPayment(order, tenderId);
            return new Acted<>(null, held);
        }
        String reference = null;
        if (pays) {
            PaymentResult result = authorise(id, tenderId, topUp);
            if (result.outcome() == PaymentOutcome.DECLINED) {
                Order after = dropTender(id, tenderId, result);
                stock.syncStock(after, null, Set.of(), false);
                return new Acted<>(null, Verdict.refuse(CustomerService.EDIT_PAYMENT_DECLINED, "the payment provider declined "
                        + "authorising " + topUp + " more for order " + id + ": "
                        + (result.message().isEmpty() ? "declined" : result.message())));
            }
            reference = result.reference();
        }
        String ref = reference;
        Instant now = clock.instant();
        CommandKey linesSaved = linesSaved(editKey);
        OrderBook.Applied applied = book.update(id, o -> {
            if (o.applied(linesSaved)) {
                return Change.unchanged(o);
            }
            Change<Order, io.omskit.core.order.OrderEvent> change = o.editLines(actor, freeOnly(o, edits), now);
            if (ref != null) {
                change = change.then(p -> {
                    Tender t = p.payment().tender(tenderId).orElseThrow();
                    return p.recordPayment("authorise " + tenderId, PaymentOutcome.SUCCEEDED,
                            p.payment().withTender(t.authorisedAs(ref)), now);
                });
            }
            return OrderBook.withKey(change, linesSaved);
        });
        stock.syncStock(applied.after(), applied.before(), Set.of(), false);
        LOG.debug("order {} lines edited: {} edit(s), value {} -> {}", id, edits.size(), applied.before().valueNotCancelled(),
                applied.after().valueNotCancelled());
        return null;
    }

    /**
     * Sets the order's reservation to hold what its reserved units will be once the edit's units no fulfilment holds
     * are cancelled and its raises reserved; refused when short. Nothing to hold more: nothing is asked.
     */
    private Verdict reserve(Order order, Actor actor, List<LineEdit> edits) {
        Order edited = order.editLines(actor, freeOnly(order, edits), clock.instant()).state();
        boolean grows = false;
        for (OrderLine l : edited.lines()) {
            int before = order.line(l.id()).map(x -> x.units().reserved()).orElse(0);
            grows |= l.units().reserved() > before;
        }
        if (!grows) {
            return Verdict.allow();
        }
        // only ever grown here: what the edit releases is trimmed once it is saved, so a refusal finds the stock as it was
        Map<io.omskit.core.catalog.Sku, Integer> most = new LinkedHashMap<>();
        for (ReservationLine l : stock.reservationLines(order, UnitState.RESERVED)) {
            most.merge(l.sku(), l.quantity(), Integer::sum);
        }
        Map<io.omskit.core.catalog.Sku, Integer> after = new LinkedHashMap<>();
        for (ReservationLine l : stock.reservationLines(edited, UnitState.RESERVED)) {
            after.merge(l.sku(), l.quantity(), Integer::sum);
        }
        after.forEach((sku, n) -> most.merge(sku, n, Math::max));
        List<ReservationLine> wanted = new ArrayList<>();
        most.forEach((sku, n) -> wanted.add(ReservationLine.anywhere(sku, n)));
        // a fresh key each time: the lines are what it must hold, so asking again holds no more, while a key used
        // before would replay and leave what a failure trimmed since
        String changeKey = "edit-" + java.util.UUID.randomUUID();
        ReservationResult result = inventory.change(new ReservationChange(StockKeeper.reservationKey(order), changeKey,
                StockKeeper.stockReference(order.id()), wanted, null));
        if (result instanceof ReservationResult.Insufficient short_) {
            List<String> lacking = new ArrayList<>();
            for (Shortage s : short_.shortages()) {
                lacking.add(s.sku() + (s.location() == null ? "" : " at " + s.location()) + ": " + s.available()
                        + " available, " + s.requested() + " needed");
            }
            return Verdict.refuse(CustomerService.EDIT_STOCK_SHORT, "order " + order.id() + " cannot hold the edited lines: "
                    + String.join("; ", lacking));
        }
        return Verdict.allow();
    }

    /**
     * Records the tender for the difference (once) and asks the provider to authorise it under its key; records an
     * unknown or unreached answer and throws, so that the retry asks again under the same key.
     */
    private PaymentResult authorise(OrderId id, String tenderId, Money topUp) {
        Instant now = clock.instant();
        Order order = book.apply(id, o -> o.payment().tender(tenderId).isPresent() ? Change.unchanged(o)
                : o.recordPayment("authorise " + tenderId + " requested", PaymentOutcome.NOT_ATTEMPTED,
                withTender(o, Tender.planned(tenderId, lastTender(o).type(), o.paymentRef(), topUp, Money.zero(o.currency()),
                        lastTender(o).refundRank()).with(PaymentStatus.NOT_ATTEMPTED, "")), now));
        Tender t = order.payment().tender(tenderId).orElseThrow();
        PaymentResult result = payments.execute(new PaymentRequest(PaymentRequest.Kind.AUTHORISE,
                Settlement.authorisationKey(order, t), id, t.toAuthorise(), t.paymentRef()));
        if (result.outcome() == PaymentOutcome.UNKNOWN || result.outcome() == PaymentOutcome.NOT_ATTEMPTED) {
            PaymentStatus status = result.outcome() == PaymentOutcome.UNKNOWN ? PaymentStatus.UNKNOWN : PaymentStatus.NOT_ATTEMPTED;
            book.update(id, o -> {
                Tender now1 = o.payment().tender(tenderId).orElse(null);
                // an earlier call of the same key that ended unknown may have authorised: "not attempted" cannot undo that
                if (now1 == null || now1.status() == status || now1.status() == PaymentStatus.UNKNOWN) {
                    return Change.unchanged(o);
                }
                return o.recordPayment("authorise " + tenderId, result.outcome(),
                        o.payment().withTender(now1.with(status, result.message())), clock.instant());
            });
            throw new SpiException("authorising " + t.toAuthorise() + " more for the line edit of order " + id + " ended "
                    + result.outcome() + "; call editLines again with the same key to finish or undo it", null, true);
        }
        return result;
    }

    /**
     * Cancels, through the fulfilments that hold them, the units the edit cancels beyond the open and reserved ones;
     * each fulfilment once per edit key. The reason, when a fulfilment has begun picking meanwhile; null when done.
     */
    private String cancelHeldUnits(Order order, Actor actor, List<LineEdit> edits, String editKey) {
        Map<String, List<LineQuantity>> byFulfilment = new LinkedHashMap<>();
        for (LineEdit e : edits) {
            if (e.kind() == LineEdit.Kind.ADD) {
                continue;
            }
            OrderLine line = order.line(e.line()).orElseThrow();
            int held = fromHeld(line, e);
            for (LineAllocation a : order.allocations()) {
                if (held == 0) {
                    break;
                }
                if (a.line().equals(line.id()) && a.allocated() > 0) {
                    int n = Math.min(held, a.allocated());
                    byFulfilment.computeIfAbsent(a.allocationKey(), k -> new ArrayList<>()).add(LineQuantity.of(line.id(), n));
                    held -= n;
                }
            }
        }
        for (Map.Entry<String, List<LineQuantity>> e : byFulfilment.entrySet()) {
            try {
                fulfilments.cancel(FulfilmentId.of(e.getKey()), e.getValue(), CancellationReason.CUSTOMER_REQUEST,
                        "edit/" + editKey, actor);
            } catch (IllegalFulfilmentTransitionException moved) {
                return "fulfilment " + e.getKey() + " of order " + order.id() + " has begun to move: "
                        + "an order's lines are changed only before their goods are picked";
            }
        }
        return null;
    }

    /** Records the authorisation the provider gave the edit's tender, for the settlement to void when not needed. */
    private void recordAuthorised(OrderId id, String tenderId, String reference) {
        if (reference == null) {
            return;
        }
        book.update(id, o -> {
            Tender t = o.payment().tender(tenderId).orElse(null);
            if (t == null || t.holdsAuthorisation() || t.status() == PaymentStatus.VOIDED) {
                return Change.unchanged(o);
            }
            return o.recordPayment("authorise " + tenderId, PaymentOutcome.SUCCEEDED, o.payment().withTender(t.authorisedAs(reference)),
                    clock.instant());
        });
    }

    // ---- undoing ----

    /** Undoes the payment of every other edit still in doubt: their callers did not come back to finish them. */
    private Order undoOtherEdits(Order order, String ownTenderId) {
        for (Tender t : order.payment().tenders()) {
            if (t.id().startsWith(TENDER_PREFIX) && !t.id().equals(ownTenderId) && inDoubt(t)) {
                LOG.info("order {}: undoing the payment of an unfinished line edit (tender {})", order.id(), t.id());
                undoPayment(order, t.id());
            }
        }
        return book.current(order.id());
    }

    /**
     * Asks the provider again about the tender of an edit that will not be finished now, under its key, and gives back
     * what it authorised (voided by the settlement); a decline drops the tender. Nothing when there is no such tender.
     */
    private void undoPayment(Order order, String tenderId) {
        Tender t = order.payment().tender(tenderId).orElse(null);
        if (t == null || !inDoubt(t)) {
            return;
        }
        PaymentResult result = payments.execute(new PaymentRequest(PaymentRequest.Kind.AUTHORISE,
                Settlement.authorisationKey(order, t), order.id(), t.toAuthorise(), t.paymentRef()));
        if (result.outcome() == PaymentOutcome.UNKNOWN || result.outcome() == PaymentOutcome.NOT_ATTEMPTED) {
            throw new SpiException("the authorisation of line-edit tender " + tenderId + " of order " + order.id() + " is still "
                    + result.outcome() + "; call again to settle it", null, true);
        }
        if (result.succeeded()) {
            recordAuthorised(order.id(), tenderId, result.reference());
            settlement.settle(order.id());
        } else {
            dropTender(order.id(), tenderId, result);
        }
    }

    /** Drops a tender the provider declined: it never held money. An order that paid with one payment does so again. */
    private Order dropTender(OrderId id, String tenderId, PaymentResult declined) {
        return book.apply(id, o -> {
            Tender t = o.payment().tender(tenderId).orElse(null);
            if (t == null) {
                return Change.unchanged(o);
            }
            PaymentSummary p = o.payment();
            List<Tender> rest = new ArrayList<>(p.tenders());
            rest.remove(t);
            PaymentSummary next;
            if (rest.size() == 1 && rest.get(0).id().equals(Order.SINGLE_PAYMENT) && p.intents().stream().allMatch(i -> i.tender() == null)) {
                Tender single = rest.get(0);
                next = new PaymentSummary(p.status(), p.attempt(), single.authorisationRef(), p.authorised(), p.captured(),
                        p.refunded(), p.message(), List.of(), List.of());
            } else {
                next = new PaymentSummary(p.status(), p.attempt(), p.authorisationRef(), p.authorised(), p.captured(), p.refunded(),
                        p.message(), p.intents(), rest);
            }
            return o.recordPayment("authorise " + tenderId, PaymentOutcome.DECLINED, next, clock.instant());
        });
    }

    private void putStockBack(OrderId id, RuntimeException failure) {
        try {
            stock.syncStock(book.load(id), null, Set.of(), false);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    // ---- checks ----

    /** Every problem of the edits against the order, naming field, value and rule. */
    private List<Problem> problems(Order order, List<LineEdit> edits) {
        List<Problem> problems = new ArrayList<>();
        if (edits.isEmpty()) {
            problems.add(new Problem("edits", "[]", "must hold at least one edit"));
        }
        Set<LineId> seen = new HashSet<>();
        for (int i = 0; i < edits.size(); i++) {
            LineEdit e = edits.get(i);
            String at = "edits[" + i + "]";
            if (e == null) {
                problems.add(new Problem(at, "null", "must not be null"));
                continue;
            }
            if (!seen.add(e.line())) {
                problems.add(new Problem(at + ".line", e.line().value(), "must be edited once per request"));
            }
            OrderLine line = order.line(e.line()).orElse(null);
            if (e.kind() == LineEdit.Kind.ADD) {
                if (line != null) {
                    problems.add(new Problem(at + ".line", e.line().value(), "must be a new line id; order " + order.id() + " has it"));
                }
                if (e.sku() == null || catalog.find(e.sku()).isEmpty()) {
                    problems.add(new Problem(at + ".sku", String.valueOf(e.sku()), "must be a SKU of the catalog"));
                }
                if (e.quantity() <= 0 || e.quantity() > limits.maxLineQuantity()) {
                    problems.add(new Problem(at + ".quantity", String.valueOf(e.quantity()),
                            "must be 1 to " + limits.maxLineQuantity() + " for an added line"));
                }
                if (e.unitPrice() == null || !e.unitPrice().getCurrencyUnit().equals(order.currency()) || e.unitPrice().isNegative()) {
                    problems.add(new Problem(at + ".unitPrice", String.valueOf(e.unitPrice()),
                            "must be at least zero in the order's currency " + order.currency()));
                }
                continue;
            }
            if (line == null) {
                problems.add(new Problem(at + ".line", e.line().value(), "must be a line of order " + order.id()));
                continue;
            }
            int moved = gone(line.units());
            if (e.kind() == LineEdit.Kind.REMOVE && moved > 0) {
                problems.add(new Problem(at, e.toString(), "line " + line.id() + " has " + moved + " unit(s) picked, shipped or "
                        + "collected; change its quantity to at least " + moved + " instead"));
            } else if (e.kind() == LineEdit.Kind.CHANGE_QUANTITY && (e.quantity() < moved || e.quantity() < 0)) {
                problems.add(new Problem(at + ".quantity", String.valueOf(e.quantity()), "must be at least the " + moved
                        + " unit(s) of line " + line.id() + " already picked, shipped or collected"));
            } else if (e.kind() == LineEdit.Kind.CHANGE_QUANTITY
                    && (long) line.quantity() + Math.max(0, e.quantity() - line.units().active()) > limits.maxLineQuantity()) {
                problems.add(new Problem(at + ".quantity", String.valueOf(e.quantity()), "must leave line " + line.id()
                        + " at most " + limits.maxLineQuantity() + " units in all, cancelled ones included"));
            }
        }
        return problems;
    }

    /** The refusals that change nothing: the order's status, goods on the move, the policy, money needing people. */
    private Verdict admissible(Order order, Actor actor, List<LineEdit> edits) {
        if (!OrderTransitions.isAllowed(order.status(), OrderCommand.EDIT_LINES)) {
            return Verdict.refuse(CustomerService.EDIT_OPEN_ORDER, "order " + order.id() + " is " + order.status()
                    + ": lines are edited on a confirmed order that is not on hold, cancelled or handed over");
        }
        List<Fulfilment> ofOrder = fulfilments.forOrder(order.id());
        Map<String, Fulfilment> byId = new LinkedHashMap<>();
        for (Fulfilment f : ofOrder) {
            byId.put(f.id().value(), f);
        }
        for (LineEdit e : edits) {
            if (e.kind() == LineEdit.Kind.ADD) {
                continue;
            }
            OrderLine line = order.line(e.line()).orElseThrow();
            int held = fromHeld(line, e);
            for (LineAllocation a : order.allocations()) {
                if (held > 0 && a.line().equals(line.id()) && a.allocated() > 0) {
                    Fulfilment f = byId.get(a.allocationKey());
                    if (f != null && MOVING.contains(f.status())) {
                        return Verdict.refuse(CustomerService.CHANGE_BEFORE_PICKING, "fulfilment " + f.id() + " of order "
                                + order.id() + " is " + f.status() + ": line " + line.id() + " is changed only before its "
                                + "goods are picked");
                    }
                    held -= Math.min(held, a.allocated());
                }
            }
        }
        if (order.payment().hasDeclinedIntent()) {
            return Verdict.refuse(CustomerService.EDIT_PAYMENT_IN_LINE, "order " + order.id() + " has a payment the provider "
                    + "declined to settle; people must resolve it before its lines change");
        }
        return policy.mayChange(actor, order, ofOrder);
    }

    // ---- arithmetic ----

    /** Units of a line past the point of change: picked and packed, shipped, collected, delivered or returned. */
    private static int gone(UnitCounts u) {
        return u.ready() + u.shipped() + u.pickedUp() + u.delivered() + u.returned();
    }

    /** How many units the edit cancels from those fulfilments hold: what its open and reserved units cannot cover. */
    private static int fromHeld(OrderLine line, LineEdit e) {
        int cancel = line.units().active() - e.target();
        int free = line.units().open() + line.units().reserved();
        return Math.max(0, cancel - free);
    }

    /** The edits with each lowering limited to the line's open and reserved units: what the order itself cancels. */
    private static List<LineEdit> freeOnly(Order order, List<LineEdit> edits) {
        List<LineEdit> free = new ArrayList<>(edits.size());
        for (LineEdit e : edits) {
            OrderLine line = e.kind() == LineEdit.Kind.ADD ? null : order.line(e.line()).orElseThrow();
            int held = line == null ? 0 : fromHeld(line, e);
            free.add(held == 0 ? e : LineEdit.changeQuantity(e.line(), e.target() + held));
        }
        return free;
    }

    /** What the order's units not cancelled will be worth after {@code edits}, held units cancelled included. */
    private Money orderValueAfter(Order order, Actor actor, List<LineEdit> edits) {
        // the allocated units as open, so that the order itself may cancel them: only the value is wanted here
        List<OrderLine> lines = new ArrayList<>();
        for (OrderLine l : order.lines()) {
            UnitCounts u = l.units();
            lines.add(l.withUnits(new UnitCounts(u.open() + u.allocated(), u.reserved(), 0, u.ready(), u.shipped(), u.pickedUp(),
                    u.delivered(), u.cancelled(), u.returned())));
        }
        List<LineAllocation> ready = new ArrayList<>();
        for (LineAllocation a : order.allocations()) {
            if (a.ready() > 0) {
                ready.add(new LineAllocation(a.line(), a.location(), a.allocationKey(), a.inventoryKey(), 0, a.ready()));
            }
        }
        Order freed = new Order(order.id(), order.version(), order.channel(), order.externalRef(), order.customer(),
                order.currency(), order.delivery(), lines, order.discounts(), order.charges(), order.paymentRef(),
                order.payment(), order.hold(), order.placedAt(), order.confirmedAt(), ready, order.commandKeys(), List.of(),
                order.shipping(), order.notes());
        return freed.editLines(actor, edits, clock.instant()).state().valueNotCancelled();
    }

    /** Whether the edit's tender waits for the provider's answer: recorded, asked or unknown, nothing authorised yet. */
    private static boolean inDoubt(Tender t) {
        return t.status() == PaymentStatus.NOT_ATTEMPTED || t.status() == PaymentStatus.UNKNOWN
                || t.status() == PaymentStatus.NOT_REQUESTED;
    }

    /** The tender charged last, which pays an edit's difference: the order's several tenders' last, or its one payment. */
    private static Tender lastTender(Order order) {
        List<Tender> tenders = order.tenders();
        return tenders.get(tenders.size() - 1);
    }

    /** The order's payment with {@code added} as its last tender; an order paid with one payment gets it as a tender first. */
    private static PaymentSummary withTender(Order order, Tender added) {
        PaymentSummary p = order.payment();
        if (!p.intents().isEmpty() && !p.hasTenders()) {
            throw new SpiException("the payment of order " + order.id() + " has captures or voids waiting for the provider; "
                    + "call again once they are settled", null, true);
        }
        List<Tender> tenders = new ArrayList<>(order.tenders());
        tenders.add(added);
        return new PaymentSummary(p.status(), p.attempt(), null, p.authorised(), p.captured(), p.refunded(), p.message(),
                p.intents(), tenders);
    }
}

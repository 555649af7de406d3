package io.omskit.core;

import io.omskit.core.common.Change;
import io.omskit.core.common.Checks;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.inventory.ReservationRequest;
import io.omskit.core.inventory.ReservationResult;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.HoldReason;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderLine;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.order.OrderValidator;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.order.UnitState;
import io.omskit.core.channel.Channel;
import io.omskit.core.payment.AuthorisationTolerance;
import io.omskit.core.payment.PaymentIntent;
import io.omskit.core.payment.PaymentOutcome;
import io.omskit.core.payment.Tender;
import io.omskit.core.payment.TenderOrder;
import java.util.Map;
import io.omskit.core.spi.PaymentRequest;
import io.omskit.core.payment.PaymentResult;
import io.omskit.core.payment.PaymentStatus;
import io.omskit.core.payment.PaymentSummary;
import io.omskit.core.spi.InventoryStore;
import io.omskit.core.spi.PaymentGateway;
import io.omskit.core.spi.SaveOutcome;
import io.omskit.core.spi.SpiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Placement: an order from its request to confirmed (stock reserved for every line, payment authorised), on hold
 * after a declined payment, or cancelled for want of stock; the reconciliation of payments whose outcome was unknown;
 * holds put on and lifted. What each operation promises, and what a retry after a failure does, is written on
 * {@link Oms}.
 */
final class Placement {

    private static final Logger LOG = LoggerFactory.getLogger(Placement.class);

    private final OrderBook book;
    private final StockKeeper stock;
    private final Settlement settlement;
    private final Cancellation cancellation;
    private final InventoryStore inventory;
    private final PaymentGateway payments;
    private final OrderValidator validator;
    private final Supplier<OrderId> ids;
    private final Clock clock;
    private final Duration paymentPendingTimeout;
    private final TenderOrder tenderOrder;
    private final Map<Channel, AuthorisationTolerance> tolerances;
    private OrderBackorders backorders;
    private OmsMetrics metrics = OmsMetrics.NONE;

    /** Joins backorders: units beyond stock are sold as backorders where the policy allows it. */
    void backorders(OrderBackorders joined) {
        this.backorders = joined;
    }

    /** Where placement outcomes, reservation timings and payments left pending by a sweep are reported. */
    void metrics(OmsMetrics reportTo) {
        this.metrics = reportTo;
    }

    Placement(OrderBook book, StockKeeper stock, Settlement settlement, Cancellation cancellation, InventoryStore inventory,
              PaymentGateway payments, OrderValidator validator, Supplier<OrderId> ids, Clock clock,
              Duration paymentPendingTimeout, TenderOrder tenderOrder, Map<Channel, AuthorisationTolerance> tolerances) {
        this.tenderOrder = tenderOrder;
        this.tolerances = tolerances;
        this.book = book;
        this.stock = stock;
        this.settlement = settlement;
        this.cancellation = cancellation;
        this.inventory = inventory;
        this.payments = payments;
        this.validator = validator;
        this.ids = ids;
        this.clock = clock;
        this.paymentPendingTimeout = paymentPendingTimeout;
    }

    /** The validator placement checks requests with. */
    OrderValidator validator() {
        return validator;
    }

    PlacementResult placeOrder(PlaceOrderRequest request) {
        return placeOrder(request, null);
    }

    /**
     * Places an order whose first reservation takes over what the reservation {@code drawsOn} (a cart's hold) holds of
     * its SKUs; null for none.
     */
    PlacementResult placeOrder(PlaceOrderRequest request, ReservationKey drawsOn) {
        return placeOrder(request, drawsOn, null);
    }

    /** Places an order {@code placedBy} placed for the customer (null: the customer did): its placement names them. */
    PlacementResult placeOrder(PlaceOrderRequest request, ReservationKey drawsOn, io.omskit.core.order.Actor placedBy) {
        return measured(place(request, drawsOn, placedBy));
    }

    private PlacementResult measured(PlacementResult result) {
        metrics.placementEnded(result.outcome());
        return result;
    }

    private PlacementResult place(PlaceOrderRequest request, ReservationKey drawsOn, io.omskit.core.order.Actor placedBy) {
        Checks.notNull(request, "request");
        if (request.channel() != null && request.externalRef() != null) {
            Optional<Order> existing = book.findByExternalRef(request.channel(), request.externalRef());
            if (existing.isPresent()) {
                return replay(existing.get(), request, drawsOn);
            }
        }
        validator.validate(request);
        Change<Order, OrderEvent> placed = Order.place(ids.get(), request, tenderOrder,
                tolerances.getOrDefault(request.channel(), AuthorisationTolerance.NONE), clock.instant());
        if (placedBy != null) {
            OrderEvent.OrderPlaced e = (OrderEvent.OrderPlaced) placed.events().get(0);
            placed = new Change<>(placed.state(), List.of(new OrderEvent.OrderPlaced(e.eventId(), e.orderId(), e.version(),
                    e.occurredAt(), e.order(), placedBy)));
        }
        SaveOutcome saved = book.add(placed);
        if (saved == SaveOutcome.DUPLICATE_EXTERNAL_REF) {
            Order winner = book.findByExternalRef(request.channel(), request.externalRef()).orElseThrow(
                    () -> new SpiException("order repository reported a duplicate external reference it cannot find", null));
            return replay(winner, request, drawsOn);
        }
        if (saved != SaveOutcome.SAVED) {
            throw new SpiException("order repository refused new order " + placed.state().id() + ": " + saved, null, true);
        }
        OrderId id = placed.state().id();
        Change<Order, OrderEvent> first = placed;
        return book.locked(id, () -> {
            book.added(first);
            LOG.debug("placed order {} from {} with {} line(s)", id, request.channel(), request.lines().size());
            return proceed(id, false, drawsOn);
        });
    }

    private PlacementResult replay(Order existing, PlaceOrderRequest request, ReservationKey drawsOn) {
        if (!sameLines(existing, request)) {
            throw new IllegalArgumentException("externalRef " + request.externalRef() + " of channel " + request.channel()
                    + " was already used for order " + existing.id() + " with different lines");
        }
        LOG.debug("placement of {} {} replayed as order {}", request.channel(), request.externalRef(), existing.id());
        return book.locked(existing.id(), () -> proceed(existing.id(), true, drawsOn));
    }

    private static boolean sameLines(Order order, PlaceOrderRequest request) {
        if (order.lines().size() != request.lines().size()) {
            return false;
        }
        for (int i = 0; i < order.lines().size(); i++) {
            OrderLine l = order.lines().get(i);
            var r = request.lines().get(i);
            if (r == null || !l.id().equals(r.id()) || !l.sku().equals(r.sku()) || l.quantity() != r.quantity()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Drives an order through reservation, payment and confirmation as far as it can go now. An order past that
     * stage (a replay, a retry after a failure that came after the save) has its stock brought in line first: a
     * reservation of an earlier, declined attempt is released there.
     */
    private PlacementResult proceed(OrderId id, boolean replayed, ReservationKey drawsOn) {
        Order order = book.current(id);
        if (order.status() != OrderStatus.AWAITING_CONFIRMATION) {
            stock.syncStock(order, null, Set.of(), false);
            stock.releaseEarlierAttempts(order);
            return describe(settlement.settle(id), replayed);
        }
        stock.releaseEarlierAttempts(order);
        if (order.units(UnitState.OPEN) > 0) {
            OrderBackorders.Split split = backorders == null ? OrderBackorders.Split.NONE : backorders.placedBefore(order);
            ReservationResult reserved = split.refused() ? new ReservationResult.Insufficient(List.of()) : null;
            // the units beyond stock wait for supply, the rest is reserved as usual; a retry finds the backorders the
            // first call placed and places only what is still short (each by its key, replayed when made)
            for (int round = 0; !split.refused(); round++) {
                List<io.omskit.core.inventory.ReservationLine> toReserve = stock.reservationLines(
                        without(order, split.backordered()), UnitState.OPEN);
                reserved = toReserve.isEmpty() ? null : reserve(new ReservationRequest(
                        StockKeeper.reservationKey(order), StockKeeper.stockReference(id), toReserve, null, drawsOn));
                if (!(reserved instanceof ReservationResult.Insufficient insufficient) || backorders == null || round == 2) {
                    break;
                }
                OrderBackorders.Split more = backorders.place(without(order, split.backordered()), insufficient.shortages());
                if (more.refused()) {
                    break;
                }
                split = split.plus(more);
            }
            if (reserved instanceof ReservationResult.Insufficient && !split.backordered().isEmpty()) {
                backorders.cancelAll(split.backordered());
            } else if (!split.backordered().isEmpty()) {
                Map<io.omskit.core.order.LineId, io.omskit.core.backorder.Backorder> waiting = split.backordered();
                order = book.apply(id, o -> o.status() != OrderStatus.AWAITING_CONFIRMATION || o.units(UnitState.OPEN) == 0
                        ? Change.unchanged(o)
                        : backorders.awaitStock(o, waiting, clock.instant()).then(p -> p.units(UnitState.OPEN) > 0
                        ? p.reserveAll(clock.instant()) : Change.unchanged(p)));
                if (order.status() != OrderStatus.AWAITING_CONFIRMATION) {
                    stock.syncStock(order, null, Set.of(), true);
                    return describe(order, replayed);
                }
                return authorise(order, replayed);
            }
            if (reserved instanceof ReservationResult.Insufficient insufficient) {
                LOG.debug("order {} cannot be reserved: {}", id, insufficient.shortages());
                Order cancelled = book.apply(id, o -> o.status() == OrderStatus.AWAITING_CONFIRMATION
                        ? o.cancelAll(CancellationReason.OUT_OF_STOCK, clock.instant()) : Change.unchanged(o));
                stock.syncStock(cancelled, null, Set.of(), false);
                if (backorders != null) {
                    // a later payment attempt short of stock: the units that awaited stock leave the queue too
                    backorders.followCancellations(cancelled);
                }
                return new PlacementResult(cancelled, PlacementResult.Outcome.OUT_OF_STOCK, insufficient.shortages(), replayed);
            }
            order = book.apply(id, o -> o.units(UnitState.OPEN) > 0 && o.status() == OrderStatus.AWAITING_CONFIRMATION
                    ? o.reserveAll(clock.instant()) : Change.unchanged(o));
            if (order.status() != OrderStatus.AWAITING_CONFIRMATION) {
                stock.syncStock(order, null, Set.of(), true);
                return describe(order, replayed);
            }
        }
        return authorise(order, replayed);
    }

    private ReservationResult reserve(ReservationRequest request) {
        long started = System.nanoTime();
        ReservationResult result = inventory.reserve(request);
        metrics.reservationTimed(System.nanoTime() - started, result.isReserved());
        return result;
    }

    /** The order as if the backordered units of its lines were not open: what stays to be reserved. */
    private static Order without(Order order, Map<io.omskit.core.order.LineId, io.omskit.core.backorder.Backorder> split) {
        Order o = order;
        for (var e : split.entrySet()) {
            int n = e.getValue().quantity();
            o = o.cancel(List.of(io.omskit.core.order.LineQuantity.of(e.getKey(), n)), CancellationReason.OUT_OF_STOCK,
                    o.placedAt()).state();
        }
        return o;
    }

    private PlacementResult authorise(Order order, boolean replayed) {
        if (order.payment().hasTenders()) {
            return authoriseTenders(order, replayed);
        }
        OrderId id = order.id();
        PaymentSummary payment = order.payment();
        PaymentResult result;
        String operation;
        if (order.paymentRef().isEmpty() || order.total().isZero()) {
            operation = "collected-by-channel";
            result = PaymentResult.succeeded(order.paymentRef().isEmpty() ? "channel" : "zero-total");
        } else {
            operation = "authorise";
            result = payments.execute(new PaymentRequest(PaymentRequest.Kind.AUTHORISE, Settlement.authorisationKey(order), id,
                    order.total(), order.paymentRef()));
        }
        Instant now = clock.instant();
        switch (result.outcome()) {
            case SUCCEEDED -> {
                Order confirmed = book.apply(id, o -> o.status() != OrderStatus.AWAITING_CONFIRMATION ? Change.unchanged(o)
                        : o.recordPayment(operation, PaymentOutcome.SUCCEEDED, o.payment().authorisedFor(o.total(), result.reference()), now)
                        .then(p -> p.confirm(now)));
                LOG.debug("order {} confirmed", id);
                // units cancelled while the payment was pending: what was authorised for them is voided now
                return describe(confirmed.units(UnitState.CANCELLED) > 0 ? settlement.settle(id) : confirmed, replayed);
            }
            case DECLINED -> {
                LOG.info("payment of order {} declined (attempt {})", id, payment.attempt());
                Order held = book.apply(id, o -> o.status() != OrderStatus.AWAITING_CONFIRMATION ? Change.unchanged(o)
                        : o.releaseAllReservations(now)
                        .then(p -> p.recordPayment(operation, PaymentOutcome.DECLINED,
                                p.payment().with(PaymentStatus.DECLINED, result.message()).nextAttempt(), now))
                        .then(p -> p.hold(HoldReason.PAYMENT_DECLINED, result.message(), now)));
                stock.syncStock(held, null, Set.of(), false);
                return new PlacementResult(held, PlacementResult.Outcome.PAYMENT_DECLINED, List.of(), replayed);
            }
            default -> {
                PaymentStatus status = result.outcome() == PaymentOutcome.UNKNOWN ? PaymentStatus.UNKNOWN : PaymentStatus.NOT_ATTEMPTED;
                LOG.warn("payment of order {} ended {}; stock stays reserved until reconciled", id, result.outcome());
                // an earlier call of the same key that ended unknown may have authorised: "not attempted" now cannot undo that
                Order pending = book.apply(id, o -> o.status() != OrderStatus.AWAITING_CONFIRMATION || o.payment().status() == status
                        || o.payment().status() == PaymentStatus.UNKNOWN
                        ? Change.unchanged(o)
                        : o.recordPayment(operation, result.outcome(), o.payment().with(status, result.message()), now));
                return describe(pending, replayed);
            }
        }
    }

    /**
     * Authorises the tenders one by one in charge order, each under its own key and recorded on the order as soon as
     * the provider answered, so that a retry asks only what is not known yet. A decline of one tender voids those
     * authorised so far (recorded as intents first, then settled) and puts the order on hold; an unknown or
     * unreached answer leaves the order awaiting payment, to be reconciled under the same keys.
     */
    private PlacementResult authoriseTenders(Order order, boolean replayed) {
        OrderId id = order.id();
        if (order.payment().openIntent().isPresent()) {
            // a void of an earlier, declined attempt not answered yet: the money must be in line before asking again
            order = settlement.settle(id);
            if (order.status() != OrderStatus.AWAITING_CONFIRMATION) {
                return describe(order, replayed);
            }
        }
        for (Tender planned : order.payment().tenders()) {
            Order current = book.current(id);
            Tender t = current.payment().tender(planned.id()).orElseThrow();
            if (t.holdsAuthorisation()) {
                continue;
            }
            PaymentResult result = t.toAuthorise().isZero() ? PaymentResult.succeeded("zero-amount")
                    : payments.execute(new PaymentRequest(PaymentRequest.Kind.AUTHORISE, Settlement.authorisationKey(current, t), id,
                    t.toAuthorise(), t.paymentRef()));
            Instant now = clock.instant();
            switch (result.outcome()) {
                case SUCCEEDED -> book.apply(id, o -> o.status() != OrderStatus.AWAITING_CONFIRMATION
                        || o.payment().tender(t.id()).orElseThrow().holdsAuthorisation() ? Change.unchanged(o)
                        : o.recordPayment("authorise " + t.id(), PaymentOutcome.SUCCEEDED,
                        o.payment().withTender(o.payment().tender(t.id()).orElseThrow().authorisedAs(result.reference())), now));
                case DECLINED -> {
                    return declineTenders(id, t, result, replayed);
                }
                default -> {
                    PaymentStatus status = result.outcome() == PaymentOutcome.UNKNOWN ? PaymentStatus.UNKNOWN : PaymentStatus.NOT_ATTEMPTED;
                    LOG.warn("authorisation of tender {} of order {} ended {}; stock stays reserved until reconciled", t.id(), id,
                            result.outcome());
                    Order pending = book.apply(id, o -> {
                        Tender now1 = o.payment().tender(t.id()).orElseThrow();
                        // an earlier call of the same key that ended unknown may have authorised: "not attempted" cannot undo that
                        if (o.status() != OrderStatus.AWAITING_CONFIRMATION || now1.status() == status
                                || now1.status() == PaymentStatus.UNKNOWN || now1.holdsAuthorisation()) {
                            return Change.unchanged(o);
                        }
                        return o.recordPayment("authorise " + t.id(), result.outcome(),
                                o.payment().withTender(now1.with(status, result.message())).with(status, result.message()), now);
                    });
                    return describe(pending, replayed);
                }
            }
        }
        Instant now = clock.instant();
        Order confirmed = book.apply(id, o -> o.status() != OrderStatus.AWAITING_CONFIRMATION ? Change.unchanged(o)
                : o.recordPayment("authorise", PaymentOutcome.SUCCEEDED, o.payment().with(PaymentStatus.AUTHORISED, ""), now)
                .then(p -> p.confirm(now)));
        LOG.debug("order {} confirmed, {} tenders authorised", id, confirmed.payment().tenders().size());
        // units cancelled while the payment was pending: what was authorised for them is voided now
        return describe(confirmed.units(UnitState.CANCELLED) > 0 ? settlement.settle(id) : confirmed, replayed);
    }

    /**
     * After {@code declined} was declined: the reservation is released, every tender authorised so far gets a void
     * intent (keyed by the attempt), the payment moves on to the next attempt and the order is put on hold, all in one
     * save; then the voids are asked of the provider.
     */
    private PlacementResult declineTenders(OrderId id, Tender declined, PaymentResult result, boolean replayed) {
        LOG.info("tender {} of order {} declined: {}", declined.id(), id, result.message());
        Instant now = clock.instant();
        String reason = "tender " + declined.id() + " declined: " + result.message();
        Order held = book.apply(id, o -> {
            if (o.status() != OrderStatus.AWAITING_CONFIRMATION) {
                return Change.unchanged(o);
            }
            PaymentSummary p = o.payment().withTender(o.payment().tender(declined.id()).orElseThrow()
                    .with(PaymentStatus.DECLINED, result.message()));
            for (Tender t : p.tenders()) {
                if (t.authorised().isPositive()) {
                    p = p.withIntent(PaymentIntent.onTender(PaymentIntent.Kind.VOID,
                            "void-" + o.id() + "-a" + p.attempt() + "-" + t.id(), t.authorised(), t.id()));
                }
            }
            PaymentSummary next = p.with(PaymentStatus.DECLINED, reason).nextAttempt();
            return o.releaseAllReservations(now)
                    .then(x -> x.recordPayment("authorise " + declined.id(), PaymentOutcome.DECLINED, next, now))
                    .then(x -> x.hold(HoldReason.PAYMENT_DECLINED, reason, now));
        });
        stock.syncStock(held, null, Set.of(), false);
        if (held.payment().openIntent().isPresent()) {
            held = settlement.settle(id);
        }
        return new PlacementResult(held, PlacementResult.Outcome.PAYMENT_DECLINED, List.of(), replayed);
    }

    private PlacementResult describe(Order order, boolean replayed) {
        PlacementResult.Outcome outcome = switch (order.status()) {
            case AWAITING_CONFIRMATION -> PlacementResult.Outcome.PAYMENT_PENDING;
            case CONFIRMED, AWAITING_STOCK -> PlacementResult.Outcome.CONFIRMED;
            case ON_HOLD -> order.hold().reason() == HoldReason.PAYMENT_DECLINED
                    ? PlacementResult.Outcome.PAYMENT_DECLINED : PlacementResult.Outcome.IN_PROGRESS;
            case CANCELLED -> order.confirmedAt() == null ? PlacementResult.Outcome.OUT_OF_STOCK : PlacementResult.Outcome.IN_PROGRESS;
            default -> PlacementResult.Outcome.IN_PROGRESS;
        };
        return new PlacementResult(order, outcome, List.of(), replayed);
    }

    // ---- payment reconciliation ----

    PlacementResult reconcilePayment(OrderId id) {
        return measured(book.locked(id, () -> reconcileLocked(id)));
    }

    private PlacementResult reconcileLocked(OrderId id) {
        Order order = book.load(id);
        if (order.status() == OrderStatus.AWAITING_CONFIRMATION
                && Duration.between(order.placedAt(), clock.instant()).compareTo(paymentPendingTimeout) > 0) {
            LOG.warn("order {} still awaiting payment after {}; cancelling", id, paymentPendingTimeout);
            Order cancelled = cancellation.cancelOrder(id, CancellationReason.PAYMENT_FAILED);
            return new PlacementResult(cancelled, PlacementResult.Outcome.IN_PROGRESS, List.of(), false);
        }
        return proceed(id, false, null);
    }

    List<PlacementResult> reconcilePendingPayments(int limit) {
        Checks.positive(limit, "limit");
        List<PlacementResult> results = new ArrayList<>();
        int pending = 0;
        for (OrderId id : book.awaitingConfirmation(limit)) {
            try {
                PlacementResult r = reconcilePayment(id);
                results.add(r);
                pending += r.outcome() == PlacementResult.Outcome.PAYMENT_PENDING ? 1 : 0;
            } catch (RuntimeException e) {
                pending++;
                LOG.warn("reconciling the payment of order {} failed; the next sweep tries again", id, e);
            }
        }
        metrics.paymentsStillPending(pending);
        return results;
    }

    // ---- holds ----

    PlacementResult releaseHold(OrderId id) {
        return measured(book.locked(id, () -> {
            book.update(id, o -> o.isOnHold() ? o.releaseHold(clock.instant()) : Change.unchanged(o));
            return proceed(id, false, null);
        }));
    }

    Order hold(OrderId id, HoldReason reason, String detail) {
        Checks.notNull(reason, "reason");
        return book.locked(id, () -> book.update(id, o -> o.isOnHold() && o.hold().reason() == reason
                ? Change.unchanged(o) : o.hold(reason, detail, clock.instant())).after());
    }
}

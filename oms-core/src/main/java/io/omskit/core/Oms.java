package io.omskit.core;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Change;
import io.omskit.core.common.Checks;
import io.omskit.core.common.Problem;
import io.omskit.core.common.ValidationException;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.inmemory.InMemoryOrderRepository;
import io.omskit.core.inmemory.InMemoryFulfilmentRepository;
import io.omskit.core.spi.FulfilmentRepository;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.inventory.Allocation;
import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.inventory.AllocationLine;
import io.omskit.core.inventory.AllocationRequest;
import io.omskit.core.inventory.AllocationResult;
import io.omskit.core.inventory.HeldStock;
import io.omskit.core.inventory.MovementKey;
import io.omskit.core.inventory.Reservation;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.inventory.ReservationLine;
import io.omskit.core.inventory.ReservationRequest;
import io.omskit.core.inventory.ReservationResult;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.Network;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.CommandKey;
import io.omskit.core.order.HoldReason;
import io.omskit.core.order.LineAllocation;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderCommand;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderLine;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.order.OrderValidator;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.order.ShipmentIntent;
import io.omskit.core.order.UnitMove;
import io.omskit.core.order.UnitState;
import io.omskit.core.payment.PaymentIntent;
import io.omskit.core.payment.PaymentOutcome;
import io.omskit.core.payment.PaymentRequest;
import io.omskit.core.payment.PaymentResult;
import io.omskit.core.payment.PaymentStatus;
import io.omskit.core.payment.PaymentSummary;
import io.omskit.core.spi.Catalog;
import io.omskit.core.spi.EventPublisher;
import io.omskit.core.spi.InventoryStore;
import io.omskit.core.spi.OrderRepository;
import io.omskit.core.spi.PaymentGateway;
import io.omskit.core.spi.SaveOutcome;
import io.omskit.core.spi.SpiException;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import java.util.function.Function;
import java.util.function.Supplier;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.util.concurrent.Striped;
import org.joda.money.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point of OMS Kit: places orders from every channel, holds stock for carts and orders, takes
 * payment, cancels and ships — wired from the SPIs with {@link #builder()}. Thread-safe.
 *
 * <p>Every workflow is made of idempotent steps (reservations, allocations and payments carry keys derived
 * from the order), so a call that failed half-way — or a retry of the same placement — picks up where it
 * stopped and never holds stock or moves money twice. What a retry does after a failure at each point is written
 * next to each operation; in short:
 * <ul>
 * <li>Before the order is saved: nothing of the call is recorded; stock it took under the call's key is taken
 *     again by the retry under the same key (a replay), or given back by the call's own failure path.</li>
 * <li>After the order is saved (the save threw after writing, or the process stopped): the retry finds the
 *     command applied (by its state or by the command's key kept on the order, {@link Order#commandKeys()}),
 *     does not apply it again, and finishes the stock, payment and publishing steps that follow it.</li>
 * <li>After a payment call: the retry repeats it with the same idempotency key, so the provider answers with
 *     the first call's result and money never moves twice. A capture or void whose outcome is unknown or that did
 *     not reach the provider fails the call with a retryable {@link SpiException}: calling again settles it.</li>
 * </ul>
 *
 * <p><b>Events.</b> With a repository that keeps events in a transactional outbox
 * ({@link OrderRepository#storesEvents()}), events are published if and only if the change was saved. With any
 * other repository they are published at least once: each saved version carries the events of the change that
 * produced it ({@link Order#pendingEvents()}), the call publishes them after saving, and the next call on the order
 * (a retry, another command, or {@link #publishPendingEvents(OrderId)}) publishes them again when this process has
 * not seen them published. Event ids are stable, so consumers drop duplicates by id.
 *
 * <p><b>Stock.</b> Stock held for an order carries the order id as its reference. Stock the order does not account
 * for (a call interrupted between its stock call and its save, a lost race) is given back by the call's failure
 * path or its retry; {@link #reconcileStock(Duration, int)} is the safety net a scheduler runs for calls nobody
 * retried. Commands on one order are serialised within one {@code Oms}; between processes the repository's
 * optimistic versions decide.
 */
public final class Oms {

    private static final Logger LOG = LoggerFactory.getLogger(Oms.class);
    private static final int MAX_CONFLICT_RETRIES = 8;

    private final Clock clock;
    private final Network network;
    private final Catalog catalog;
    private final OrderRepository orders;
    private final InventoryStore inventory;
    private final PaymentGateway payments;
    private final EventPublisher events;
    private final OrderValidator validator;
    private final Duration paymentPendingTimeout;
    private final Supplier<OrderId> ids;
    private final Duration stockGrace;
    private final OrderValidator.Limits limits;
    private final Striped<Lock> locks = Striped.lock(256);
    private final Fulfilments fulfilments;
    /** The highest version of each order whose events this process published; an optimisation, not a guarantee. */
    private final Cache<OrderId, Long> published = CacheBuilder.newBuilder().maximumSize(100_000).build();

    private Oms(Builder b) {
        this.clock = b.clock;
        this.network = b.network;
        this.catalog = b.catalog;
        this.orders = b.orders;
        this.inventory = b.inventory;
        this.payments = b.payments;
        this.events = b.events;
        this.validator = new OrderValidator(catalog, network, b.limits);
        this.paymentPendingTimeout = b.paymentPendingTimeout;
        this.ids = b.ids;
        this.stockGrace = b.stockGrace;
        this.limits = b.limits;
        this.fulfilments = new Fulfilments(this, b.fulfilments, b.events, b.clock, b.pickupPeriods, b.storePickupPeriods,
                b.pickupCodes);
    }

    /** A builder; every SPI defaults to its in-memory adapter except the inventory store and payment gateway. */
    public static Builder builder() {
        return new Builder();
    }

    // ---- placement ----

    /**
     * Places an order: validates it, reserves stock for every line, authorises payment and confirms it.
     * Placing the same channel and external reference again returns the order placed the first time (and
     * finishes its placement if that was interrupted). A retry after a failure:
     * <ul>
     * <li>before the order was saved: places it as new;</li>
     * <li>after the save, before or after the reservation: reserves under the same key (a replay when it was made);</li>
     * <li>after the authorisation: asks the provider again under the same key, which answers with the first call's
     *     result; a declined attempt's reservation is released, an unknown one stays for reconciliation;</li>
     * <li>after the order was confirmed or put on hold: answers as the first call did, releasing what a declined
     *     attempt still held and publishing events left unpublished.</li>
     * </ul>
     *
     * @return the outcome; business refusals (no stock, payment declined) are outcomes, not exceptions
     * @throws io.omskit.core.common.ValidationException listing every problem of the request
     * @throws IllegalArgumentException when the external reference was already used for different lines
     * @throws SpiException when an adapter failed; the order can be completed by placing it again
     */
    public PlacementResult placeOrder(PlaceOrderRequest request) {
        Checks.notNull(request, "request");
        if (request.channel() != null && request.externalRef() != null) {
            Optional<Order> existing = orders.findByExternalRef(request.channel(), request.externalRef());
            if (existing.isPresent()) {
                return replay(existing.get(), request);
            }
        }
        validator.validate(request);
        Change<Order, OrderEvent> placed = Order.place(ids.get(), request, clock.instant());
        Order first = orders.storesEvents() ? placed.state() : placed.state().withPendingEvents(placed.events());
        SaveOutcome saved = orders.save(first, placed.events());
        if (saved == SaveOutcome.DUPLICATE_EXTERNAL_REF) {
            Order winner = orders.findByExternalRef(request.channel(), request.externalRef()).orElseThrow(
                    () -> new SpiException("order repository reported a duplicate external reference it cannot find", null));
            return replay(winner, request);
        }
        if (saved != SaveOutcome.SAVED) {
            throw new SpiException("order repository refused new order " + placed.state().id() + ": " + saved, null, true);
        }
        if (!orders.storesEvents()) {
            events.publish(placed.events());
            markPublished(first);
        }
        LOG.debug("placed order {} from {} with {} line(s)", placed.state().id(), request.channel(), request.lines().size());
        return locked(first.id(), () -> proceed(first.id(), false));
    }

    private PlacementResult replay(Order existing, PlaceOrderRequest request) {
        if (!sameLines(existing, request)) {
            throw new IllegalArgumentException("externalRef " + request.externalRef() + " of channel " + request.channel()
                    + " was already used for order " + existing.id() + " with different lines");
        }
        LOG.debug("placement of {} {} replayed as order {}", request.channel(), request.externalRef(), existing.id());
        return locked(existing.id(), () -> proceed(existing.id(), true));
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
    private PlacementResult proceed(OrderId id, boolean replayed) {
        Order order = current(id);
        if (order.status() != OrderStatus.AWAITING_CONFIRMATION) {
            syncStock(order, null, Set.of(), false);
            releaseEarlierAttempts(order);
            return describe(settle(id), replayed);
        }
        releaseEarlierAttempts(order);
        if (order.units(UnitState.OPEN) > 0) {
            ReservationResult reserved = inventory.reserve(new ReservationRequest(new ReservationKey(reservationKey(order)), stockReference(id),
                    reservationLines(order, UnitState.OPEN), null));
            if (reserved instanceof ReservationResult.Insufficient insufficient) {
                LOG.debug("order {} cannot be reserved: {}", id, insufficient.shortages());
                Order cancelled = apply(id, o -> o.status() == OrderStatus.AWAITING_CONFIRMATION
                        ? o.cancelAll(CancellationReason.OUT_OF_STOCK, clock.instant()) : Change.unchanged(o));
                syncStock(cancelled, null, Set.of(), false);
                return new PlacementResult(cancelled, PlacementResult.Outcome.OUT_OF_STOCK, insufficient.shortages(), replayed);
            }
            order = apply(id, o -> o.units(UnitState.OPEN) > 0 && o.status() == OrderStatus.AWAITING_CONFIRMATION
                    ? o.reserveAll(clock.instant()) : Change.unchanged(o));
            if (order.status() != OrderStatus.AWAITING_CONFIRMATION) {
                syncStock(order, null, Set.of(), true);
                return describe(order, replayed);
            }
        }
        return authorise(order, replayed);
    }

    private PlacementResult authorise(Order order, boolean replayed) {
        OrderId id = order.id();
        PaymentSummary payment = order.payment();
        PaymentResult result;
        String operation;
        if (order.paymentRef().isEmpty() || order.total().isZero()) {
            operation = "collected-by-channel";
            result = PaymentResult.succeeded(order.paymentRef().isEmpty() ? "channel" : "zero-total");
        } else {
            operation = "authorise";
            result = payments.execute(new PaymentRequest(PaymentRequest.Kind.AUTHORISE, authorisationKey(order), id,
                    order.total(), order.paymentRef()));
        }
        Instant now = clock.instant();
        switch (result.outcome()) {
            case SUCCEEDED -> {
                Order confirmed = apply(id, o -> o.status() != OrderStatus.AWAITING_CONFIRMATION ? Change.unchanged(o)
                        : o.recordPayment(operation, PaymentOutcome.SUCCEEDED, o.payment().authorisedFor(o.total(), result.reference()), now)
                        .then(p -> p.confirm(now)));
                LOG.debug("order {} confirmed", id);
                // units cancelled while the payment was pending: what was authorised for them is voided now
                return describe(confirmed.units(UnitState.CANCELLED) > 0 ? settle(id) : confirmed, replayed);
            }
            case DECLINED -> {
                LOG.info("payment of order {} declined (attempt {})", id, payment.attempt());
                Order held = apply(id, o -> o.status() != OrderStatus.AWAITING_CONFIRMATION ? Change.unchanged(o)
                        : o.releaseAllReservations(now)
                        .then(p -> p.recordPayment(operation, PaymentOutcome.DECLINED,
                                p.payment().with(PaymentStatus.DECLINED, result.message()).nextAttempt(), now))
                        .then(p -> p.hold(HoldReason.PAYMENT_DECLINED, result.message(), now)));
                syncStock(held, null, Set.of(), false);
                return new PlacementResult(held, PlacementResult.Outcome.PAYMENT_DECLINED, List.of(), replayed);
            }
            default -> {
                PaymentStatus status = result.outcome() == PaymentOutcome.UNKNOWN ? PaymentStatus.UNKNOWN : PaymentStatus.NOT_ATTEMPTED;
                LOG.warn("payment of order {} ended {}; stock stays reserved until reconciled", id, result.outcome());
                // an earlier call of the same key that ended unknown may have authorised: "not attempted" now cannot undo that
                Order pending = apply(id, o -> o.status() != OrderStatus.AWAITING_CONFIRMATION || o.payment().status() == status
                        || o.payment().status() == PaymentStatus.UNKNOWN
                        ? Change.unchanged(o)
                        : o.recordPayment(operation, result.outcome(), o.payment().with(status, result.message()), now));
                return describe(pending, replayed);
            }
        }
    }

    private PlacementResult describe(Order order, boolean replayed) {
        PlacementResult.Outcome outcome = switch (order.status()) {
            case AWAITING_CONFIRMATION -> PlacementResult.Outcome.PAYMENT_PENDING;
            case CONFIRMED -> PlacementResult.Outcome.CONFIRMED;
            case ON_HOLD -> order.hold().reason() == HoldReason.PAYMENT_DECLINED
                    ? PlacementResult.Outcome.PAYMENT_DECLINED : PlacementResult.Outcome.IN_PROGRESS;
            case CANCELLED -> order.confirmedAt() == null ? PlacementResult.Outcome.OUT_OF_STOCK : PlacementResult.Outcome.IN_PROGRESS;
            default -> PlacementResult.Outcome.IN_PROGRESS;
        };
        return new PlacementResult(order, outcome, List.of(), replayed);
    }

    /**
     * Completes an order whose payment outcome was unknown or not attempted, by asking the provider again with
     * the same idempotency key. Orders pending for longer than the configured timeout are cancelled instead.
     *
     * @throws IllegalArgumentException when the order is unknown
     */
    public PlacementResult reconcilePayment(OrderId id) {
        return locked(id, () -> reconcileLocked(id));
    }

    private PlacementResult reconcileLocked(OrderId id) {
        Order order = load(id);
        if (order.status() == OrderStatus.AWAITING_CONFIRMATION
                && Duration.between(order.placedAt(), clock.instant()).compareTo(paymentPendingTimeout) > 0) {
            LOG.warn("order {} still awaiting payment after {}; cancelling", id, paymentPendingTimeout);
            Order cancelled = cancelOrder(id, CancellationReason.PAYMENT_FAILED);
            return new PlacementResult(cancelled, PlacementResult.Outcome.IN_PROGRESS, List.of(), false);
        }
        return proceed(id, false);
    }

    /**
     * Reconciles up to {@code limit} orders awaiting confirmation; returns what became of each. An order whose
     * reconciliation fails (an adapter threw, its data is broken) is logged and skipped, so that it never keeps the
     * orders behind it from being reconciled; it is tried again by the next sweep.
     */
    public List<PlacementResult> reconcilePendingPayments(int limit) {
        Checks.positive(limit, "limit");
        List<PlacementResult> results = new ArrayList<>();
        for (OrderId id : orders.findAwaitingConfirmation(limit)) {
            try {
                results.add(reconcilePayment(id));
            } catch (RuntimeException e) {
                LOG.warn("reconciling the payment of order {} failed; the next sweep tries again", id, e);
            }
        }
        return results;
    }

    /**
     * Lifts an order's hold and, when it still awaits confirmation (after a declined payment), reserves stock and
     * tries payment again under a new key. A retry after a failure finds the hold lifted and carries on from where
     * the placement stands (after a payment declined again, it lifts the new hold and tries once more).
     */
    public PlacementResult releaseHold(OrderId id) {
        return locked(id, () -> {
            update(id, o -> o.isOnHold() ? o.releaseHold(clock.instant()) : Change.unchanged(o));
            return proceed(id, false);
        });
    }

    /**
     * Puts an order on hold; stock stays held. A retry of a call that failed after the save finds the order on hold
     * for the same reason and leaves it so.
     */
    public Order hold(OrderId id, HoldReason reason, String detail) {
        Checks.notNull(reason, "reason");
        return locked(id, () -> update(id, o -> o.isOnHold() && o.hold().reason() == reason
                ? Change.unchanged(o) : o.hold(reason, detail, clock.instant())).after());
    }

    // ---- cancellation ----

    /**
     * Cancels units of an order that no fulfilment holds yet (open or reserved); their stock is released and the
     * payment for them voided. Units a fulfilment holds are cancelled through it ({@link Fulfilments#cancel}).
     * Each call cancels more units: to make a partial cancellation safe to retry, give it a key with
     * {@link #cancel(OrderId, List, CancellationReason, String)}.
     *
     * @throws io.omskit.core.order.IllegalTransitionException when the order's status forbids it or too few units are cancellable
     * @throws SpiException when an adapter failed, or the void's outcome is unknown: calling again finishes the work
     */
    public Order cancel(OrderId id, List<LineQuantity> quantities, CancellationReason reason) {
        return cancel(id, quantities, reason, null);
    }

    /**
     * Cancels units of an order under {@code cancellationKey}: a second call with the same key (a retry after any
     * failure) does not cancel again, but finishes releasing the stock and voiding the payment of the first.
     *
     * @param cancellationKey the caller's key for this cancellation; null for none (not safe to retry)
     * @throws io.omskit.core.order.IllegalTransitionException when the order's status forbids it or too few units are cancellable
     * @throws SpiException when an adapter failed, or the void's outcome is unknown: calling again finishes the work
     */
    public Order cancel(OrderId id, List<LineQuantity> quantities, CancellationReason reason, String cancellationKey) {
        Checks.notNull(quantities, "quantities");
        Checks.notNull(reason, "reason");
        CommandKey key = cancellationKey == null ? null : CommandKey.of(OrderCommand.CANCEL, cancellationKey);
        return locked(id, () -> {
            Applied applied = update(id, o -> key != null && o.applied(key) ? Change.unchanged(o)
                    : withKey(o.cancel(quantities, reason, clock.instant()), key));
            syncStock(applied.after(), applied.before(), Set.of(), !applied.changed());
            return settle(id);
        });
    }

    /**
     * Cancels every unit of an order not yet shipped or collected: its fulfilments first (each one that has not left
     * its location; one that a collection or shipment on another node took first is left to the customer), then the
     * units no fulfilment holds. Stock is released (a transfer waiting at the pickup store goes onto its shelf) and the
     * payment for the cancelled units voided. A transfer on its way to the pickup store cannot be cancelled until it
     * arrives. A call on an order with nothing left to cancel but some units cancelled (a retry after a failure that
     * came after the save) does not fail: it finishes releasing the stock and voiding the payment.
     *
     * @throws io.omskit.core.order.IllegalTransitionException when no unit was ever cancellable
     * @throws SpiException when an adapter failed, or the void's outcome is unknown: calling again finishes the work
     */
    public Order cancelOrder(OrderId id, CancellationReason reason) {
        Checks.notNull(reason, "reason");
        return locked(id, () -> {
            Applied applied = null;
            // an allocation recorded by another node meanwhile gives the order a fulfilment to cancel: another round
            for (int round = 0; round < MAX_CONFLICT_RETRIES; round++) {
                // an earlier call (this one's, or a step of a fulfilment) may have stopped before the order followed it
                fulfilments.catchUp(id);
                for (io.omskit.core.fulfilment.Fulfilment f : fulfilments.forOrder(id)) {
                    if (f.accepts(io.omskit.core.fulfilment.FulfilmentCommand.CANCEL)) {
                        try {
                            fulfilments.cancel(f.id(), null, reason, "order-cancelled");
                        } catch (io.omskit.core.fulfilment.IllegalFulfilmentTransitionException movedOn) {
                            // shipped or collected meanwhile (another node): those units are the customer's now
                        }
                    }
                }
                applied = update(id, o -> o.units(UnitState.OPEN) + o.units(UnitState.RESERVED) == 0
                        ? Change.unchanged(o) : o.cancelAll(reason, clock.instant()));
                syncStock(applied.after(), applied.before(), Set.of(), !applied.changed());
                if (!fulfilments.holdsCancellable(applied.after())) {
                    break;
                }
            }
            if (applied.after().units(UnitState.CANCELLED) == 0) {
                throw new io.omskit.core.order.IllegalTransitionException(id, applied.after().status(), OrderCommand.CANCEL,
                        "no unit left to cancel");
            }
            return settle(id);
        });
    }

    // ---- allocation and shipping ----

    /**
     * Allocates units of an order at a location, drawing on the order's reservation, under a key derived from the
     * order's version. Sourcing decides where; this is the step that applies a decision. A retry after a failure that
     * came after the save may allocate further units if the order still has some: use
     * {@link #allocate(OrderId, String, LocationId, List)} with a key of yours when the call is retried.
     *
     * @return the allocation result; when insufficient, nothing changed
     * @throws io.omskit.core.order.IllegalTransitionException when the order does not accept an allocation (not paid,
     *         on hold, cancelled) or has too few units; nothing is left allocated
     */
    public AllocationResult allocate(OrderId id, LocationId location, List<LineQuantity> quantities) {
        Checks.notNull(location, "location");
        return locked(id, () -> {
            Order order = current(id);
            return allocateLocked(order, "alloc-" + id + "-" + location + "-v" + order.version(), location, quantities);
        });
    }

    /**
     * Allocates units of an order at a location under {@code allocationKey}, which becomes the fulfilment's key on
     * the order ({@link LineAllocation#allocationKey()}) and the inventory allocation's key. A second call with the
     * same key (a retry after any failure) allocates nothing more: it replays the inventory allocation and records it
     * on the order if the first call did not get that far.
     *
     * @return the allocation result; when insufficient, nothing changed
     * @throws io.omskit.core.order.IllegalTransitionException when the order does not accept an allocation (not paid,
     *         on hold, cancelled) or has too few units; nothing is left allocated
     */
    public AllocationResult allocate(OrderId id, String allocationKey, LocationId location, List<LineQuantity> quantities) {
        Checks.identifier(allocationKey, "allocationKey");
        Checks.notNull(location, "location");
        return locked(id, () -> allocateLocked(current(id), allocationKey, location, quantities));
    }

    private AllocationResult allocateLocked(Order order, String key, LocationId location, List<LineQuantity> quantities) {
        Checks.notNull(quantities, "quantities");
        OrderId id = order.id();
        CommandKey command = CommandKey.of(OrderCommand.ALLOCATE, key);
        if (order.applied(command)) {
            syncStock(order, null, Set.of(key), true);
            fulfilments.open(order);
            return inventory.findAllocation(new AllocationKey(key))
                    .<AllocationResult>map(a -> new AllocationResult.Allocated(a, true))
                    .orElseThrow(() -> new IllegalStateException("allocation " + key + " of order " + id + " is recorded but unknown to the inventory"));
        }
        // Refused before any stock moves: an order that cannot take the allocation never leaves units allocated.
        order.allocate(location, key, quantities, clock.instant());
        List<AllocationLine> lines = new ArrayList<>();
        stockUnits(order, quantities).forEach((sku, qty) -> lines.add(new AllocationLine(sku, location, qty)));
        AllocationResult result = inventory.allocate(new AllocationRequest(new AllocationKey(key), stockReference(id), lines,
                new ReservationKey(reservationKey(order))));
        if (result.isAllocated()) {
            try {
                fulfilments.open(update(id, o -> o.applied(command) ? Change.unchanged(o)
                        : withKey(o.allocate(location, key, quantities, clock.instant()), command)).after());
            } catch (RuntimeException e) {
                giveBack(id, key, e);
                throw e;
            }
        }
        return result;
    }

    /**
     * After a failed recording: when the order refused the allocation, brings the order's stock in line, naming the
     * allocation the order may not know. When an adapter failed, the allocation is left for the retry (which replays it
     * under the same key and records it) or, when nobody retries, for {@link #reconcileStock(Duration, int)}.
     */
    private void giveBack(OrderId id, String allocationKey, RuntimeException failure) {
        if (failure instanceof SpiException) {
            return;
        }
        try {
            Order current = load(id);
            syncStock(current, current, Set.of(allocationKey), true);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Units of a fulfilment leave its location (shipped or collected). The order first: from then on a cancellation
     * cannot take them, and the allocation keeps holding them until the stock movements (keyed by the hand-over) are
     * made, by this call, its retry or the next command on the order; then the payment is settled.
     */
    Order handOver(OrderId id, String allocationKey, List<LineQuantity> quantities, CommandKey key,
                           java.util.function.BiFunction<Order, Instant, Change<Order, OrderEvent>> command) {
        return locked(id, () -> {
            Order before = current(id);
            if (!before.applied(key)) {
                LineAllocation held = heldBy(before, allocationKey);
                Instant now = clock.instant();
                ShipmentIntent intent = new ShipmentIntent(key.key(), held.inventoryKey(), held.location(), quantities);
                update(id, o -> o.applied(key) ? Change.unchanged(o)
                        : withKey(command.apply(o, now), key).then(p -> Change.unchanged(p.withShipping(intent))));
            }
            completeShipments(current(id));
            return settle(id);
        });
    }

    private static LineAllocation heldBy(Order order, String allocationKey) {
        for (LineAllocation a : order.allocations()) {
            if (a.allocationKey().equals(allocationKey)) {
                return a;
            }
        }
        throw new IllegalArgumentException("allocationKey " + allocationKey + " holds nothing of order " + order.id());
    }

    /**
     * Makes (or replays) the stock movements of the order's shipments in progress.
     *
     * @return whether it had any
     */
    private boolean completeShipments(Order order) {
        for (ShipmentIntent s : order.shipping()) {
            for (Map.Entry<Sku, Integer> e : stockUnits(order, s.quantities()).entrySet()) {
                inventory.ship(new AllocationKey(s.inventoryKey()), e.getKey(), s.location(), e.getValue(),
                        movementKey("ship-" + order.id() + "-" + s.shipmentRef() + "-" + e.getKey().value()));
            }
        }
        return !order.shipping().isEmpty();
    }

    /**
     * Records on the order an inventory allocation made elsewhere (by sourcing): each location's lines become one
     * fulfilment keyed {@code <inventoryKey>@<location>}. When the order can no longer take it (cancelled or changed
     * meanwhile), the stock is given back and the exception rethrown.
     *
     * @param byLocation the order lines and quantities the allocation holds at each location
     */
    public Order recordAllocation(OrderId id, AllocationKey inventoryKey, Map<LocationId, List<LineQuantity>> byLocation) {
        return recordAllocation(id, inventoryKey, byLocation, false);
    }

    /**
     * {@link #recordAllocation(OrderId, AllocationKey, Map)}, taking the order's open units before its reserved ones
     * when {@code openUnitsFirst}: for an allocation of fresh stock that drew on no reservation (re-sourced units),
     * so that the order's reserved units stay as reserved as its reservation.
     */
    public Order recordAllocation(OrderId id, AllocationKey inventoryKey, Map<LocationId, List<LineQuantity>> byLocation,
                                  boolean openUnitsFirst) {
        Checks.notNull(inventoryKey, "inventoryKey");
        Checks.notNull(byLocation, "byLocation");
        CommandKey key = CommandKey.of(OrderCommand.ALLOCATE, inventoryKey.value());
        return locked(id, () -> recordLocked(id, inventoryKey, byLocation, key, openUnitsFirst));
    }

    private Order recordLocked(OrderId id, AllocationKey inventoryKey, Map<LocationId, List<LineQuantity>> byLocation,
                               CommandKey key, boolean openUnitsFirst) {
        try {
            Applied applied = update(id, o -> {
                if (o.applied(key)) {
                    return Change.unchanged(o);
                }
                Change<Order, OrderEvent> change = Change.unchanged(o);
                Instant now = clock.instant();
                for (Map.Entry<LocationId, List<LineQuantity>> e : byLocation.entrySet()) {
                    if (!e.getValue().isEmpty()) {
                        change = change.then(p -> p.allocate(e.getKey(), inventoryKey.value() + "@" + e.getKey().value(),
                                inventoryKey.value(), e.getValue(), openUnitsFirst, now));
                    }
                }
                return withKey(change, key);
            });
            // the allocation may hold more than the order took (components of an incomplete bundle): let it go
            syncStock(applied.after(), applied.before(), Set.of(inventoryKey.value()), false);
            fulfilments.open(applied.after());
            if (applied.after().units(UnitState.RESERVED) > 0) {
                // what it let go may have come from the order's reservation: units no longer held go back to open
                reopenUnbackedUnits(applied.after());
                return load(id);
            }
            return applied.after();
        } catch (RuntimeException e) {
            giveBack(id, inventoryKey.value(), e);
            throw e;
        }
    }

    /** The key of the reservation holding stock for {@code order}'s reserved units (sourcing draws on it first). */
    public ReservationKey reservationKeyOf(Order order) {
        return new ReservationKey(reservationKey(order));
    }

    // ---- cart holds ----

    /** The longest cart id: {@value}. */
    public static final int MAX_CART_ID_LENGTH = 90;
    /** The longest a cart hold may last. */
    public static final Duration MAX_CART_HOLD = Duration.ofDays(30);

    /**
     * Holds stock for a cart until {@code ttl} has passed or it is released. Idempotent by {@code cartId}.
     *
     * @param cartId     the host's cart id: 1 to {@value #MAX_CART_ID_LENGTH} characters, no control characters
     * @param quantities units per SKU, each SKU known to the catalog, each quantity from 1 to the largest line quantity
     * @param ttl        how long the hold lasts: positive, at most {@link #MAX_CART_HOLD}
     * @return reserved, or the shortages when the network has too little
     * @throws io.omskit.core.common.ValidationException listing every problem of the request; nothing is held then
     */
    public ReservationResult holdCart(String cartId, Map<Sku, Integer> quantities, Duration ttl) {
        List<Problem> problems = new ArrayList<>();
        String cartIdProblem = cartId == null || cartId.isBlank() ? "must not be blank"
                : Checks.textProblem(cartId, MAX_CART_ID_LENGTH, false);
        if (cartIdProblem != null) {
            problems.add(new Problem("cartId", Checks.quote(cartId), cartIdProblem));
        }
        if (quantities == null || quantities.isEmpty()) {
            problems.add(new Problem("quantities", String.valueOf(quantities), "must hold at least one SKU"));
        } else {
            quantities.forEach((sku, qty) -> {
                String field = "quantities[" + sku + "]";
                if (sku == null) {
                    problems.add(new Problem("quantities", "null", "must not have a null SKU"));
                } else if (catalog.find(sku).isEmpty()) {
                    problems.add(new Problem(field, sku.value(), "must be a SKU the catalog knows"));
                }
                if (qty == null || qty < 1 || qty > limits.maxLineQuantity()) {
                    problems.add(new Problem(field, String.valueOf(qty), "must be from 1 to " + limits.maxLineQuantity()));
                }
            });
        }
        if (ttl == null || ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_CART_HOLD) > 0) {
            problems.add(new Problem("ttl", String.valueOf(ttl), "must be positive and at most " + MAX_CART_HOLD));
        }
        if (problems.isEmpty()) {
            Map<Sku, Long> units = new LinkedHashMap<>();
            // per unit, then multiplied in longs: the ints of catalog.stockUnits(sku, qty) could overflow here
            quantities.forEach((sku, qty) -> catalog.stockUnits(sku, 1)
                    .forEach((unit, perUnit) -> units.merge(unit, (long) perUnit * qty, Long::sum)));
            units.forEach((sku, n) -> {
                if (n > limits.maxStockUnitsPerSku()) {
                    problems.add(new Problem("quantities", sku + " x " + n, "must need at most " + limits.maxStockUnitsPerSku()
                            + " stock units of one SKU"));
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("cart hold " + (cartId == null ? "" : Checks.quote(cartId)), problems);
        }
        Map<Sku, Integer> need = new LinkedHashMap<>();
        quantities.forEach((sku, qty) -> addComponents(need, sku, qty));
        List<ReservationLine> lines = new ArrayList<>();
        need.forEach((sku, qty) -> lines.add(ReservationLine.anywhere(sku, qty)));
        return inventory.reserve(new ReservationRequest(new ReservationKey("cart-" + cartId), "cart " + cartId, lines,
                clock.instant().plus(ttl)));
    }

    /** Releases a cart's hold. */
    public Optional<Reservation> releaseCart(String cartId) {
        return inventory.release(new ReservationKey("cart-" + cartId));
    }

    /** Releases every hold past its expiry; returns how many lapsed. */
    public int expireHolds() {
        return inventory.expireReservations(clock.instant()).size();
    }

    // ---- queries ----

    /** The order with {@code id}. */
    public Optional<Order> order(OrderId id) {
        return orders.find(id);
    }

    /** The inventory store, for stock queries and adjustments. */
    public InventoryStore inventory() {
        return inventory;
    }

    /** The network. */
    public Network network() {
        return network;
    }

    /** The catalog. */
    public Catalog catalog() {
        return catalog;
    }

    /** The fulfilment workflow: every step after allocation (accept, pick, pack, ship, collect, deliver, expire). */
    public Fulfilments fulfilments() {
        return fulfilments;
    }

    /** The clock every decision uses. */
    public Clock clock() {
        return clock;
    }

    // ---- internals ----

    private Order load(OrderId id) {
        Checks.notNull(id, "id");
        return orders.find(id).orElseThrow(() -> new IllegalArgumentException("orderId " + id + " is not a known order"));
    }

    /** The order, after publishing the events of its last change when this process has not seen them published. */
    Order current(OrderId id) {
        Order order = load(id);
        flush(order);
        return order;
    }

    private void flush(Order order) {
        if (order.pendingEvents().isEmpty() || orders.storesEvents()) {
            return;
        }
        Long done = published.getIfPresent(order.id());
        if (done != null && done >= order.version()) {
            return;
        }
        events.publish(order.pendingEvents());
        markPublished(order);
    }

    private void markPublished(Order order) {
        published.asMap().merge(order.id(), order.version(), Math::max);
    }

    /**
     * Publishes the events of the order's last change unless this process saw them published: for a host that wants
     * the events of an order nobody touches again after a crash (at-least-once; event ids are stable).
     *
     * @return the order
     * @throws IllegalArgumentException when the order is unknown
     */
    public Order publishPendingEvents(OrderId id) {
        return locked(id, () -> current(id));
    }

    <T> T locked(OrderId id, Supplier<T> work) {
        Lock lock = locks.get(Checks.notNull(id, "id"));
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    static Change<Order, OrderEvent> withKey(Change<Order, OrderEvent> change, CommandKey key) {
        return key == null ? change : change.then(o -> Change.unchanged(o.withCommandKey(key)));
    }

    /** The order a command was applied to, and the order after it (the same when the command changed nothing). */
    record Applied(Order before, Order after) {
        boolean changed() {
            return before != after;
        }
    }

    private Order apply(OrderId id, Function<Order, Change<Order, OrderEvent>> command) {
        return update(id, command).after();
    }

    /**
     * Loads, applies and saves with optimistic retries; publishes the events of the saved change (or leaves them to
     * the repository's outbox).
     */
    Applied update(OrderId id, Function<Order, Change<Order, OrderEvent>> command) {
        for (int attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
            Order current = current(id);
            // a shipment in progress leaves the stock before anything else changes; the change then forgets it
            boolean shipped = completeShipments(current);
            Change<Order, OrderEvent> change = command.apply(shipped ? current.withoutShipping() : current);
            if (!change.changed()) {
                return new Applied(current, current);
            }
            Order next = versioned(current, change.state());
            if (!orders.storesEvents()) {
                next = next.withPendingEvents(change.events());
            }
            SaveOutcome outcome = orders.save(next, change.events());
            if (outcome == SaveOutcome.SAVED) {
                if (!orders.storesEvents()) {
                    events.publish(change.events());
                    markPublished(next);
                }
                return new Applied(current, next);
            }
            LOG.debug("order {} changed concurrently (attempt {}), retrying", id, attempt + 1);
        }
        throw new SpiException("order " + id + " kept changing concurrently; gave up after " + MAX_CONFLICT_RETRIES + " attempts",
                null, true);
    }

    /** A change made of several commands must still be saved as one version step. */
    private static Order versioned(Order current, Order next) {
        if (next.version() == current.version() + 1) {
            return next;
        }
        return new Order(next.id(), current.version() + 1, next.channel(), next.externalRef(), next.customer(),
                next.currency(), next.delivery(), next.lines(), next.discounts(), next.charges(), next.paymentRef(),
                next.payment(), next.hold(), next.placedAt(), next.confirmedAt(), next.allocations(), next.commandKeys(),
                List.of(), next.shipping());
    }

    /** Value of {@code units} units of {@code line}: its total shared out per unit, rounded half-even. */
    private static Money unitsValue(OrderLine line, int units) {
        return line.total().multipliedBy(units).dividedBy(line.quantity(), RoundingMode.HALF_EVEN);
    }

    /** What the customer still owes for units not cancelled: everything when none is, nothing when all are. */
    private static Money owed(Order order) {
        if (order.units(UnitState.CANCELLED) == 0) {
            return order.total();
        }
        Money zero = Money.zero(order.currency());
        if (order.status() == OrderStatus.CANCELLED) {
            return zero;
        }
        Money owed = order.total();
        for (OrderLine l : order.lines()) {
            if (l.units().cancelled() > 0) {
                owed = owed.minus(unitsValue(l, l.units().cancelled()));
            }
        }
        return owed.isNegative() ? zero : owed;
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
        for (int round = 0; round < MAX_CONFLICT_RETRIES; round++) {
            Order order = current(id);
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
            update(id, o -> {
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
        PaymentStatus status = order.payment().status();
        return order.status() == OrderStatus.CANCELLED && !order.paymentRef().isEmpty() && order.total().isPositive()
                && (status == PaymentStatus.UNKNOWN || status == PaymentStatus.NOT_ATTEMPTED);
    }

    /**
     * Asks the provider again under the order's authorisation key, which answers with the first call's outcome (or
     * authorises now, when no call ever got through); what it authorised is then voided by {@link #settle(OrderId)}.
     */
    private void resolveAuthorisation(Order order) {
        PaymentResult result = payments.execute(new PaymentRequest(PaymentRequest.Kind.AUTHORISE, authorisationKey(order),
                order.id(), order.total(), order.paymentRef()));
        if (result.outcome() == PaymentOutcome.UNKNOWN || result.outcome() == PaymentOutcome.NOT_ATTEMPTED) {
            throw new SpiException("the authorisation of cancelled order " + order.id() + " is still " + result.outcome()
                    + "; call again to release it", null, true);
        }
        Instant now = clock.instant();
        update(order.id(), o -> {
            if (!authorisationInDoubt(o)) {
                return Change.unchanged(o);
            }
            PaymentSummary resolved = result.succeeded() ? o.payment().authorisedFor(o.total(), result.reference())
                    : o.payment().with(PaymentStatus.DECLINED, result.message());
            return o.recordPayment("authorise", result.outcome(), resolved, now);
        });
    }

    private void answer(Order order, PaymentIntent intent) {
        PaymentResult result = payments.execute(new PaymentRequest(intent.kind(), intent.key(), order.id(), intent.amount(),
                order.payment().authorisationRef()));
        if (result.outcome() == PaymentOutcome.UNKNOWN || result.outcome() == PaymentOutcome.NOT_ATTEMPTED) {
            throw new SpiException(intentName(intent) + " of " + intent.amount() + " for order " + order.id() + " ended "
                    + result.outcome() + "; call again to settle it", null, true);
        }
        if (result.outcome() == PaymentOutcome.DECLINED) {
            LOG.warn("{} of {} for order {} declined: {}", intentName(intent), intent.amount(), order.id(), result.message());
        }
        Instant now = clock.instant();
        update(order.id(), o -> o.payment().intents().contains(intent)
                ? o.recordPayment(intentName(intent), result.outcome(), o.payment().answered(intent, result), now)
                : Change.unchanged(o));
    }

    private static String intentName(PaymentIntent intent) {
        return intent.kind() == PaymentRequest.Kind.CAPTURE ? "capture" : "void";
    }

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
        Money owed = owed(order);
        Money due = order.needsNoStock() && handedOver(order) > 0 ? owed : min(owed, handedOverValue(order));
        Money capture = min(due.minus(p.captured()), p.authorised());
        if (capture.isPositive()) {
            return PaymentIntent.of(PaymentRequest.Kind.CAPTURE, "capture-" + suffix, capture);
        }
        Money stillOwed = owed.minus(p.captured().isGreaterThan(due) ? p.captured() : due);
        Money excess = p.authorised().minus(stillOwed.isNegative() ? Money.zero(order.currency()) : stillOwed);
        return excess.isPositive() ? PaymentIntent.of(PaymentRequest.Kind.VOID, "void-" + suffix, excess) : null;
    }

    private static Money min(Money a, Money b) {
        return a.isGreaterThan(b) ? b : a;
    }

    private static int handedOver(Order order) {
        return order.units(UnitState.SHIPPED) + order.units(UnitState.PICKED_UP) + order.units(UnitState.DELIVERED)
                + order.units(UnitState.RETURNED);
    }

    /** What the units handed over (shipped, collected, delivered, returned) are worth, line by line. */
    private static Money handedOverValue(Order order) {
        Money value = Money.zero(order.currency());
        for (OrderLine l : order.lines()) {
            int units = l.units().shipped() + l.units().pickedUp() + l.units().delivered() + l.units().returned();
            if (units > 0) {
                value = value.plus(unitsValue(l, units));
            }
        }
        return value;
    }

    private static String reservationKeyFor(OrderId id, int attempt) {
        return "res-" + id + "-" + attempt;
    }

    private static String reservationKey(Order order) {
        return reservationKeyFor(order.id(), order.payment().attempt());
    }

    private static String authorisationKey(Order order) {
        return "auth-" + order.id() + "-" + order.payment().attempt();
    }

    private List<ReservationLine> reservationLines(Order order, UnitState state) {
        Map<Sku, Integer> need = new LinkedHashMap<>();
        for (OrderLine l : order.lines()) {
            if (l.units().get(state) > 0) {
                addComponents(need, l.sku(), l.units().get(state));
            }
        }
        List<ReservationLine> lines = new ArrayList<>(need.size());
        need.forEach((sku, qty) -> lines.add(ReservationLine.anywhere(sku, qty)));
        return lines;
    }

    /**
     * The stock units {@code quantities} of the order's lines take, per SKU (bundles as their components).
     *
     * @throws IllegalArgumentException naming a line the order does not have
     */
    Map<Sku, Integer> stockUnits(Order order, List<LineQuantity> quantities) {
        Map<Sku, Integer> units = new LinkedHashMap<>();
        for (LineQuantity q : quantities) {
            OrderLine line = order.line(q.line()).orElseThrow(
                    () -> new IllegalArgumentException("line " + q.line() + " is not a line of order " + order.id()));
            addComponents(units, line.sku(), q.quantity());
        }
        return units;
    }

    /** Adds the stock units selling {@code quantity} of {@code sku} needs: its components when it is a bundle. */
    private void addComponents(Map<Sku, Integer> need, Sku sku, int quantity) {
        catalog.stockUnits(sku, quantity).forEach((unit, n) -> need.merge(unit, n, Integer::sum));
    }

    /**
     * The key of a stock movement named {@code text}: the text itself when it fits a key, else its start and a digest
     * of the whole (ids of orders, fulfilments and SKUs can make it long).
     */
    static MovementKey movementKey(String text) {
        if (text.length() <= 100) {
            return MovementKey.of(text);
        }
        String digest = com.google.common.hash.Hashing.sha256().hashString(text, java.nio.charset.StandardCharsets.UTF_8)
                .toString().substring(0, 40);
        return MovementKey.of(text.substring(0, 59) + "~" + digest);
    }

    /** The reference every reservation and allocation made for the order carries. */
    private static String stockReference(OrderId id) {
        return id.value();
    }

    /**
     * Brings stock in line with the order: the current attempt's reservation holds exactly the order's reserved units,
     * earlier attempts' nothing, and each allocation exactly its allocated and ready units. Looks at the keys the
     * order (and {@code before}) name, every allocation the order ever recorded, its shipments in progress and
     * {@code moreAllocationKeys}. Given a {@code recoveryCutoff} (a retry, a failure path: the grace period ago; a
     * sweep: its own), it also looks at everything the inventory holds under the order's reference and releases what
     * the order does not account for when the order needs no more stock or the stock was made at or before the cutoff
     * (later, it may belong to a call still in flight). Idempotent, so a retry after a failure converges.
     *
     * @return the keys released in recovery that the order did not name
     */
    Orphans syncStock(Order order, Order before, Set<String> moreAllocationKeys, boolean recovery) {
        return syncStock(order, before, moreAllocationKeys, recovery ? clock.instant().minus(stockGrace) : null);
    }

    private Orphans syncStock(Order order, Order before, Set<String> moreAllocationKeys, Instant recoveryCutoff) {
        Map<ReservationKey, Map<Sku, Integer>> wantedReserved = new LinkedHashMap<>();
        int attempt = order.payment().attempt();
        if (attempt > 1) {
            // the attempt just declined; older ones were let go when they ended, or are found by a recovery
            wantedReserved.put(new ReservationKey(reservationKeyFor(order.id(), attempt - 1)), new LinkedHashMap<>());
        }
        wantedReserved.put(new ReservationKey(reservationKeyFor(order.id(), attempt)), new LinkedHashMap<>());
        for (ReservationLine l : reservationLines(order, UnitState.RESERVED)) {
            wantedReserved.get(new ReservationKey(reservationKey(order))).merge(l.sku(), l.quantity(), Integer::sum);
        }
        Map<String, Map<String, Integer>> wantedAllocated = new LinkedHashMap<>();
        Set<String> keys = new LinkedHashSet<>(moreAllocationKeys);
        for (LineAllocation a : order.allocations()) {
            keys.add(a.inventoryKey());
            want(wantedAllocated, a.inventoryKey(), a.location(), stockUnits(order, List.of(LineQuantity.of(a.line(), a.units()))));
        }
        for (ShipmentIntent s : order.shipping()) {
            // shipped on the order, perhaps not yet out of the allocation: never let go of them
            keys.add(s.inventoryKey());
            want(wantedAllocated, s.inventoryKey(), s.location(), stockUnits(order, s.quantities()));
        }
        if (before != null) {
            for (LineAllocation a : before.allocations()) {
                keys.add(a.inventoryKey());
            }
        }
        for (CommandKey k : order.commandKeys()) {
            if (k.command() == OrderCommand.ALLOCATE) {
                keys.add(k.key());
            }
        }
        for (Map.Entry<ReservationKey, Map<Sku, Integer>> e : wantedReserved.entrySet()) {
            inventory.findReservation(e.getKey()).ifPresent(r -> trim(r, e.getValue()));
        }
        for (String key : keys) {
            inventory.findAllocation(new AllocationKey(key)).ifPresent(a -> trim(a, wantedAllocated.getOrDefault(key, Map.of())));
        }
        if (recoveryCutoff == null) {
            return Orphans.NONE;
        }
        Instant cutoff = recoveryCutoff;
        boolean settled = order.needsNoStock();
        List<ReservationKey> releasedReservations = new ArrayList<>();
        List<AllocationKey> releasedAllocations = new ArrayList<>();
        HeldStock held = inventory.heldFor(stockReference(order.id()));
        for (Reservation r : held.reservations()) {
            if (!wantedReserved.containsKey(r.key()) && (settled || isEarlierAttempt(order, r.key()) || !r.createdAt().isAfter(cutoff))) {
                inventory.release(r.key());
                releasedReservations.add(r.key());
            }
        }
        for (Allocation a : held.allocations()) {
            if (!keys.contains(a.key().value()) && (settled || !a.createdAt().isAfter(cutoff))) {
                trim(a, Map.of());
                releasedAllocations.add(a.key());
            }
        }
        return new Orphans(releasedReservations, releasedAllocations);
    }

    /**
     * An orphan allocation that drew on the order's reservation took the reservation's units with it when it was
     * released: the order's reserved units it no longer backs go back to open (not held), to be sourced from what is
     * available, and the rest of their reservation is let go.
     */
    private void reopenUnbackedUnits(Order order) {
        Map<Sku, Integer> held = new LinkedHashMap<>();
        inventory.findReservation(new ReservationKey(reservationKey(order))).filter(Reservation::isActive)
                .ifPresent(r -> r.held().forEach(l -> held.merge(l.sku(), l.quantity(), Integer::sum)));
        Set<Sku> unbacked = new LinkedHashSet<>();
        for (ReservationLine wanted : reservationLines(order, UnitState.RESERVED)) {
            if (held.getOrDefault(wanted.sku(), 0) < wanted.quantity()) {
                unbacked.add(wanted.sku());
            }
        }
        if (unbacked.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Applied reopened = update(order.id(), o -> {
            List<LineQuantity> back = new ArrayList<>();
            for (OrderLine l : o.lines()) {
                Map<Sku, Integer> parts = new LinkedHashMap<>();
                addComponents(parts, l.sku(), 1);
                if (l.units().reserved() > 0 && parts.keySet().stream().anyMatch(unbacked::contains)) {
                    back.add(LineQuantity.of(l.id(), l.units().reserved()));
                }
            }
            return back.isEmpty() ? Change.unchanged(o) : o.releaseReservation(back, now);
        });
        syncStock(reopened.after(), reopened.before(), Set.of(), false);
    }

    /** Releases the reservations of declined payment attempts (a retry may find one its first call did not release). */
    private void releaseEarlierAttempts(Order order) {
        if (order.payment().attempt() == 1) {
            return;
        }
        for (Reservation r : inventory.heldFor(stockReference(order.id())).reservations()) {
            if (isEarlierAttempt(order, r.key())) {
                inventory.release(r.key());
            }
        }
    }

    /** Whether {@code key} is the reservation of one of the order's earlier, declined payment attempts. */
    private static boolean isEarlierAttempt(Order order, ReservationKey key) {
        for (int attempt = 1; attempt < order.payment().attempt(); attempt++) {
            if (key.value().equals(reservationKeyFor(order.id(), attempt))) {
                return true;
            }
        }
        return false;
    }

    /** Stock a recovery released that the order did not name. */
    record Orphans(List<ReservationKey> reservations, List<AllocationKey> allocations) {
        static final Orphans NONE = new Orphans(List.of(), List.of());

        boolean isEmpty() {
            return reservations.isEmpty() && allocations.isEmpty();
        }
    }

    private static void want(Map<String, Map<String, Integer>> wanted, String inventoryKey, LocationId location,
                             Map<Sku, Integer> units) {
        Map<String, Integer> perPosition = wanted.computeIfAbsent(inventoryKey, k -> new LinkedHashMap<>());
        units.forEach((sku, qty) -> perPosition.merge(position(sku, location), qty, Integer::sum));
    }

    private static String position(Sku sku, LocationId location) {
        return sku.value() + "@" + location.value();
    }

    private void trim(Reservation reservation, Map<Sku, Integer> wanted) {
        if (!reservation.isActive()) {
            return;
        }
        if (wanted.isEmpty()) {
            inventory.release(reservation.key());
            return;
        }
        Map<Sku, Integer> held = new LinkedHashMap<>();
        for (ReservationLine l : reservation.held()) {
            held.merge(l.sku(), l.quantity(), Integer::sum);
        }
        held.forEach((sku, qty) -> {
            int excess = qty - wanted.getOrDefault(sku, 0);
            if (excess > 0) {
                inventory.release(reservation.key(), sku, excess);
            }
        });
    }

    private void trim(Allocation allocation, Map<String, Integer> wanted) {
        Allocation current = allocation;
        for (int round = 0; ; round++) {
            try {
                for (AllocationLine open : current.open()) {
                    int excess = open.quantity() - wanted.getOrDefault(position(open.sku(), open.location()), 0);
                    if (excess > 0) {
                        inventory.deallocate(current.key(), open.sku(), open.location(), excess);
                    }
                }
                return;
            } catch (IllegalArgumentException shrank) {
                // another node shipped or let go of units of this allocation since it was read: read it again
                Optional<Allocation> again = inventory.findAllocation(allocation.key());
                if (round == 2 || again.isEmpty()) {
                    throw new SpiException("allocation " + allocation.key() + " kept changing concurrently; call again", shrank, true);
                }
                current = again.get();
            }
        }
    }

    // ---- reconciliation ----

    /**
     * The safety net for calls nobody retried: looks at every owner of stock made at least {@code olderThan} ago
     * that is a known order, and gives back what the order does not account for (a reservation of an earlier payment
     * attempt, an allocation the order never recorded, units the order cancelled or shipped), publishing an
     * {@link OrderEvent.OrderStockReconciled} for each order it corrected. Stock of other owners (cart holds) is left
     * alone. Call it from a scheduler; in the normal path it finds nothing.
     *
     * @param olderThan stock younger than this is left alone (it may belong to a call in flight)
     * @param limit     at most this many owners are looked at per page of the inventory's answer
     * @return the orders it corrected
     */
    public List<OrderId> reconcileStock(Duration olderThan, int limit) {
        Checks.notNull(olderThan, "olderThan");
        Checks.positive(limit, "limit");
        if (olderThan.isNegative()) {
            throw new IllegalArgumentException("olderThan must not be negative, was " + olderThan);
        }
        Instant cutoff = clock.instant().minus(olderThan);
        List<OrderId> corrected = new ArrayList<>();
        String after = null;
        while (true) {
            List<String> page = inventory.holders(cutoff, after, limit);
            for (String reference : page) {
                OrderId id = OrderId.tryParse(reference);
                if (id != null && reconcileOrderStock(id, cutoff)) {
                    corrected.add(id);
                }
            }
            if (page.size() < limit) {
                return corrected;
            }
            after = page.get(page.size() - 1);
        }
    }

    /**
     * Gives back the stock held for one order that the order does not account for: everything of it when the order
     * needs no more stock (cancelled, all shipped), else what was made before the grace period
     * ({@link Builder#stockGrace}). Publishes an {@link OrderEvent.OrderStockReconciled} when it released anything.
     * For a workflow that finds an order it was working for has moved on (a retried sourcing of a cancelled order).
     *
     * @return whether it released anything
     * @throws IllegalArgumentException when the order is unknown
     */
    public boolean reconcileStock(OrderId id) {
        load(id);
        return reconcileOrderStock(id, clock.instant().minus(stockGrace));
    }

    private boolean reconcileOrderStock(OrderId id, Instant cutoff) {
        return locked(id, () -> {
            Optional<Order> found = orders.find(id);
            if (found.isEmpty()) {
                return false;
            }
            Order order = found.get();
            Orphans orphans = syncStock(order, null, Set.of(), cutoff);
            if (orphans.isEmpty()) {
                return false;
            }
            reopenUnbackedUnits(order);
            LOG.warn("order {}: released stock it did not account for: reservations {}, allocations {}", id,
                    orphans.reservations(), orphans.allocations());
            events.publish(List.of(new OrderEvent.OrderStockReconciled(UUID.randomUUID(), id, order.version(), clock.instant(),
                    orphans.reservations(), orphans.allocations())));
            return true;
        });
    }

    /**
     * Wires an {@link Oms} from the SPIs. Required: an inventory store and a payment gateway. Defaults: the
     * system UTC clock, an empty network, in-memory catalog and order repository, no event publishing,
     * {@link OrderValidator.Limits#DEFAULT} limits, pending payments cancelled after 24 hours, stock of an interrupted
     * call left alone for 5 minutes before a recovery gives it back.
     */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private Network network = Network.empty();
        private Catalog catalog = new InMemoryCatalog();
        private OrderRepository orders = new InMemoryOrderRepository();
        private InventoryStore inventory;
        private PaymentGateway payments;
        private EventPublisher events = EventPublisher.none();
        private OrderValidator.Limits limits = OrderValidator.Limits.DEFAULT;
        private Duration paymentPendingTimeout = Duration.ofHours(24);
        private Supplier<OrderId> ids = OrderId::random;
        private Duration stockGrace = Duration.ofMinutes(5);
        private FulfilmentRepository fulfilments = new InMemoryFulfilmentRepository();
        private final Map<DeliveryMethod, Duration> pickupPeriods = new java.util.EnumMap<>(Map.of(
                DeliveryMethod.EXPRESS_CLICK_AND_COLLECT, Duration.ofDays(3), DeliveryMethod.SHIP_TO_STORE, Duration.ofDays(7)));
        private final Map<LocationId, Duration> storePickupPeriods = new java.util.HashMap<>();
        private Supplier<String> pickupCodes = PickupCodes::random;

        private Builder() {
        }

        /** Where fulfilments are stored. */
        public Builder fulfilments(FulfilmentRepository fulfilments) {
            this.fulfilments = Checks.notNull(fulfilments, "fulfilments");
            return this;
        }

        /**
         * How long a pickup order of {@code method} waits for the customer once ready for collection before it
         * expires. Defaults: 3 days for express click and collect, 7 days for ship to store.
         *
         * @throws IllegalArgumentException when {@code method} is a home delivery or the period is not positive
         */
        public Builder pickupPeriod(DeliveryMethod method, Duration period) {
            Checks.notNull(method, "method");
            if (!method.isPickup()) {
                throw new IllegalArgumentException("method must be a pickup method, was " + method);
            }
            pickupPeriods.put(method, positive(period, "pickupPeriod"));
            return this;
        }

        /** How long fulfilments collected at {@code store} wait for the customer; overrides the method's period. */
        public Builder pickupPeriod(LocationId store, Duration period) {
            storePickupPeriods.put(Checks.notNull(store, "store"), positive(period, "pickupPeriod"));
            return this;
        }

        /** Where pickup codes come from (six random digits by default); each must be 1 to 100 characters. */
        public Builder pickupCodes(Supplier<String> codes) {
            this.pickupCodes = Checks.notNull(codes, "pickupCodes");
            return this;
        }

        private static Duration positive(Duration period, String name) {
            Checks.notNull(period, name);
            if (period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive, was " + period);
            }
            return period;
        }

        /** The clock every decision and event time comes from. */
        public Builder clock(Clock clock) { this.clock = Checks.notNull(clock, "clock"); return this; }
        /** The fulfilment network. */
        public Builder network(Network network) { this.network = Checks.notNull(network, "network"); return this; }
        /** The product catalog; placement rejects SKUs it does not know. */
        public Builder catalog(Catalog catalog) { this.catalog = Checks.notNull(catalog, "catalog"); return this; }
        /** Where orders are stored. */
        public Builder orders(OrderRepository orders) { this.orders = Checks.notNull(orders, "orders"); return this; }
        /** Where stock is kept. */
        public Builder inventory(InventoryStore inventory) { this.inventory = Checks.notNull(inventory, "inventory"); return this; }
        /** The payment provider. */
        public Builder payments(PaymentGateway payments) { this.payments = Checks.notNull(payments, "payments"); return this; }
        /** Where order events go (inventory events are published by the inventory store itself). */
        public Builder events(EventPublisher events) { this.events = Checks.notNull(events, "events"); return this; }
        /** The largest quantity a line (and a cart hold of one SKU) may have; the other limits stay as they are. */
        public Builder maxLineQuantity(int max) {
            this.limits = new OrderValidator.Limits(Checks.positive(max, "maxLineQuantity"), limits.maxStockUnitsPerSku(),
                    limits.maxOrderAmountMinor());
            return this;
        }
        /** What placement refuses as absurd: line quantities, stock units per SKU, order amounts. */
        public Builder limits(OrderValidator.Limits limits) { this.limits = Checks.notNull(limits, "limits"); return this; }
        /** How long an order may wait for an unknown payment outcome before reconciliation cancels it. */
        public Builder paymentPendingTimeout(Duration timeout) { this.paymentPendingTimeout = Checks.notNull(timeout, "paymentPendingTimeout"); return this; }
        /**
         * How old stock held for an order must be before a recovery gives it back when the order does not account for
         * it and still needs stock (younger, it may belong to a call in flight). Default 5 minutes.
         */
        public Builder stockGrace(Duration grace) {
            Checks.notNull(grace, "stockGrace");
            if (grace.isNegative()) {
                throw new IllegalArgumentException("stockGrace must not be negative, was " + grace);
            }
            this.stockGrace = grace;
            return this;
        }
        /** Where new order ids come from (random UUIDs by default). */
        public Builder orderIds(Supplier<OrderId> ids) { this.ids = Checks.notNull(ids, "orderIds"); return this; }

        /**
         * The wired {@link Oms}.
         *
         * @throws IllegalStateException when the inventory store or payment gateway is missing
         */
        public Oms build() {
            if (inventory == null) {
                throw new IllegalStateException("inventory must be set: an InventoryStore such as InMemoryInventoryStore");
            }
            if (payments == null) {
                throw new IllegalStateException("payments must be set: a PaymentGateway such as FakePaymentGateway");
            }
            return new Oms(this);
        }
    }
}

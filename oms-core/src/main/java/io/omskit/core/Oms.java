package io.omskit.core;

import io.omskit.core.catalog.BundleComponent;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.common.Change;
import io.omskit.core.common.Checks;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.inmemory.InMemoryOrderRepository;
import io.omskit.core.inventory.Allocation;
import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.inventory.AllocationLine;
import io.omskit.core.inventory.AllocationRequest;
import io.omskit.core.inventory.AllocationResult;
import io.omskit.core.inventory.MovementKey;
import io.omskit.core.inventory.Reservation;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.inventory.ReservationLine;
import io.omskit.core.inventory.ReservationRequest;
import io.omskit.core.inventory.ReservationResult;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.Network;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.HoldReason;
import io.omskit.core.order.LineAllocation;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderLine;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.order.OrderValidator;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.order.UnitMove;
import io.omskit.core.order.UnitState;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.joda.money.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point of OMS Kit: places orders from every channel, holds stock for carts and orders, takes
 * payment, cancels and ships — wired from the SPIs with {@link #builder()}. Thread-safe.
 *
 * <p>Every workflow is made of idempotent steps (reservations, allocations and payments carry keys derived
 * from the order), so a call that failed half-way — or a retry of the same placement — picks up where it
 * stopped and never holds stock or moves money twice.
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

    private Oms(Builder b) {
        this.clock = b.clock;
        this.network = b.network;
        this.catalog = b.catalog;
        this.orders = b.orders;
        this.inventory = b.inventory;
        this.payments = b.payments;
        this.events = b.events;
        this.validator = new OrderValidator(catalog, network, b.maxLineQuantity);
        this.paymentPendingTimeout = b.paymentPendingTimeout;
        this.ids = b.ids;
    }

    /** A builder; every SPI defaults to its in-memory adapter except the inventory store and payment gateway. */
    public static Builder builder() {
        return new Builder();
    }

    // ---- placement ----

    /**
     * Places an order: validates it, reserves stock for every line, authorises payment and confirms it.
     * Placing the same channel and external reference again returns the order placed the first time (and
     * finishes its placement if that was interrupted).
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
        SaveOutcome saved = orders.save(placed.state(), placed.events());
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
        }
        LOG.debug("placed order {} from {} with {} line(s)", placed.state().id(), request.channel(), request.lines().size());
        return proceed(placed.state().id(), false);
    }

    private PlacementResult replay(Order existing, PlaceOrderRequest request) {
        if (!sameLines(existing, request)) {
            throw new IllegalArgumentException("externalRef " + request.externalRef() + " of channel " + request.channel()
                    + " was already used for order " + existing.id() + " with different lines");
        }
        LOG.debug("placement of {} {} replayed as order {}", request.channel(), request.externalRef(), existing.id());
        return proceed(existing.id(), true);
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

    /** Drives an order through reservation, payment and confirmation as far as it can go now. */
    private PlacementResult proceed(OrderId id, boolean replayed) {
        Order order = load(id);
        if (order.status() != OrderStatus.AWAITING_CONFIRMATION) {
            return describe(order, replayed);
        }
        if (order.units(UnitState.OPEN) > 0) {
            ReservationResult reserved = inventory.reserve(new ReservationRequest(new ReservationKey(reservationKey(order)), "order " + order.id(),
                    reservationLines(order, UnitState.OPEN), null));
            if (reserved instanceof ReservationResult.Insufficient insufficient) {
                LOG.debug("order {} cannot be reserved: {}", id, insufficient.shortages());
                Order cancelled = update(id, o -> o.status() == OrderStatus.AWAITING_CONFIRMATION
                        ? o.cancelAll(CancellationReason.OUT_OF_STOCK, clock.instant()) : Change.unchanged(o));
                syncStock(cancelled, null);
                return new PlacementResult(cancelled, PlacementResult.Outcome.OUT_OF_STOCK, insufficient.shortages(), replayed);
            }
            order = update(id, o -> o.units(UnitState.OPEN) > 0 && o.status() == OrderStatus.AWAITING_CONFIRMATION
                    ? o.reserveAll(clock.instant()) : Change.unchanged(o));
            if (order.status() != OrderStatus.AWAITING_CONFIRMATION) {
                syncStock(order, null);
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
                Order confirmed = update(id, o -> o.status() != OrderStatus.AWAITING_CONFIRMATION ? Change.unchanged(o)
                        : o.recordPayment(operation, PaymentOutcome.SUCCEEDED, o.payment().authorisedFor(o.total(), result.reference()), now)
                        .then(p -> p.confirm(now)));
                LOG.debug("order {} confirmed", id);
                return describe(confirmed, replayed);
            }
            case DECLINED -> {
                LOG.warn("payment of order {} declined (attempt {})", id, payment.attempt());
                Order held = update(id, o -> o.status() != OrderStatus.AWAITING_CONFIRMATION ? Change.unchanged(o)
                        : o.releaseAllReservations(now)
                        .then(p -> p.recordPayment(operation, PaymentOutcome.DECLINED,
                                p.payment().with(PaymentStatus.DECLINED, result.message()).nextAttempt(), now))
                        .then(p -> p.hold(HoldReason.PAYMENT_DECLINED, result.message(), now)));
                inventory.release(new ReservationKey(reservationKeyFor(id, payment.attempt())));
                return new PlacementResult(held, PlacementResult.Outcome.PAYMENT_DECLINED, List.of(), replayed);
            }
            default -> {
                PaymentStatus status = result.outcome() == PaymentOutcome.UNKNOWN ? PaymentStatus.UNKNOWN : PaymentStatus.NOT_ATTEMPTED;
                LOG.warn("payment of order {} ended {}; stock stays reserved until reconciled", id, result.outcome());
                Order pending = update(id, o -> o.status() != OrderStatus.AWAITING_CONFIRMATION || o.payment().status() == status
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
            case ON_HOLD -> order.payment().status() == PaymentStatus.DECLINED
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
        Order order = load(id);
        if (order.status() == OrderStatus.AWAITING_CONFIRMATION
                && Duration.between(order.placedAt(), clock.instant()).compareTo(paymentPendingTimeout) > 0) {
            LOG.warn("order {} still awaiting payment after {}; cancelling", id, paymentPendingTimeout);
            Order cancelled = cancelOrder(id, CancellationReason.PAYMENT_FAILED);
            return new PlacementResult(cancelled, PlacementResult.Outcome.IN_PROGRESS, List.of(), false);
        }
        return proceed(id, false);
    }

    /** Reconciles up to {@code limit} orders awaiting confirmation; returns what became of each. */
    public List<PlacementResult> reconcilePendingPayments(int limit) {
        List<PlacementResult> results = new ArrayList<>();
        for (OrderId id : orders.findAwaitingConfirmation(limit)) {
            results.add(reconcilePayment(id));
        }
        return results;
    }

    /**
     * Lifts an order's hold and, when it still awaits confirmation (after a declined payment), reserves stock and
     * tries payment again.
     */
    public PlacementResult releaseHold(OrderId id) {
        update(id, o -> o.isOnHold() ? o.releaseHold(clock.instant()) : Change.unchanged(o));
        return proceed(id, false);
    }

    /** Puts an order on hold; stock stays held. */
    public Order hold(OrderId id, HoldReason reason, String detail) {
        return update(id, o -> o.hold(reason, detail, clock.instant()));
    }

    // ---- cancellation ----

    /**
     * Cancels units of an order that have not shipped; their stock is released and the payment for them voided.
     *
     * @throws io.omskit.core.order.IllegalTransitionException when the order's status forbids it or too few units are cancellable
     */
    public Order cancel(OrderId id, List<LineQuantity> quantities, CancellationReason reason) {
        Order before = load(id);
        Order after = update(id, o -> o.cancel(quantities, reason, clock.instant()));
        syncStock(after, before);
        return settlePayment(after);
    }

    /** Cancels every unit of an order not yet shipped or collected. */
    public Order cancelOrder(OrderId id, CancellationReason reason) {
        Order before = load(id);
        Order after = update(id, o -> o.cancelAll(reason, clock.instant()));
        syncStock(after, before);
        return settlePayment(after);
    }

    // ---- allocation and shipping ----

    /**
     * Allocates units of an order at a location, drawing on the order's reservation. Sourcing decides where;
     * this is the step that applies a decision.
     *
     * @return the allocation result; when insufficient, nothing changed
     */
    public AllocationResult allocate(OrderId id, LocationId location, List<LineQuantity> quantities) {
        Order order = load(id);
        String key = "alloc-" + id + "-" + location + "-v" + order.version();
        Map<Sku, Integer> need = new LinkedHashMap<>();
        for (LineQuantity q : quantities) {
            OrderLine line = order.line(q.line()).orElseThrow(
                    () -> new IllegalArgumentException("line " + q.line() + " is not a line of order " + id));
            addComponents(need, line.sku(), q.quantity());
        }
        List<AllocationLine> lines = new ArrayList<>();
        need.forEach((sku, qty) -> lines.add(new AllocationLine(sku, location, qty)));
        AllocationResult result = inventory.allocate(new AllocationRequest(new AllocationKey(key), "order " + id, lines,
                new ReservationKey(reservationKey(order))));
        if (result.isAllocated()) {
            try {
                update(id, o -> o.allocate(location, key, quantities, clock.instant()));
            } catch (RuntimeException e) {
                syncStock(load(id), order);
                throw e;
            }
        }
        return result;
    }

    /**
     * Records units of an allocation as shipped: stock leaves the location and the payment for them is captured.
     * {@code shipmentRef} names the parcel and must be new for each shipment of the order; when the call fails after
     * the stock left (the order could not be saved), calling it again with the same arguments completes it without
     * taking the stock a second time.
     *
     * @throws IllegalArgumentException when the allocation holds nothing of the order
     * @throws io.omskit.core.order.IllegalTransitionException when the allocation holds fewer such units; nothing
     *         changed then
     */
    public Order ship(OrderId id, String allocationKey, List<LineQuantity> quantities, String shipmentRef) {
        Order before = load(id);
        LineAllocation held = null;
        for (LineAllocation a : before.allocations()) {
            if (a.allocationKey().equals(allocationKey)) {
                held = a;
            }
        }
        if (held == null) {
            throw new IllegalArgumentException("allocationKey " + allocationKey + " holds nothing of order " + id);
        }
        Instant now = clock.instant();
        before.ship(allocationKey, quantities, shipmentRef, now);
        // Stock leaves first, under keys fixed by the shipment: if saving the order then fails, calling ship again
        // replays the stock movements instead of repeating them and completes the order's side.
        Map<Sku, Integer> shipped = new LinkedHashMap<>();
        for (LineQuantity q : quantities) {
            addComponents(shipped, before.line(q.line()).orElseThrow().sku(), q.quantity());
        }
        for (Map.Entry<Sku, Integer> e : shipped.entrySet()) {
            inventory.ship(new AllocationKey(held.inventoryKey()), e.getKey(), held.location(), e.getValue(),
                    new MovementKey("ship-" + id + "-" + shipmentRef + "-" + e.getKey().value()));
        }
        Order order = update(id, o -> o.ship(allocationKey, quantities, shipmentRef, now));
        return capture(order, quantities, shipmentRef);
    }

    /**
     * Records on the order an inventory allocation made elsewhere (by sourcing): each location's lines become one
     * fulfilment keyed {@code <inventoryKey>@<location>}. When the order can no longer take it (cancelled or changed
     * meanwhile), the stock is given back and the exception rethrown.
     *
     * @param byLocation the order lines and quantities the allocation holds at each location
     */
    public Order recordAllocation(OrderId id, AllocationKey inventoryKey, Map<LocationId, List<LineQuantity>> byLocation) {
        Checks.notNull(inventoryKey, "inventoryKey");
        Checks.notNull(byLocation, "byLocation");
        try {
            return update(id, o -> {
                Change<Order, OrderEvent> change = Change.unchanged(o);
                Instant now = clock.instant();
                for (Map.Entry<LocationId, List<LineQuantity>> e : byLocation.entrySet()) {
                    if (!e.getValue().isEmpty()) {
                        change = change.then(p -> p.allocate(e.getKey(), inventoryKey.value() + "@" + e.getKey().value(),
                                inventoryKey.value(), e.getValue(), now));
                    }
                }
                return change;
            });
        } catch (RuntimeException e) {
            Order current = load(id);
            syncStock(current, current, java.util.Set.of(inventoryKey.value()));
            throw e;
        }
    }

    /**
     * Takes allocated units of one fulfilment back to open (a location rejected them); the stock they held is
     * released unless whoever re-sources them released it already.
     */
    public Order deallocate(OrderId id, String allocationKey, List<LineQuantity> quantities) {
        Order before = load(id);
        Order after = update(id, o -> o.deallocate(allocationKey, quantities, clock.instant()));
        syncStock(after, before);
        return after;
    }

    /** The key of the reservation holding stock for {@code order}'s reserved units (sourcing draws on it first). */
    public ReservationKey reservationKeyOf(Order order) {
        return new ReservationKey(reservationKey(order));
    }

    // ---- cart holds ----

    /**
     * Holds stock for a cart until {@code ttl} has passed or it is released. Idempotent by {@code cartId}.
     */
    public ReservationResult holdCart(String cartId, Map<Sku, Integer> quantities, Duration ttl) {
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

    /** The clock every decision uses. */
    public Clock clock() {
        return clock;
    }

    // ---- internals ----

    private Order load(OrderId id) {
        return orders.find(id).orElseThrow(() -> new IllegalArgumentException("orderId " + id + " is not a known order"));
    }

    /** Loads, applies and saves with optimistic retries; publishes the events of the saved change. */
    private Order update(OrderId id, Function<Order, Change<Order, OrderEvent>> command) {
        for (int attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
            Order current = load(id);
            Change<Order, OrderEvent> change = command.apply(current);
            if (!change.changed()) {
                return current;
            }
            Order next = versioned(current, change.state());
            SaveOutcome outcome = orders.save(next, change.events());
            if (outcome == SaveOutcome.SAVED) {
                if (!orders.storesEvents()) {
                    events.publish(change.events());
                }
                return next;
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
                next.payment(), next.hold(), next.placedAt(), next.confirmedAt(), next.allocations());
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

    /** Voids the part of the authorisation no longer owed after a cancellation. */
    private Order settlePayment(Order order) {
        PaymentSummary p = order.payment();
        boolean maybeAuthorised = p.status() == PaymentStatus.UNKNOWN;
        Money excess = maybeAuthorised ? order.total() : p.authorised().minus(owed(order).minus(p.captured()));
        if (!excess.isPositive() || order.paymentRef().isEmpty()) {
            return order;
        }
        if (!maybeAuthorised && excess.isGreaterThan(p.authorised())) {
            excess = p.authorised();
        }
        Money amount = excess;
        PaymentResult result = payments.execute(new PaymentRequest(PaymentRequest.Kind.VOID,
                "void-" + order.id() + "-v" + order.version(), order.id(), amount, p.authorisationRef()));
        if (!result.succeeded()) {
            LOG.warn("void of {} for order {} ended {}; the authorisation lapses at the provider", amount, order.id(), result.outcome());
            return order;
        }
        Instant now = clock.instant();
        return update(order.id(), o -> {
            PaymentSummary q = o.payment();
            Money left = maybeAuthorised ? Money.zero(o.currency()) : q.authorised().minus(amount);
            PaymentStatus status = left.isZero() && q.captured().isZero() ? PaymentStatus.VOIDED : q.status();
            return o.recordPayment("void", PaymentOutcome.SUCCEEDED,
                    new PaymentSummary(status, q.attempt(), q.authorisationRef(), left, q.captured(), q.refunded(), ""), now);
        });
    }

    /** Captures the value of shipped units; the last shipment captures what is left (charges, rounding). */
    private Order capture(Order order, List<LineQuantity> shipped, String shipmentRef) {
        PaymentSummary p = order.payment();
        if (order.paymentRef().isEmpty() || !p.authorised().isPositive()) {
            return order;
        }
        boolean last = order.units(UnitState.OPEN) + order.units(UnitState.RESERVED) + order.units(UnitState.ALLOCATED)
                + order.units(UnitState.READY) == 0;
        Money amount;
        if (last) {
            amount = owed(order).minus(p.captured());
        } else {
            amount = Money.zero(order.currency());
            for (LineQuantity q : shipped) {
                amount = amount.plus(unitsValue(order.line(q.line()).orElseThrow(), q.quantity()));
            }
        }
        if (amount.isGreaterThan(p.authorised())) {
            amount = p.authorised();
        }
        if (!amount.isPositive()) {
            return order;
        }
        Money toCapture = amount;
        PaymentResult result = payments.execute(new PaymentRequest(PaymentRequest.Kind.CAPTURE,
                "capture-" + order.id() + "-" + shipmentRef, order.id(), toCapture, p.authorisationRef()));
        Instant now = clock.instant();
        if (!result.succeeded()) {
            LOG.warn("capture of {} for order {} shipment {} ended {}", toCapture, order.id(), shipmentRef, result.outcome());
            return update(order.id(), o -> o.recordPayment("capture", result.outcome(), o.payment(), now));
        }
        return update(order.id(), o -> o.recordPayment("capture", PaymentOutcome.SUCCEEDED, o.payment().capturedAmount(toCapture), now));
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

    /** Adds the stock units selling {@code quantity} of {@code sku} needs: its components when it is a bundle. */
    private void addComponents(Map<Sku, Integer> need, Sku sku, int quantity) {
        Optional<SkuAttributes> attributes = catalog.find(sku);
        if (attributes.isPresent() && attributes.get().isBundle()) {
            for (BundleComponent c : attributes.get().components()) {
                need.merge(c.sku(), Math.multiplyExact(c.quantity(), quantity), Integer::sum);
            }
        } else {
            need.merge(sku, quantity, Integer::sum);
        }
    }

    /**
     * Brings stock in line with the order: the reservation holds exactly the order's reserved units and each
     * allocation exactly its allocated and ready units. Idempotent, so a retry after a failure converges.
     */
    private void syncStock(Order order, Order before) {
        syncStock(order, before, java.util.Set.of());
    }

    private void syncStock(Order order, Order before, java.util.Set<String> moreInventoryKeys) {
        ReservationKey key = new ReservationKey(reservationKey(order));
        Optional<Reservation> reservation = inventory.findReservation(key);
        if (reservation.isPresent() && reservation.get().isActive()) {
            Map<Sku, Integer> wanted = new LinkedHashMap<>();
            for (ReservationLine l : reservationLines(order, UnitState.RESERVED)) {
                wanted.put(l.sku(), l.quantity());
            }
            Map<Sku, Integer> held = new LinkedHashMap<>();
            for (ReservationLine l : reservation.get().held()) {
                held.merge(l.sku(), l.quantity(), Integer::sum);
            }
            held.forEach((sku, qty) -> {
                int excess = qty - wanted.getOrDefault(sku, 0);
                if (excess > 0) {
                    inventory.release(key, sku, excess);
                }
            });
        }
        // wanted units per inventory allocation, per "sku@location"
        Map<String, Map<String, Integer>> wanted = new LinkedHashMap<>();
        java.util.Set<String> keys = new java.util.LinkedHashSet<>(moreInventoryKeys);
        for (LineAllocation a : order.allocations()) {
            keys.add(a.inventoryKey());
            Map<Sku, Integer> units = new LinkedHashMap<>();
            addComponents(units, order.line(a.line()).orElseThrow().sku(), a.units());
            Map<String, Integer> perPosition = wanted.computeIfAbsent(a.inventoryKey(), k -> new LinkedHashMap<>());
            units.forEach((sku, qty) -> perPosition.merge(sku.value() + "@" + a.location().value(), qty, Integer::sum));
        }
        if (before != null) {
            for (LineAllocation a : before.allocations()) {
                keys.add(a.inventoryKey());
            }
        }
        for (String inventoryKey : keys) {
            Optional<Allocation> allocation = inventory.findAllocation(new AllocationKey(inventoryKey));
            if (allocation.isEmpty()) {
                continue;
            }
            Map<String, Integer> want = wanted.getOrDefault(inventoryKey, Map.of());
            for (AllocationLine open : allocation.get().open()) {
                int excess = open.quantity() - want.getOrDefault(open.sku().value() + "@" + open.location().value(), 0);
                if (excess > 0) {
                    inventory.deallocate(new AllocationKey(inventoryKey), open.sku(), open.location(), excess);
                }
            }
        }
    }

    /**
     * Wires an {@link Oms} from the SPIs. Required: an inventory store and a payment gateway. Defaults: the
     * system UTC clock, an empty network, in-memory catalog and order repository, no event publishing,
     * lines of at most {@link OrderValidator#DEFAULT_MAX_LINE_QUANTITY} units, pending payments cancelled after 24 hours.
     */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private Network network = Network.empty();
        private Catalog catalog = new InMemoryCatalog();
        private OrderRepository orders = new InMemoryOrderRepository();
        private InventoryStore inventory;
        private PaymentGateway payments;
        private EventPublisher events = EventPublisher.none();
        private int maxLineQuantity = OrderValidator.DEFAULT_MAX_LINE_QUANTITY;
        private Duration paymentPendingTimeout = Duration.ofHours(24);
        private Supplier<OrderId> ids = OrderId::random;

        private Builder() {
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
        /** The largest quantity a line may have. */
        public Builder maxLineQuantity(int max) { this.maxLineQuantity = Checks.positive(max, "maxLineQuantity"); return this; }
        /** How long an order may wait for an unknown payment outcome before reconciliation cancels it. */
        public Builder paymentPendingTimeout(Duration timeout) { this.paymentPendingTimeout = Checks.notNull(timeout, "paymentPendingTimeout"); return this; }
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

package io.omskit.core;

import io.omskit.core.catalog.Sku;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.inmemory.InMemoryFulfilmentRepository;
import io.omskit.core.inmemory.InMemoryOrderRepository;
import io.omskit.core.common.Change;
import io.omskit.core.common.Checks;
import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.inventory.AllocationResult;
import io.omskit.core.inventory.Reservation;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.inventory.ReservationResult;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.Network;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.CommandKey;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.HoldReason;
import io.omskit.core.order.LineAllocation;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderCommand;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderValidator;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.payment.PaymentOutcome;
import io.omskit.core.spi.Catalog;
import io.omskit.core.spi.EventPublisher;
import io.omskit.core.spi.FulfilmentRepository;
import io.omskit.core.spi.InventoryStore;
import io.omskit.core.spi.OrderRepository;
import io.omskit.core.spi.CarrierGateway;
import io.omskit.core.spi.PaymentGateway;
import io.omskit.core.spi.SpiException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.joda.money.Money;

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

    private final Clock clock;
    private final Network network;
    private final Catalog catalog;
    private final InventoryStore inventory;
    private final OrderBook book;
    private final Placement placement;
    private final Cancellation cancellation;
    private final Allocations allocations;
    private final CartHolds cartHolds;
    private final StockReconciliation stockReconciliation;
    private final Fulfilments fulfilments;
    private final Transfers transfers;
    private final CustomerService customerService;
    private final OrderBackorders backorders;
    private final OmsMetrics metrics;

    private Oms(Builder b) {
        this.clock = b.clock;
        this.network = b.network;
        this.catalog = b.catalog;
        this.inventory = b.inventory;
        // the workflows lean on the order book, the stock keeper and the settlement, never the other way round
        StockKeeper stock = new StockKeeper(b.inventory, b.catalog, b.clock, b.stockGrace);
        this.book = new OrderBook(b.orders, b.events, stock);
        this.metrics = b.metrics;
        PaymentGateway payments = metrics == OmsMetrics.NONE ? b.payments : new MeteredPaymentGateway(b.payments, metrics);
        Settlement settlement = new Settlement(book, payments, b.clock);
        this.fulfilments = new Fulfilments(book, stock, settlement, b.network, b.fulfilments, b.events, b.clock,
                b.pickupPeriods, b.storePickupPeriods, b.pickupCodes, b.carriers, b.typeAcceptanceLimits, b.acceptanceLimits);
        this.transfers = new Transfers(b.inventory, b.network, b.transfers, b.events, b.clock);
        this.stockReconciliation = new StockReconciliation(book, stock, b.inventory, b.events, b.fulfilments, b.clock);
        this.cancellation = new Cancellation(book, stock, settlement, fulfilments, b.clock);
        this.placement = new Placement(book, stock, settlement, cancellation, b.inventory, payments,
                new OrderValidator(b.catalog::find, b.network, b.limits), b.ids, b.clock, b.paymentPendingTimeout,
                b.tenderOrder, Map.copyOf(b.tolerances));
        this.allocations = new Allocations(book, stock, stockReconciliation, fulfilments, b.inventory, b.clock);
        this.cartHolds = new CartHolds(b.catalog, b.network, b.limits, b.inventory, stock, placement, b.clock);
        this.customerService = new CustomerService(book, b.orders, cancellation, fulfilments, b.actionPolicy,
                b.timelineSources, b.clock, payments, placement, new DeliveryChanges(book, b.orders, fulfilments, allocations, stock,
                        b.inventory, b.deliveryResourcing, b.clock));
        this.customerService.reshipments(new Reshipments(book, fulfilments, stock, b.inventory, b.network,
                b.deliveryResourcing, b.actionPolicy, b.clock));
        this.customerService.lineEdits(new OrderEdits(book, stock, settlement, fulfilments, b.inventory, payments, b.catalog,
                b.actionPolicy, b.limits, b.clock));
        Backorders unjoined = b.backorderService != null ? b.backorderService : Backorders.builder().inventory(b.inventory)
                .book(b.backorderBook).policy(b.backorderPolicy).clock(b.clock).publisher(b.events).build();
        io.omskit.core.backorder.DeliveryLeg leg = b.deliveryLeg != null ? b.deliveryLeg
                : (at, order) -> b.network.find(at).map(io.omskit.core.network.Location::processingLeadTime).orElse(Duration.ZERO);
        this.backorders = new OrderBackorders(book, unjoined, b.inventory, b.catalog, leg, b.backorderPriority, b.clock);
        if (unjoined.policy() != io.omskit.core.backorder.BackorderPolicy.none()) {
            placement.backorders(backorders);
        }
        cancellation.backorders(backorders);
        placement.metrics(metrics);
        transfers.onSupplyMoved(backorders::moved);
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
        try {
            return placement.placeOrder(request);
        } finally {
            backorders.tellDates();
        }
    }

    /**
     * Completes an order whose payment outcome was unknown or not attempted, by asking the provider again with
     * the same idempotency key. Orders pending for longer than the configured timeout are cancelled instead.
     *
     * @throws IllegalArgumentException when the order is unknown
     */
    public PlacementResult reconcilePayment(OrderId id) {
        return placement.reconcilePayment(id);
    }

    /**
     * Reconciles up to {@code limit} orders awaiting confirmation; returns what became of each. An order whose
     * reconciliation fails (an adapter threw, its data is broken) is logged and skipped, so that it never keeps the
     * orders behind it from being reconciled; it is tried again by the next sweep.
     */
    public List<PlacementResult> reconcilePendingPayments(int limit) {
        return placement.reconcilePendingPayments(limit);
    }

    /**
     * Lifts an order's hold and, when it still awaits confirmation (after a declined payment), reserves stock and
     * tries payment again under a new key. A retry after a failure finds the hold lifted and carries on from where
     * the placement stands (after a payment declined again, it lifts the new hold and tries once more).
     */
    public PlacementResult releaseHold(OrderId id) {
        return placement.releaseHold(id);
    }

    /**
     * Puts an order on hold; stock stays held. A retry of a call that failed after the save finds the order on hold
     * for the same reason and leaves it so.
     */
    public Order hold(OrderId id, HoldReason reason, String detail) {
        return placement.hold(id, reason, detail);
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
        try {
            return cancellation.cancel(id, quantities, reason, null);
        } finally {
            backorders.tellDates();
        }
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
        try {
            return cancellation.cancel(id, quantities, reason, cancellationKey);
        } finally {
            backorders.tellDates();
        }
    }

    /**
     * Cancels every unit of an order not yet shipped or collected: its fulfilments first (each one that has not left
     * its location; one that a collection or shipment on another node took first is left to the customer), then the
     * units no fulfilment holds. Stock is released (a transfer waiting at the pickup store goes onto its shelf) and the
     * payment for the cancelled units voided. A transfer on its way to the pickup store cannot be cancelled until it
     * arrives. A call on an order with nothing left to cancel but some units cancelled (a retry after a failure that
     * came after the save) does not fail: it finishes releasing the stock and voiding the payment. A re-shipment of a
     * lost parcel ({@link CustomerService#reship}) is left alone: it makes good units the customer was sold and shipped.
     *
     * @throws io.omskit.core.order.IllegalTransitionException when no unit was ever cancellable
     * @throws SpiException when an adapter failed, or the void's outcome is unknown: calling again finishes the work
     */
    public Order cancelOrder(OrderId id, CancellationReason reason) {
        try {
            return cancellation.cancelOrder(id, reason);
        } finally {
            backorders.tellDates();
        }
    }

    /**
     * Backorders and pre-orders joined to the orders: the units {@link #placeOrder} sold beyond stock under the
     * configured {@link io.omskit.core.backorder.BackorderPolicy} (none by default), filled by the receipts booked
     * through {@link #adjustStock} or {@link #transfers()}. A fill becomes reserved units of the order's line, held by
     * the order's own reservation at the receipt's location, so {@link #allocate} and sourcing use them like any
     * reserved unit; cancelling units awaiting stock frees their place in the queue. Never null.
     */
    public Backorders backorders() {
        return backorders.service();
    }

    /**
     * A publisher to hand the inventory store's events to when inbound stock is booked straight into the store (a
     * warehouse system's receipts): each {@code InventoryEvent.StockMoved} of an inbound receipt fills the backorders
     * waiting there, an announcement or cancellation dates them again, as {@link #adjustStock} does; other events are
     * ignored. Delivering an event again fills nothing more. Chain it after your own publisher, for example
     * {@code InMemoryInventoryStore.builder().publisher(events -> { broker.publish(events); feed.publish(events); })}.
     */
    public io.omskit.core.spi.EventPublisher backorderFeed() {
        return backorders::seen;
    }

    /**
     * Books a stock movement through the library: {@link InventoryStore#adjust}, then, when it was applied (or
     * replayed), fills the backorders waiting at the position from an {@link io.omskit.core.inventory.MovementReason#INBOUND_RECEIVED}
     * receipt, or dates them again after an {@code INBOUND_EXPECTED} or {@code INBOUND_CANCELLED} movement. Idempotent
     * by the adjustment's key: a retry after a failure at any point finishes filling.
     *
     * @return the inventory's answer; a refused adjustment fills nothing
     * @throws SpiException when an adapter failed; calling again with the same adjustment finishes the work
     */
    public io.omskit.core.inventory.AdjustmentResult adjustStock(io.omskit.core.inventory.StockAdjustment adjustment) {
        Checks.notNull(adjustment, "adjustment");
        io.omskit.core.inventory.AdjustmentResult result = inventory.adjust(adjustment);
        if (result instanceof io.omskit.core.inventory.AdjustmentResult.Applied applied) {
            backorders.moved(applied.movement());
        }
        return result;
    }

    // ---- allocation ----

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
        return allocations.allocate(id, location, quantities);
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
        return allocations.allocate(id, allocationKey, location, quantities);
    }

    /**
     * Records on the order an inventory allocation made elsewhere (by sourcing): each location's lines become one
     * fulfilment keyed {@code <inventoryKey>@<location>}. When the order can no longer take it (cancelled or changed
     * meanwhile), the stock is given back and the exception rethrown.
     *
     * @param byLocation the order lines and quantities the allocation holds at each location
     */
    public Order recordAllocation(OrderId id, AllocationKey inventoryKey, Map<LocationId, List<LineQuantity>> byLocation) {
        return allocations.recordAllocation(id, inventoryKey, byLocation, false);
    }

    /**
     * {@link #recordAllocation(OrderId, AllocationKey, Map)}, taking the order's open units before its reserved ones
     * when {@code openUnitsFirst}: for an allocation of fresh stock that drew on no reservation (re-sourced units),
     * so that the order's reserved units stay as reserved as its reservation.
     */
    public Order recordAllocation(OrderId id, AllocationKey inventoryKey, Map<LocationId, List<LineQuantity>> byLocation,
                                  boolean openUnitsFirst) {
        return allocations.recordAllocation(id, inventoryKey, byLocation, openUnitsFirst);
    }

    /** The key of the reservation holding stock for {@code order}'s reserved units (sourcing draws on it first). */
    public ReservationKey reservationKeyOf(Order order) {
        return StockKeeper.reservationKey(order);
    }

    // ---- cart holds ----

    /** The longest cart id: {@value}. */
    public static final int MAX_CART_ID_LENGTH = CartHolds.MAX_CART_ID_LENGTH;
    /** The longest a cart hold may last. */
    public static final Duration MAX_CART_HOLD = CartHolds.MAX_CART_HOLD;

    /**
     * Cart holds: hold a cart's stock, change it as the cart changes (grow, shrink, replace lines, collect at a
     * store), extend it, release it, ask what is available to the cart, and place the cart's order on its hold.
     */
    public CartHolds carts() {
        return cartHolds;
    }

    /**
     * Sets the cart's hold to {@code quantities} until {@code ttl} from now: {@code carts().hold(cartId, quantities,
     * ttl)}. A second call with other quantities changes the hold (all or nothing), the same quantities restart its
     * time; see {@link CartHolds#hold(CartEdit)}.
     *
     * @param cartId     the host's cart id: 1 to {@value #MAX_CART_ID_LENGTH} characters, no control characters
     * @param quantities units per SKU, each SKU known to the catalog, each quantity from 1 to the largest line quantity
     * @param ttl        how long the hold lasts: positive, at most {@link #MAX_CART_HOLD}
     * @return reserved, or the shortages when the network has too little (the hold is then as it was)
     * @throws io.omskit.core.common.ValidationException listing every problem of the request; nothing is held then
     */
    public ReservationResult holdCart(String cartId, Map<Sku, Integer> quantities, Duration ttl) {
        return cartHolds.hold(cartId, quantities, ttl);
    }

    /** Releases a cart's hold: {@code carts().release(cartId)}. */
    public Optional<Reservation> releaseCart(String cartId) {
        return cartHolds.release(cartId);
    }

    /**
     * Tidies up holds past their expiry and publishes their release; returns how many it expired. Lapsed holds stop
     * counting at their expiry without it.
     */
    public int expireHolds() {
        int expired = cartHolds.expire();
        metrics.holdsExpired(expired);
        return expired;
    }

    // ---- returns ----

    /**
     * Records units of an order as come back from the customer: delivered, collected (or else shipped) units become
     * returned, and the order's status shows it returned or partially returned. Saved with the order's version like
     * every command; a second call with the same {@code returnKey} (a retry after any failure) changes nothing.
     * Stock and money are the caller's (the returns module's) to move.
     *
     * @param returnKey the key of this receipt, unique per order: 1 to {@value CommandKey#MAX_LENGTH} characters
     * @return the order after the command
     * @throws IllegalArgumentException when the order is unknown, a line is not the order's, or the key is blank
     * @throws io.omskit.core.order.IllegalTransitionException when a line has fewer units delivered, collected or
     *         shipped than asked, or the order's status does not accept a return
     */
    public Order recordReturn(OrderId id, List<LineQuantity> quantities, String returnKey) {
        CommandKey key = CommandKey.of(OrderCommand.RETURN, returnKey);
        Checks.notNull(quantities, "quantities");
        return book.locked(id, () -> book.apply(id, o -> o.applied(key) ? Change.unchanged(o)
                : OrderBook.withKey(o.returnUnits(quantities, returnKey, clock.instant()), key)));
    }

    /**
     * Records on the order's payment a refund the provider made (the returns module asks the provider first): the
     * amount is added to what was refunded and the payment shows refunded. A second call with the same
     * {@code refundKey} changes nothing.
     *
     * @param amount    positive, in the order's currency, at most what was captured and not yet refunded
     * @param refundKey the idempotency key the refund was asked with, unique per order
     * @return the order after the command
     * @throws IllegalArgumentException when the order is unknown, the amount is not positive, in another currency or
     *                                  more than is left to refund, or the key is blank
     */
    public Order recordRefund(OrderId id, Money amount, String refundKey) {
        CommandKey key = CommandKey.of(OrderCommand.RECORD_PAYMENT, refundKey);
        Checks.notNull(amount, "amount");
        return book.locked(id, () -> book.apply(id, o -> {
            if (o.applied(key)) {
                return Change.unchanged(o);
            }
            if (!amount.getCurrencyUnit().equals(o.currency())) {
                throw new IllegalArgumentException("amount must be in the order's currency " + o.currency() + ", was " + amount);
            }
            if (amount.isGreaterThan(o.payment().refundable())) {
                throw new IllegalArgumentException("amount " + amount + " exceeds what order " + id
                        + " has captured and not refunded: " + o.payment().refundable());
            }
            return OrderBook.withKey(o.recordPayment("refund", PaymentOutcome.SUCCEEDED,
                    o.payment().refundedAmount(amount), clock.instant()), key);
        }));
    }

    /**
     * Records on one tender of an order paid with several a refund the provider made to it (the returns module asks
     * the provider first, one request per tender): the amount is added to what the tender and the order refunded. A
     * second call with the same {@code refundKey} changes nothing. {@link #recordRefund(OrderId, Money, String)} on
     * such an order splits the amount over the tenders in their refund order instead
     * ({@link io.omskit.core.payment.PaymentSummary#refundSplit}).
     *
     * @param tenderId  the tender's id ({@link Order#tenders()})
     * @param amount    positive, in the order's currency, at most what the tender captured and has not refunded
     * @param refundKey the idempotency key the refund was asked with, unique per order
     * @return the order after the command
     * @throws IllegalArgumentException when the order or tender is unknown, the amount is not positive, in another
     *                                  currency or more than the tender has left to refund, or the key is blank
     */
    public Order recordRefund(OrderId id, String tenderId, Money amount, String refundKey) {
        CommandKey key = CommandKey.of(OrderCommand.RECORD_PAYMENT, refundKey);
        Checks.notNull(amount, "amount");
        Checks.notNull(tenderId, "tenderId");
        return book.locked(id, () -> book.apply(id, o -> {
            if (o.applied(key)) {
                return Change.unchanged(o);
            }
            if (!amount.getCurrencyUnit().equals(o.currency())) {
                throw new IllegalArgumentException("amount must be in the order's currency " + o.currency() + ", was " + amount);
            }
            return OrderBook.withKey(o.recordPayment("refund " + tenderId, PaymentOutcome.SUCCEEDED,
                    o.payment().refundedAmount(tenderId, amount), clock.instant()), key);
        }));
    }

    // ---- queries ----

    /** The order with {@code id}. */
    public Optional<Order> order(OrderId id) {
        return book.find(id);
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

    /** Stock transfers between locations: request, ship, receive, cancel. */
    public Transfers transfers() {
        return transfers;
    }

    /**
     * Customer service and store staff: finding orders, an order's whole story, notes, and commands that carry their
     * actor, checked by the {@link Builder#actionPolicy action policy}.
     */
    public CustomerService customerService() {
        return customerService;
    }

    /** The clock every decision uses. */
    public Clock clock() {
        return clock;
    }

    /**
     * Publishes the events of the order's last change unless this process saw them published: for a host that wants
     * the events of an order nobody touches again after a crash (at-least-once; event ids are stable).
     *
     * @return the order
     * @throws IllegalArgumentException when the order is unknown
     */
    public Order publishPendingEvents(OrderId id) {
        return book.publishPendingEvents(id);
    }

    // ---- reconciliation ----

    /**
     * The safety net for calls nobody retried: looks at every owner of stock made at least {@code olderThan} ago
     * that is a known order, and gives back what the order does not account for (a reservation of an earlier payment
     * attempt, an allocation the order never recorded, units the order cancelled or shipped), publishing an
     * {@link OrderEvent.OrderStockReconciled} for each order it corrected. The stock a re-shipment of a lost parcel
     * allocated for a re-shipment that was never saved (the call failed and nobody retried it) is given back too. Stock
     * of other owners (cart holds) is left alone. Call it from a scheduler; in the normal path it finds nothing.
     *
     * @param olderThan stock younger than this is left alone (it may belong to a call in flight)
     * @param limit     at most this many owners are looked at per page of the inventory's answer
     * @return the orders it corrected
     */
    public List<OrderId> reconcileStock(Duration olderThan, int limit) {
        return stockReconciliation.reconcileStock(olderThan, limit);
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
        return stockReconciliation.reconcileStock(id);
    }

    /**
     * Wires an {@link Oms} from the SPIs. Required: an inventory store, a payment gateway, and where orders,
     * fulfilments, transfers and backorders are stored, the catalog and where events go: each set explicitly
     * ({@link #orders}, {@link #fulfilments}, {@link #transfers}, {@link #backorderBook}, {@link #catalog},
     * {@link #events}), or all those not set made in-memory by one call to {@link #inMemory()}. There is no silent
     * in-memory default, so a host that forgets its repository is told at {@link #build()} rather than keeping its
     * orders on the heap. Defaults: the system UTC clock, an empty network, {@link OrderValidator.Limits#DEFAULT}
     * limits, pending payments cancelled after 24 hours, stock of an interrupted call left alone for 5 minutes before a
     * recovery gives it back.
     */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private Network network = Network.empty();
        private Catalog catalog;
        private OrderRepository orders;
        private InventoryStore inventory;
        private PaymentGateway payments;
        private OmsMetrics metrics = OmsMetrics.NONE;
        private CarrierGateway carriers;
        private EventPublisher events;
        private OrderValidator.Limits limits = OrderValidator.Limits.DEFAULT;
        private Duration paymentPendingTimeout = Duration.ofHours(24);
        private Supplier<OrderId> ids = OrderId::random;
        private Duration stockGrace = Duration.ofMinutes(5);
        private FulfilmentRepository fulfilments;
        private io.omskit.core.spi.TransferRepository transfers;
        private final Map<DeliveryMethod, Duration> pickupPeriods = new java.util.EnumMap<>(Map.of(
                DeliveryMethod.EXPRESS_CLICK_AND_COLLECT, Duration.ofDays(3), DeliveryMethod.SHIP_TO_STORE, Duration.ofDays(7)));
        private final Map<LocationId, Duration> storePickupPeriods = new java.util.HashMap<>();
        private Supplier<String> pickupCodes = PickupCodes::random;
        private final Map<io.omskit.core.network.LocationType, Duration> typeAcceptanceLimits =
                new java.util.EnumMap<>(io.omskit.core.network.LocationType.class);
        private final Map<LocationId, Duration> acceptanceLimits = new java.util.HashMap<>();
        private io.omskit.core.payment.TenderOrder tenderOrder = io.omskit.core.payment.TenderOrder.DEFAULT;
        private final Map<io.omskit.core.channel.Channel, io.omskit.core.payment.AuthorisationTolerance> tolerances = new java.util.HashMap<>();
        private io.omskit.core.permission.ActionPolicy actionPolicy = io.omskit.core.permission.DefaultActionPolicy
                .withAgentRefundLimit(Money.of(org.joda.money.CurrencyUnit.EUR, 50));
        private final List<io.omskit.core.timeline.TimelineSource> timelineSources = new java.util.ArrayList<>();
        private io.omskit.core.backorder.BackorderPolicy backorderPolicy = io.omskit.core.backorder.BackorderPolicy.none();
        private io.omskit.core.spi.BackorderBook backorderBook;
        private Backorders backorderService;
        private io.omskit.core.backorder.DeliveryLeg deliveryLeg;
        private java.util.function.ToIntFunction<Order> backorderPriority = order -> 0;
        private io.omskit.core.spi.DeliveryResourcing deliveryResourcing;
        private boolean inMemory;

        private Builder() {
        }

        /**
         * Keeps on the heap of this JVM whatever of orders, fulfilments, transfers, backorders, catalog and events is not
         * set explicitly, before or after this call: an {@link InMemoryOrderRepository}, an
         * {@link InMemoryFulfilmentRepository}, an {@link io.omskit.core.inmemory.InMemoryTransferRepository}, an
         * {@link io.omskit.core.inmemory.InMemoryBackorderBook}, an empty {@link InMemoryCatalog} (placement then
         * refuses every SKU) and no event publishing ({@link EventPublisher#none()}). Nothing survives a restart and
         * nothing is shared between nodes: for tests, demos and a single process that can lose its orders. The
         * inventory store and payment gateway are still the caller's to give.
         */
        public Builder inMemory() {
            this.inMemory = true;
            return this;
        }

        /**
         * The sourcing that plans an order's open fulfilments again when customer service changes its delivery
         * ({@code oms-orchestration}'s {@code DeliveryReplanner}). Default: none, and a change of delivery keeps the
         * fulfilments where they are.
         */
        public Builder deliveryResourcing(io.omskit.core.spi.DeliveryResourcing resourcing) {
            this.deliveryResourcing = Checks.notNull(resourcing, "deliveryResourcing");
            return this;
        }

        /**
         * Who may do what in {@link Oms#customerService()}. Default: {@link io.omskit.core.permission.DefaultActionPolicy}
         * with agents refunding up to EUR 50.00 at once (nothing in other currencies: set a policy of yours).
         */
        public Builder actionPolicy(io.omskit.core.permission.ActionPolicy policy) {
            this.actionPolicy = Checks.notNull(policy, "actionPolicy");
            return this;
        }

        /**
         * Adds a source of entries to every order's timeline, after those added before: returns, messages sent
         * ({@link io.omskit.core.timeline.NotificationTimeline}), the host's own records.
         */
        public Builder timelineSource(io.omskit.core.timeline.TimelineSource source) {
            timelineSources.add(Checks.notNull(source, "timelineSource"));
            return this;
        }

        /**
         * The host's carriers, for quoting, booking labels and tracking parcels through {@link Oms#fulfilments()};
         * optional (without it those calls throw {@link IllegalStateException}).
         */
        public Builder carriers(CarrierGateway carriers) {
            this.carriers = Checks.notNull(carriers, "carriers");
            return this;
        }

        /** Where fulfilments are stored; required unless {@link #inMemory()}. */
        public Builder fulfilments(FulfilmentRepository fulfilments) {
            this.fulfilments = Checks.notNull(fulfilments, "fulfilments");
            return this;
        }

        /** Where transfers between locations are stored; required unless {@link #inMemory()}. */
        public Builder transfers(io.omskit.core.spi.TransferRepository transfers) {
            this.transfers = Checks.notNull(transfers, "transfers");
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

        /**
         * How long locations of {@code type} have to accept a fulfilment offered to them before
         * {@link Fulfilments#expireUnaccepted(int)} takes it back to be re-sourced. No limit unless configured.
         *
         * @throws IllegalArgumentException when the limit is not positive
         */
        public Builder acceptanceLimit(io.omskit.core.network.LocationType type, Duration limit) {
            typeAcceptanceLimits.put(Checks.notNull(type, "type"), positive(limit, "acceptanceLimit"));
            return this;
        }

        /**
         * How long {@code location} has to accept a fulfilment offered to it; overrides its type's limit.
         *
         * @throws IllegalArgumentException when the limit is not positive
         */
        public Builder acceptanceLimit(LocationId location, Duration limit) {
            acceptanceLimits.put(Checks.notNull(location, "location"), positive(limit, "acceptanceLimit"));
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
        /** The product catalog; placement rejects SKUs it does not know. Required unless {@link #inMemory()}. */
        public Builder catalog(Catalog catalog) { this.catalog = Checks.notNull(catalog, "catalog"); return this; }
        /** Where orders are stored; required unless {@link #inMemory()}. */
        public Builder orders(OrderRepository orders) { this.orders = Checks.notNull(orders, "orders"); return this; }
        /** Where stock is kept. */
        public Builder inventory(InventoryStore inventory) { this.inventory = Checks.notNull(inventory, "inventory"); return this; }
        /** The payment provider. */
        public Builder payments(PaymentGateway payments) { this.payments = Checks.notNull(payments, "payments"); return this; }

        /**
         * Where the workflows report placements, payment answers, reservation timings, pending payments and expired
         * holds, for instance {@code io.omskit.core.metrics.MicrometerOmsMetrics.of(registry)}; nothing is reported
         * by default.
         */
        public Builder metrics(OmsMetrics metrics) { this.metrics = Checks.notNull(metrics, "metrics"); return this; }
        /**
         * Where order events go (inventory events are published by the inventory store itself); required unless
         * {@link #inMemory()}: {@link EventPublisher#none()} says "nowhere" explicitly.
         */
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
         * In which order the tenders of an order paid with several are charged and refunded, by tender type
         * ({@link io.omskit.core.payment.TenderOrder#DEFAULT}: gift card and store credit charged first and refunded
         * last). Fixed on each order when it is placed.
         */
        public Builder tenderOrder(io.omskit.core.payment.TenderOrder order) { this.tenderOrder = Checks.notNull(order, "tenderOrder"); return this; }
        /**
         * How much more than the total is authorised for orders of {@code channel} (goods priced by weight, tips), unless
         * an order asks for its own; none by default. What is not captured is voided once no unit waits for stock.
         */
        public Builder authorisationTolerance(io.omskit.core.channel.Channel channel, io.omskit.core.payment.AuthorisationTolerance tolerance) {
            this.tolerances.put(Checks.notNull(channel, "channel"), Checks.notNull(tolerance, "tolerance"));
            return this;
        }

        /**
         * Which SKUs and locations may sell beyond stock (backorders, pre-orders against announced inbound);
         * {@link io.omskit.core.backorder.BackorderPolicy#none()} by default: placement then refuses for stock as ever.
         */
        public Builder backorderPolicy(io.omskit.core.backorder.BackorderPolicy policy) {
            this.backorderPolicy = Checks.notNull(policy, "backorderPolicy");
            return this;
        }

        /**
         * Where units sold beyond stock wait; required unless {@link #backorders} or {@link #inMemory()} (an
         * {@link io.omskit.core.inmemory.InMemoryBackorderBook}) is given.
         */
        public Builder backorderBook(io.omskit.core.spi.BackorderBook book) {
            this.backorderBook = Checks.notNull(book, "backorderBook");
            return this;
        }

        /**
         * A backorder service built by the host (its book, policy, clock and publisher are used; it should share this
         * builder's inventory store); replaces {@link #backorderPolicy} and {@link #backorderBook}.
         */
        public Builder backorders(Backorders service) {
            this.backorderService = Checks.notNull(service, "backorders");
            return this;
        }

        /**
         * How long after supply arrives the customer can have the units, for the promise of units awaiting stock; by
         * default the arrival location's processing lead time from the network (zero when unknown).
         */
        public Builder deliveryLeg(io.omskit.core.backorder.DeliveryLeg leg) {
            this.deliveryLeg = Checks.notNull(leg, "deliveryLeg");
            return this;
        }

        /**
         * The priority an order's backordered units queue with, from 0 (the default for every order) to
         * {@link io.omskit.core.backorder.BackorderRequest#MAX_PRIORITY}: a receipt fills higher priorities first, then
         * older backorders first. Asked once per backordered line when the order is placed (and again, with the same
         * order, when a placement is retried), so it must depend on the order only: its channel, customer, lines.
         * A value outside the range is taken as the nearest bound and logged at WARN (a host's rule that is wrong
         * should not turn a customer away).
         */
        public Builder backorderPriority(java.util.function.ToIntFunction<Order> priority) {
            this.backorderPriority = Checks.notNull(priority, "backorderPriority");
            return this;
        }

        /**
         * The wired {@link Oms}.
         *
         * @throws IllegalStateException when the inventory store or payment gateway is missing, or when storage, catalog
         *         or events are neither set nor made in-memory by {@link #inMemory()}; the message names each missing one
         */
        public Oms build() {
            if (inventory == null) {
                throw new IllegalStateException("inventory must be set: an InventoryStore such as InMemoryInventoryStore");
            }
            if (payments == null) {
                throw new IllegalStateException("payments must be set: a PaymentGateway such as FakePaymentGateway");
            }
            if (inMemory) {
                keepMissingOnHeap();
            }
            List<String> missing = new java.util.ArrayList<>();
            if (orders == null) {
                missing.add("orders (an OrderRepository)");
            }
            if (fulfilments == null) {
                missing.add("fulfilments (a FulfilmentRepository)");
            }
            if (transfers == null) {
                missing.add("transfers (a TransferRepository)");
            }
            if (backorderBook == null && backorderService == null) {
                missing.add("backorderBook (a BackorderBook)");
            }
            if (catalog == null) {
                missing.add("catalog (a Catalog)");
            }
            if (events == null) {
                missing.add("events (an EventPublisher, EventPublisher.none() for none)");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Oms.builder() has no " + String.join(", ", missing)
                        + ": set each (PostgresOms gives the repositories of a database), or call inMemory() to keep"
                        + " every one not set on the heap, lost at restart (tests, demos)");
            }
            return new Oms(this);
        }

        private void keepMissingOnHeap() {
            if (orders == null) {
                orders = new InMemoryOrderRepository();
            }
            if (fulfilments == null) {
                fulfilments = new InMemoryFulfilmentRepository();
            }
            if (transfers == null) {
                transfers = new io.omskit.core.inmemory.InMemoryTransferRepository();
            }
            if (backorderBook == null && backorderService == null) {
                backorderBook = new io.omskit.core.inmemory.InMemoryBackorderBook();
            }
            if (catalog == null) {
                catalog = new InMemoryCatalog();
            }
            if (events == null) {
                events = EventPublisher.none();
            }
        }
    }
}

package io.omskit.testkit.workflow;

import io.omskit.core.Oms;
import io.omskit.core.PlacementResult;
import io.omskit.core.catalog.BundleComponent;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentEvent;
import io.omskit.core.fulfilment.FulfilmentKind;
import io.omskit.core.fulfilment.FulfilmentStatus;
import io.omskit.core.fulfilment.IllegalFulfilmentTransitionException;
import io.omskit.core.inmemory.FakePaymentGateway;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.inventory.Allocation;
import io.omskit.core.inventory.AllocationLine;
import io.omskit.core.inventory.HeldStock;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.Reservation;
import io.omskit.core.inventory.ReservationLine;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.Address;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.ExternalOrderRef;
import io.omskit.core.order.IllegalTransitionException;
import io.omskit.core.order.LineAllocation;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderLine;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.order.PaidPerUnit;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.order.UnitState;
import io.omskit.core.payment.PaymentStatus;
import io.omskit.core.spi.SpiException;
import io.omskit.orchestration.OrderSourcing;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.spi.ShippingRate;
import io.omskit.orchestration.SourcingEngine;
import io.omskit.orchestration.rules.RateTable;
import io.omskit.orchestration.rules.ShippingCost;
import io.omskit.orchestration.rules.SplitPenalty;
import io.omskit.testkit.contract.ContractClock;
import io.omskit.testkit.faults.FaultPlan;
import io.omskit.testkit.faults.InjectedFault;
import io.omskit.testkit.workflow.Findings.Check;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * A small shop wired on the adapters under test, with faults injected into every SPI, and the end checks of the
 * workflow contract. Each operation is retried with the same arguments until it stops failing, as a careful host
 * would; a retry that is refused although the first attempt failed is a violation (the retry did not finish the work).
 * Operations on different orders may run on several threads at once, those on one order one after another; the end
 * checks run when they are over.
 */
public final class WorkflowWorld {

    static final Sku MUG = Sku.of("MUG");
    static final Sku TEE = Sku.of("TEE");
    static final Sku KIT = Sku.of("KIT");
    static final LocationId WH1 = LocationId.of("WH-1");
    static final LocationId WH2 = LocationId.of("WH-2");
    /** A store: click and collect from its shelf, and the pickup store of ship-to-store orders. */
    static final LocationId ST1 = LocationId.of("ST-1");
    static final List<LocationId> LOCATIONS = List.of(WH1, WH2, ST1);
    /** How long a collection waits: short, so that the operations' clock lets some expire. */
    static final Duration PICKUP_PERIOD = Duration.ofMinutes(3);
    static final String DECLINED_CARD = "tok-declined";
    static final Instant START = Instant.parse("2026-05-04T09:00:00Z");
    // a rejection that re-sources makes about 30 SPI calls: at 8% faults per call, 60 attempts would not always do
    private static final int MAX_ATTEMPTS = 200;

    final ContractClock clock;
    final FakePaymentGateway gateway = new FakePaymentGateway().alwaysDecline(DECLINED_CARD);
    final FaultPlan faults;
    final WorkflowAdapters adapters;
    final Oms oms;
    final OrderSourcing sourcing;
    final List<OrderId> placed = new CopyOnWriteArrayList<>();
    final List<String> violations = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> counters = new ConcurrentSkipListMap<>();
    private final AtomicInteger nextKey = new AtomicInteger();
    private final InMemoryCatalog catalog;
    private final Network network;

    /** A shop on {@code adapters}, faults drawn from {@code seed} with probability {@code faultProbability}. */
    WorkflowWorld(WorkflowAdapters adapters, ContractClock clock, long seed, double faultProbability) {
        this(adapters, clock, seed, faultProbability, 1);
    }

    /**
     * A shop as above, opening with {@code stockTimes} times the usual stock (12 mugs and 20 tees at each
     * warehouse), for loads that place many orders.
     */
    WorkflowWorld(WorkflowAdapters adapters, ContractClock clock, long seed, double faultProbability, int stockTimes) {
        this.adapters = adapters;
        this.clock = clock;
        this.faults = FaultPlan.seeded(seed);
        InMemoryCatalog catalog = new InMemoryCatalog()
                .put(SkuAttributes.of(MUG, "Mug", "kitchen", 300, Dimensions.ofMillimetres(100, 100, 120), true))
                .put(SkuAttributes.of(TEE, "Tee", "apparel", 200, Dimensions.ofMillimetres(300, 200, 20), true))
                .put(new SkuAttributes(KIT, "Mug and two tees", "kitchen", 700, Dimensions.ofMillimetres(300, 300, 150), true,
                        List.of(new BundleComponent(MUG, 1), new BundleComponent(TEE, 2))));
        Network network = Network.of(List.of(
                Location.builder(WH1, LocationType.WAREHOUSE, GeoPoint.of(52.0, 13.0)).build(),
                Location.builder(WH2, LocationType.WAREHOUSE, GeoPoint.of(48.1, 11.6)).build(),
                Location.builder(ST1, LocationType.STORE, GeoPoint.of(52.5, 13.4)).build()));
        for (LocationId l : LOCATIONS) {
            adapters.inventory().adjust(StockAdjustment.of("opening-" + MUG + "-" + l, MUG, l, MovementReason.RECEIPT,
                    12 * stockTimes, "po"));
            adapters.inventory().adjust(StockAdjustment.of("opening-" + TEE + "-" + l, TEE, l, MovementReason.RECEIPT,
                    20 * stockTimes, "po"));
        }
        this.catalog = catalog;
        this.network = network;
        this.oms = newOms(adapters);
        this.sourcing = newSourcing(oms, adapters);
        faults.failWith(faultProbability);
    }

    /** One application node on the storage: its {@code Oms} and the sourcing that allocates through it. */
    record Node(Oms oms, OrderSourcing sourcing) {
    }

    /** This world's own node. */
    Node node() {
        return new Node(oms, sourcing);
    }

    /**
     * A second node on {@code node}'s view of the same storage, sharing the provider and failing as {@link #faults}
     * says; its sourcing remembers its own rejections.
     */
    Node secondNode(WorkflowAdapters node) {
        Oms second = newOms(node);
        return new Node(second, newSourcing(second, node));
    }

    private Oms newOms(WorkflowAdapters node) {
        return Oms.builder().inMemory().clock(clock).network(network).catalog(catalog)
                .orders(faults.orders(node.orders()))
                .fulfilments(faults.fulfilments(node.fulfilments()))
                .pickupPeriod(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT, PICKUP_PERIOD)
                .pickupPeriod(DeliveryMethod.SHIP_TO_STORE, PICKUP_PERIOD)
                .inventory(faults.inventory(node.inventory()))
                .payments(faults.payments(gateway))
                .events(faults.events(node.events()))
                .build();
    }

    private OrderSourcing newSourcing(Oms on, WorkflowAdapters node) {
        return new OrderSourcing(on, SourcingEngine.builder().network(network).clock(clock).catalog(catalog)
                .inventory(faults.inventory(node.inventory()))
                .rules(RuleBook.of(RuleSet.builder("home").cost(new ShippingCost(RateTable.flat(ShippingRate.of(5, 0.1, 0.001))))
                        .cost(new SplitPenalty(20)).build()))
                .build());
    }

    /** A fresh key for a keyed command. */
    String key(String prefix) {
        return prefix + "-" + nextKey.incrementAndGet();
    }

    /** The order as stored, read past the faults, and again when the storage fails the read. */
    Order order(OrderId id) {
        return read(() -> adapters.orders().find(id)).orElseThrow();
    }

    /** The order's fulfilments as stored, read past the faults. */
    List<Fulfilment> fulfilments(OrderId id) {
        return read(() -> adapters.fulfilments().forOrder(id));
    }

    /** Where the order and its fulfilments are: their versions, which any change moves on. */
    private long progress(OrderId id) {
        long p = order(id).version();
        for (Fulfilment f : fulfilments(id)) {
            p += f.version();
        }
        return p;
    }

    /** {@code read} from the storage, repeated while the storage fails it (a connection lost, say). */
    private <T> T read(Supplier<T> read) {
        for (int attempt = 1; ; attempt++) {
            try {
                return read.get();
            } catch (SpiException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                backOff(e, attempt);
            }
        }
    }

    /**
     * Waits before the next attempt when the storage itself failed (1 ms, doubling up to 64 ms), as a host gives a
     * failing database time to recover; an injected fault is retried at once.
     */
    private static void backOff(SpiException failure, int attempt) {
        if (!(failure instanceof InjectedFault)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1L << Math.min(attempt - 1, 6)));
        }
    }

    /** Counts of operations, retries and refusals so far. */
    Map<String, Integer> counters() {
        return counters;
    }

    private void count(String what) {
        counters.merge(what, 1, Integer::sum);
    }

    /**
     * Runs {@code operation} until it stops failing; returns its result, or null when it was refused. A refusal after
     * failed attempts is fine when the failed attempts left the order as it was (the operation was never allowed); when
     * they changed it, the retry should have finished the work and its refusal is a violation.
     *
     * @param order the order the operation works on; null for a placement
     */
    <T> T attempt(String name, OrderId order, Supplier<T> operation) {
        clock.advance(Duration.ofSeconds(7));
        count("operations");
        long versionBefore = order == null ? 0 : progress(order);
        boolean failedBefore = false;
        SpiException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                T result = operation.get();
                if (failedBefore) {
                    count("operations finished by a retry");
                }
                return result;
            } catch (SpiException e) {
                failedBefore = true;
                last = e;
                count("failed attempts retried");
                if (!e.retryable()) {
                    violations.add(name + " failed for good (the adapter said not retryable): " + e);
                    return null;
                }
                backOff(e, attempt);
            } catch (IllegalTransitionException | IllegalFulfilmentTransitionException e) {
                if (failedBefore && order != null && progress(order) != versionBefore) {
                    violations.add("a retry of " + name + " was refused instead of finishing the work: " + e.getMessage());
                }
                count("refused by the order's state");
                return null;
            } catch (RuntimeException e) {
                violations.add(name + " threw " + e);
                return null;
            }
        }
        violations.add(name + " still failing after " + MAX_ATTEMPTS + " attempts, last with " + last);
        return null;
    }

    // ---- operations ----

    void place(List<Sku> skus, List<Integer> quantities, boolean declinedCard) {
        place(oms, skus, quantities, declinedCard, DeliveryMethod.STANDARD_DELIVERY);
    }

    void place(List<Sku> skus, List<Integer> quantities, boolean declinedCard, DeliveryMethod method) {
        place(oms, skus, quantities, declinedCard, method);
    }

    /** Places an order for home delivery through {@code node}; returns its id, or null when none was stored. */
    OrderId place(Oms node, List<Sku> skus, List<Integer> quantities, boolean declinedCard) {
        return place(node, skus, quantities, declinedCard, DeliveryMethod.STANDARD_DELIVERY);
    }

    /**
     * Places an order through {@code node}, delivered by {@code method} (a pickup at {@link #ST1}); returns its id, or
     * null when none was stored.
     */
    OrderId place(Oms node, List<Sku> skus, List<Integer> quantities, boolean declinedCard, DeliveryMethod method) {
        String ref = key("W");
        PlaceOrderRequest.Builder b = PlaceOrderRequest.builder().channel(Channel.WEB).externalRef(ref).customer("c-1").currency("EUR")
                .delivery(method.isPickup() ? DeliveryChoice.pickup(method, ST1, null) : DeliveryChoice.home(method,
                        new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", GeoPoint.of(52.52, 13.40)), null))
                .paymentRef(declinedCard ? DECLINED_CARD : "tok-visa")
                .charge("shipping", Money.of(CurrencyUnit.EUR, 4.95));
        Set<Sku> seen = new HashSet<>();
        for (int i = 0; i < skus.size(); i++) {
            if (seen.add(skus.get(i))) {
                b.line(String.valueOf(i + 1), skus.get(i).value(), quantities.get(i), Money.of(CurrencyUnit.EUR, 9.99 + i));
            }
        }
        PlaceOrderRequest request = b.build();
        PlacementResult result = attempt("place " + ref, null, () -> node.placeOrder(request));
        OrderId id = result != null ? result.order().id()
                : read(() -> adapters.orders().findByExternalRef(Channel.WEB, ExternalOrderRef.of(ref)))
                        .map(Order::id).orElse(null);
        if (id != null) {
            placed.add(id);
        }
        return id;
    }

    // ---- end checks ----

    /**
     * Checks every order and the stock and money around it: no order lost, nothing charged twice, provider and order
     * agree on the money, cancelled orders hold no stock and no authorisation, shipped units captured, no stock held
     * that an order does not account for, every saved version's events published.
     */
    List<String> check() {
        return findings().all();
    }

    /** The end checks of {@link #check()}, their problems kept apart by check. */
    Findings findings() {
        Findings found = new Findings();
        violations.forEach(v -> found.add(Check.OPERATIONS, v));
        Map<OrderId, Set<Long>> publishedVersions = new HashMap<>();
        Map<String, Set<Long>> publishedFulfilmentVersions = new HashMap<>();
        for (DomainEvent e : adapters.published().get()) {
            if (e instanceof OrderEvent oe) {
                publishedVersions.computeIfAbsent(oe.orderId(), k -> new HashSet<>()).add(oe.version());
            } else if (e instanceof FulfilmentEvent fe) {
                publishedFulfilmentVersions.computeIfAbsent(fe.aggregateId(), k -> new HashSet<>()).add(fe.version());
            }
        }
        Set<String> known = new HashSet<>();
        for (OrderId id : placed) {
            known.add(id.value());
            Order order = adapters.orders().find(id).orElse(null);
            if (order == null) {
                found.add(Check.ORDERS_LOST, "order " + id + " was lost");
                continue;
            }
            List<Fulfilment> fulfilments = adapters.fulfilments().forOrder(id);
            checkFulfilments(order, fulfilments, found);
            for (Fulfilment f : fulfilments) {
                Set<Long> seen = publishedFulfilmentVersions.getOrDefault(f.id().value(), Set.of());
                for (long v = 1; v <= f.version(); v++) {
                    if (!seen.contains(v)) {
                        found.add(Check.EVENTS_LOST, "fulfilment " + f.id() + ": the events of version " + v + " were never published");
                    }
                }
            }
            checkStock(order, fulfilments, found);
            checkMoney(order, found);
            Set<Long> versions = publishedVersions.getOrDefault(id, Set.of());
            for (long v = 1; v <= order.version(); v++) {
                if (!versions.contains(v)) {
                    found.add(Check.EVENTS_LOST, "order " + id + ": the events of version " + v + " were never published");
                }
            }
        }
        for (String holder : adapters.inventory().holders(clock.instant(), null, 10_000)) {
            if (!known.contains(holder)) {
                found.add(Check.HOLDERS_UNKNOWN, "stock is held by '" + holder + "', which no order knows");
            }
        }
        if (found.isEmpty()) {
            double p = faults.isOn() ? faults.probability() : 0;
            faults.off();
            try {
                List<OrderId> corrected = oms.reconcileStock(Duration.ZERO, 100);
                if (!corrected.isEmpty()) {
                    found.add(Check.SWEEP, "the stock sweep had to correct orders " + corrected + ": a call left stock behind");
                }
                for (OrderId id : placed) {
                    Order before = adapters.orders().find(id).orElseThrow();
                    Order synced = oms.fulfilments().sync(id);
                    if (synced.version() != before.version()) {
                        found.add(Check.SWEEP, "order " + id + " lagged behind its fulfilments until a sync: a call left work undone; "
                                + "it raised " + synced.pendingEvents() + " on " + before);
                    }
                }
            } finally {
                faults.failWith(p);
            }
        }
        return found;
    }

    /**
     * Units that left the locations for the order, per SKU, as the ledger records them: shipments less the units of
     * uncollected transfers put back on the pickup store's shelf.
     */
    private Map<Sku, Integer> shippedInLedger(OrderId id) {
        Map<Sku, Integer> shipped = new TreeMap<>();
        for (Sku sku : List.of(MUG, TEE)) {
            for (LocationId l : LOCATIONS) {
                for (var m : adapters.inventory().movements(sku, l)) {
                    if (m.reason() == MovementReason.SHIPMENT && m.reference().equals(id.value())) {
                        shipped.merge(sku, m.quantity(), Integer::sum);
                    } else if (m.reason() == MovementReason.RECEIPT && m.reference().equals("uncollected " + id.value())) {
                        shipped.merge(sku, -m.quantity(), Integer::sum);
                    }
                }
            }
        }
        shipped.values().removeIf(q -> q == 0);
        return shipped;
    }

    /** Whether {@code f} is a transfer that has left its warehouse and not yet reached the customer. */
    private static boolean transferUnderway(Fulfilment f) {
        return f.kind() == FulfilmentKind.SHIP_TO_STORE
                && (f.status() == FulfilmentStatus.SHIPPED || f.status() == FulfilmentStatus.READY_FOR_COLLECTION);
    }

    /**
     * The order and its fulfilments tell one story: every fulfilment still under way holds on the order exactly the
     * units it is fulfilling, the order holds nothing for any other, and the units the order says reached the
     * customer are the units of the fulfilments that got there.
     */
    private void checkFulfilments(Order order, List<Fulfilment> fulfilments, Findings found) {
        Map<String, Integer> onOrder = new TreeMap<>();
        for (LineAllocation a : order.allocations()) {
            onOrder.merge(a.allocationKey() + " " + a.line(), a.units(), Integer::sum);
        }
        Map<String, Integer> inFulfilments = new TreeMap<>();
        Map<String, Integer> handedOver = new TreeMap<>();
        for (Fulfilment f : fulfilments) {
            for (var l : f.lines()) {
                if (l.quantity() > 0 && !f.status().isFinal() && !(f.status() == FulfilmentStatus.SHIPPED && !transferUnderway(f))) {
                    inFulfilments.merge(f.id() + " " + l.line(), l.quantity(), Integer::sum);
                }
                boolean reached = f.status() == FulfilmentStatus.DELIVERED || f.status() == FulfilmentStatus.COLLECTED
                        || (f.status() == FulfilmentStatus.SHIPPED && !transferUnderway(f));
                if (reached && l.quantity() > 0) {
                    handedOver.merge(l.line().value(), l.quantity(), Integer::sum);
                }
            }
        }
        if (!onOrder.equals(inFulfilments)) {
            found.add(Check.FULFILMENTS, "order " + order.id() + " (" + order.status() + ") holds " + onOrder
                    + " for its fulfilments, which hold " + inFulfilments);
        }
        Map<String, Integer> left = new TreeMap<>();
        for (OrderLine l : order.lines()) {
            int n = l.units().shipped() + l.units().delivered() + l.units().pickedUp();
            if (n > 0) {
                left.put(l.id().value(), n);
            }
        }
        if (!left.equals(handedOver)) {
            found.add(Check.FULFILMENTS, "order " + order.id() + " (" + order.status() + ") says " + left
                    + " units reached the customer, its fulfilments " + handedOver);
        }
    }

    private void checkStock(Order order, List<Fulfilment> fulfilments, Findings found) {
        // units that left a location: shipped (and then delivered) or collected, and transfers under way
        Map<Sku, Integer> shipped = new TreeMap<>(stockUnits(order, UnitState.SHIPPED));
        stockUnits(order, UnitState.DELIVERED).forEach((sku, q) -> shipped.merge(sku, q, Integer::sum));
        stockUnits(order, UnitState.PICKED_UP).forEach((sku, q) -> shipped.merge(sku, q, Integer::sum));
        Set<String> underway = new HashSet<>();
        for (Fulfilment f : fulfilments) {
            if (transferUnderway(f)) {
                underway.add(f.id().value());
                for (var l : f.lines()) {
                    if (l.quantity() > 0) {
                        components(l.sku(), l.quantity()).forEach((sku, q) -> shipped.merge(sku, q, Integer::sum));
                    }
                }
            }
        }
        Map<Sku, Integer> left = shippedInLedger(order.id());
        if (!shipped.equals(left)) {
            found.add(Check.LEDGER, "order " + order.id() + " (" + order.status() + "): shipped " + shipped + " on the order, "
                    + left + " in the ledger");
        }
        HeldStock held = adapters.inventory().heldFor(order.id().value());
        Map<Sku, Integer> reserved = stockUnits(order, UnitState.RESERVED);
        int reservedHeld = 0;
        for (Reservation r : held.reservations()) {
            for (ReservationLine l : r.held()) {
                reservedHeld += l.quantity();
                if (reserved.getOrDefault(l.sku(), 0) < r.heldQuantity(l.sku())) {
                    found.add(Check.STOCK_HELD, "order " + order.id() + " (" + order.status() + "): reservation " + r.key() + " holds "
                            + r.heldQuantity(l.sku()) + " " + l.sku() + ", the order has " + reserved.getOrDefault(l.sku(), 0) + " reserved");
                }
            }
        }
        int reservedWanted = reserved.values().stream().mapToInt(Integer::intValue).sum();
        if (reservedHeld != reservedWanted) {
            found.add(Check.STOCK_HELD, "order " + order.id() + " (" + order.status() + "): " + reservedHeld + " units reserved in stock, "
                    + reservedWanted + " on the order");
        }
        Map<String, Integer> wanted = new LinkedHashMap<>();
        for (LineAllocation a : order.allocations()) {
            if (underway.contains(a.allocationKey())) {
                continue;
            }
            OrderLine line = order.line(a.line()).orElseThrow();
            components(line.sku(), a.units()).forEach((sku, q) ->
                    wanted.merge(a.inventoryKey() + " " + sku + "@" + a.location(), q, Integer::sum));
        }
        Map<String, Integer> allocated = new LinkedHashMap<>();
        for (Allocation a : held.allocations()) {
            for (AllocationLine l : a.open()) {
                allocated.merge(a.key().value() + " " + l.sku() + "@" + l.location(), l.quantity(), Integer::sum);
            }
        }
        if (!allocated.equals(wanted)) {
            found.add(Check.STOCK_HELD, "order " + order.id() + " (" + order.status() + "): stock allocated " + allocated
                    + ", the order holds " + wanted);
        }
    }

    private void checkMoney(Order order, Findings found) {
        Money zero = Money.zero(order.currency());
        Money captured = orZero(gateway.captured(order.id()), zero);
        Money open = orZero(gateway.openAuthorisation(order.id()), zero);
        if (captured.isGreaterThan(order.total())) {
            found.add(Check.CAPTURED_TWICE, "order " + order.id() + ": captured " + captured + ", more than its total "
                    + order.total());
        }
        // an authorisation in doubt (its answer lost) is reconciled when the order goes on; only a cancelled order must settle it now
        PaymentStatus payment = order.payment().status();
        boolean pending = order.status() != OrderStatus.CANCELLED && (order.status() == OrderStatus.AWAITING_CONFIRMATION
                || payment == PaymentStatus.UNKNOWN || payment == PaymentStatus.NOT_ATTEMPTED);
        if (!pending && !captured.equals(order.payment().captured())) {
            found.add(Check.MONEY_DISAGREES, "order " + order.id() + ": the provider captured " + captured + ", the order says "
                    + order.payment().captured());
        }
        if (!pending && !open.equals(order.payment().authorised())) {
            found.add(Check.MONEY_DISAGREES, "order " + order.id() + ": the provider holds " + open + " authorised, the order says " + order.payment().authorised()
                    + "; calls " + paymentCalls(order.id()) + "; payment " + order.payment());
        }
        Money authorisedInTotal = orZero(gateway.authorisedInTotal(order.id()), zero);
        Money voided = orZero(gateway.voided(order.id()), zero);
        if (!authorisedInTotal.equals(captured.plus(voided).plus(open))) {
            found.add(Check.MONEY_DISAGREES, "order " + order.id() + ": authorised " + authorisedInTotal + " is not captured "
                    + captured + " + voided " + voided + " + still authorised " + open);
        }
        if (order.status() == OrderStatus.CANCELLED && open.isPositive()) {
            found.add(Check.AUTHORISATION_KEPT, "order " + order.id() + " is cancelled but " + open + " stays authorised");
        }
        int shipped = order.units(UnitState.SHIPPED) + order.units(UnitState.DELIVERED) + order.units(UnitState.PICKED_UP);
        if (!order.needsNoStock()) {
            Money worth = zero;
            for (OrderLine l : order.lines()) {
                int handed = l.units().shipped() + l.units().delivered() + l.units().pickedUp();
                worth = worth.plus(PaidPerUnit.of(order).goods(l.id(), 0, handed));
            }
            if (captured.isGreaterThan(worth)) {
                found.add(Check.CAPTURED_TWICE, "order " + order.id() + " (" + order.status() + "): captured " + captured
                        + " while units still wait; the units handed over are worth " + worth);
            }
        }
        if (shipped > 0 && order.needsNoStock() && order.payment().status() != PaymentStatus.DECLINED) {
            Money owed = owed(order);
            if (!captured.equals(owed)) {
                found.add(Check.SHIPPED_UNCAPTURED, "order " + order.id() + " shipped all it will ship; captured " + captured
                        + ", owed " + owed);
            }
        } else if (shipped > 0) {
            Money value = zero;
            for (OrderLine l : order.lines()) {
                int handed = l.units().get(UnitState.SHIPPED) + l.units().get(UnitState.DELIVERED) + l.units().get(UnitState.PICKED_UP);
                value = value.plus(PaidPerUnit.of(order).goods(l.id(), 0, handed));
            }
            Money slack = Money.ofMinor(order.currency(), order.lines().size());
            if (captured.plus(slack).isLessThan(value)) {
                found.add(Check.SHIPPED_UNCAPTURED, "order " + order.id() + ": shipped units worth " + value + ", captured "
                        + captured);
            }
        }
    }

    private List<String> paymentCalls(OrderId id) {
        List<String> calls = new ArrayList<>();
        for (var c : gateway.calls()) {
            if (c.orderId().equals(id)) {
                calls.add(c.kind() + " " + c.idempotencyKey() + " " + c.amount());
            }
        }
        return calls;
    }

    private static Money orZero(Money m, Money zero) {
        return m == null ? zero : m;
    }

    /** The model's own arithmetic of what a customer owes: the total less the value of cancelled units. */
    private static Money owed(Order order) {
        Money zero = Money.zero(order.currency());
        if (order.status() == OrderStatus.CANCELLED) {
            return zero;
        }
        Money owed = order.total();
        for (OrderLine l : order.lines()) {
            int cancelled = l.units().get(UnitState.CANCELLED);
            if (cancelled > 0) {
                owed = owed.minus(PaidPerUnit.of(order).cancelledGoods(l.id(), cancelled));
            }
        }
        return owed.isNegative() ? zero : owed;
    }

    private static Map<Sku, Integer> stockUnits(Order order, UnitState state) {
        Map<Sku, Integer> units = new LinkedHashMap<>();
        for (OrderLine l : order.lines()) {
            if (l.units().get(state) > 0) {
                components(l.sku(), l.units().get(state)).forEach((sku, q) -> units.merge(sku, q, Integer::sum));
            }
        }
        return units;
    }

    private static Map<Sku, Integer> components(Sku sku, int quantity) {
        if (sku.equals(KIT)) {
            return Map.of(MUG, quantity, TEE, 2 * quantity);
        }
        return Map.of(sku, quantity);
    }
}

package io.omskit.benchmarks.journey;

import io.omskit.core.Oms;
import io.omskit.core.PlacementResult;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.channel.Channel;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.FulfilmentStatus;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.inmemory.FakePaymentGateway;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.inmemory.InMemoryFulfilmentRepository;
import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.inmemory.InMemoryOrderRepository;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.Address;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.payment.PaymentStatus;
import io.omskit.core.spi.EventPublisher;
import io.omskit.core.spi.FulfilmentRepository;
import io.omskit.core.spi.InventoryStore;
import io.omskit.core.spi.OrderRepository;
import io.omskit.orchestration.OrderSourcing;
import io.omskit.orchestration.SourcingEngine;
import io.omskit.orchestration.result.SourcingResult;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rules.RateTable;
import io.omskit.orchestration.rules.ShippingCost;
import io.omskit.orchestration.rules.SplitPenalty;
import io.omskit.orchestration.spi.ShippingRate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * A small shop for the whole-journey benchmark: two warehouses and a store, {@value #SKUS} SKUs, the {@link Oms} wired on
 * the adapters given, sourcing by shipping cost with a split penalty, a fake payment provider and a publisher that
 * counts events. {@link #journey} takes one order from placement to delivery; {@link #check()} proves afterwards that
 * every order it took there is delivered and fully paid.
 *
 * <p>Stock: each SKU is at both warehouses except one in five only at WH-1 and one in five only at WH-2, and every
 * other SKU also on the store's shelf, {@value #UNITS} units per position, so that no order runs short in a long run
 * and a two-line order now and then splits into two fulfilments.
 */
final class Shop {

    static final int SKUS = 50;
    static final int UNITS = 10_000_000;
    static final LocationId WH1 = LocationId.of("WH-1");
    static final LocationId WH2 = LocationId.of("WH-2");
    static final LocationId ST1 = LocationId.of("ST-1");
    private static final CurrencyUnit EUR = CurrencyUnit.EUR;
    private static final Money SHIPPING = Money.of(EUR, 4.95);
    private static final DeliveryChoice HOME = DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
            new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", GeoPoint.of(52.52, 13.40)), null);

    final Oms oms;
    final OrderSourcing sourcing;
    final FakePaymentGateway payments = new FakePaymentGateway();
    private final LongAdder events;
    private final Sku[] skus = new Sku[SKUS];
    private final Money[] prices = new Money[SKUS];
    private final Queue<OrderId> delivered = new ConcurrentLinkedQueue<>();
    private final LongAdder fulfilments = new LongAdder();

    private Shop(Clock clock, LongAdder events, OrderRepository orders, FulfilmentRepository fulfilmentRepository,
                 InventoryStore inventory) {
        this.events = events;
        InMemoryCatalog catalog = new InMemoryCatalog();
        for (int s = 0; s < SKUS; s++) {
            skus[s] = Sku.of("SKU-" + s);
            prices[s] = Money.ofMinor(EUR, 499 + 100L * s);
            catalog.put(SkuAttributes.of(skus[s], "Item " + s, "general", 300, Dimensions.ofMillimetres(100, 100, 120), true));
        }
        Network network = Network.of(List.of(
                Location.builder(WH1, LocationType.WAREHOUSE, GeoPoint.of(52.0, 13.0)).build(),
                Location.builder(WH2, LocationType.WAREHOUSE, GeoPoint.of(48.1, 11.6)).build(),
                Location.builder(ST1, LocationType.STORE, GeoPoint.of(52.5, 13.4)).build()));
        this.oms = Oms.builder().inMemory().clock(clock).network(network).catalog(catalog).orders(orders)
                .fulfilments(fulfilmentRepository).inventory(inventory).payments(payments).events(counting(events)).build();
        this.sourcing = new OrderSourcing(oms, SourcingEngine.builder().network(network).clock(clock).catalog(catalog)
                .inventory(inventory)
                .rules(RuleBook.of(RuleSet.builder("home").cost(new ShippingCost(RateTable.flat(ShippingRate.of(5, 0.1, 0.001))))
                        .cost(new SplitPenalty(20)).build()))
                .build());
        for (int s = 0; s < SKUS; s++) {
            if (s % 5 != 4) {
                receive(inventory, s, WH1);
            }
            if (s % 5 != 3) {
                receive(inventory, s, WH2);
            }
            if (s % 2 == 0) {
                receive(inventory, s, ST1);
            }
        }
    }

    private static final int EXPECTED_ORDERS = 100_000;

    /** The shop on the in-memory adapters, events counted as they are published. */
    static Shop inMemory() {
        Clock clock = Clock.systemUTC();
        LongAdder events = new LongAdder();
        InMemoryInventoryStore inventory = InMemoryInventoryStore.builder().clock(clock).publisher(counting(events)).build();
        // an iteration keeps about 100,000 orders: the repositories are told so, as a host of that size would
        return new Shop(clock, events, new InMemoryOrderRepository(EXPECTED_ORDERS),
                new InMemoryFulfilmentRepository(EXPECTED_ORDERS), inventory);
    }

    /**
     * The shop on the repositories and store given (a database's); {@code events} counts what the Oms publishes itself,
     * give {@link #counting} of it to the database's outbox relay too.
     */
    static Shop on(LongAdder events, OrderRepository orders, FulfilmentRepository fulfilments, InventoryStore inventory) {
        return new Shop(Clock.systemUTC(), events, orders, fulfilments, inventory);
    }

    /** A publisher that only counts the events, standing for the host's broker. */
    static EventPublisher counting(LongAdder events) {
        return published -> events.add(published.size());
    }

    private void receive(InventoryStore inventory, int sku, LocationId at) {
        inventory.adjust(StockAdjustment.of("opening-" + skus[sku] + "-" + at, skus[sku], at, MovementReason.RECEIPT, UNITS, "PO-1"));
    }

    /**
     * One order's whole journey: placed for home delivery (one or two lines of one or two units, and a shipping
     * charge), sourced, and each of its fulfilments accepted, picked, packed, shipped and delivered.
     *
     * @throws IllegalStateException when a step did not do what it should (so that a failure is never measured)
     */
    OrderId journey(String externalRef, SplittableRandom random) {
        PlaceOrderRequest.Builder request = PlaceOrderRequest.builder().channel(Channel.WEB).externalRef(externalRef)
                .customer("customer-" + random.nextInt(1000)).currency(EUR).delivery(HOME).paymentRef("tok-visa")
                .charge("shipping", SHIPPING);
        int first = random.nextInt(SKUS);
        request.line("1", skus[first].value(), 1 + random.nextInt(2), prices[first]);
        if (random.nextBoolean()) {
            int second = (first + 1 + random.nextInt(SKUS - 1)) % SKUS;
            request.line("2", skus[second].value(), 1 + random.nextInt(2), prices[second]);
        }
        PlacementResult placed = oms.placeOrder(request.build());
        if (!placed.isConfirmed()) {
            throw new IllegalStateException("order " + externalRef + " was not confirmed: " + placed.outcome() + " " + placed.shortages());
        }
        OrderId id = placed.order().id();
        SourcingResult sourced = sourcing.source(id);
        if (!sourced.isAllocated()) {
            throw new IllegalStateException("order " + id + " was not sourced: " + sourced);
        }
        List<Fulfilment> toDo = oms.fulfilments().forOrder(id);
        for (int i = 0; i < toDo.size(); i++) {
            FulfilmentId fid = toDo.get(i).id();
            oms.fulfilments().accept(fid);
            oms.fulfilments().startPicking(fid);
            oms.fulfilments().pack(fid);
            oms.fulfilments().ship(fid, ShipmentDetails.of("P-" + externalRef + "-" + i, "DHL", ""));
            Fulfilment done = oms.fulfilments().deliver(fid, "POD-" + externalRef);
            if (done.status() != FulfilmentStatus.DELIVERED) {
                throw new IllegalStateException("fulfilment " + fid + " of order " + id + " ended " + done.status());
            }
        }
        if (toDo.isEmpty()) {
            throw new IllegalStateException("order " + id + " was sourced without a fulfilment");
        }
        fulfilments.add(toDo.size());
        delivered.add(id);
        return id;
    }

    /** How many orders made the whole journey since the last {@link #check()}, in how many fulfilments. */
    String summary() {
        int orders = delivered.size();
        long split = fulfilments.sum();
        return String.format("%,d orders delivered in %,d fulfilments (%.1f%% split), %,d events published", orders,
                split, 100.0 * (split - orders) / Math.max(1, orders), events.sum());
    }

    /**
     * Checks that every order that made the journey is delivered and fully captured, on the order and at the provider,
     * with nothing left authorised; forgets them and starts counting afresh.
     *
     * @throws IllegalStateException naming the first few orders that are not
     */
    void check() {
        fulfilments.reset();
        events.reset();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (OrderId id; (id = delivered.poll()) != null; checked++) {
            Order o = oms.order(id).orElse(null);
            if (o == null) {
                wrong.add(id + " is lost");
                continue;
            }
            Money zero = Money.zero(EUR);
            Money captured = payments.captured(id);
            Money open = payments.openAuthorisation(id);
            if (o.status() != OrderStatus.DELIVERED || o.payment().status() != PaymentStatus.CAPTURED
                    || !o.payment().captured().equals(o.total()) || captured == null || !captured.equals(o.total())
                    || (open != null && !open.equals(zero))) {
                wrong.add(id + " is " + o.status() + ", total " + o.total() + ", payment " + o.payment() + ", provider captured "
                        + captured + ", still authorised " + open);
            }
        }
        if (!wrong.isEmpty()) {
            throw new IllegalStateException(wrong.size() + " of " + checked + " orders did not end delivered and paid: "
                    + wrong.subList(0, Math.min(3, wrong.size())));
        }
        System.out.printf("%ncheck passed: all %,d orders delivered and fully captured%n", checked);
    }

    /** The orders still to check. */
    Collection<OrderId> unchecked() {
        return delivered;
    }
}

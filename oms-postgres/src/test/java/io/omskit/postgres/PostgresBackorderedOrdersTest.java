package io.omskit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.Oms;
import io.omskit.core.PlacementResult;
import io.omskit.core.backorder.Backorder;
import io.omskit.core.backorder.BackorderPolicy;
import io.omskit.core.backorder.SupplyTerms;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.channel.Channel;
import io.omskit.core.inmemory.FakePaymentGateway;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.inmemory.RecordingEventPublisher;
import io.omskit.core.inventory.MovementKey;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.Address;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderLine;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.order.UnitState;
import io.omskit.core.spi.EventPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * Orders placed beyond stock on PostgreSQL, two {@link PostgresOms} nodes sharing the database: a receipt booked on
 * one node races a cancellation of the waiting units on the other; whichever wins, no unit is filled twice or held for
 * nobody, and the orders say what the backorder book says.
 */
class PostgresBackorderedOrdersTest {

    private static final Sku LAMP = Sku.of("LAMP");
    private static final LocationId WH = LocationId.of("WH-1");
    private static final LineId L1 = LineId.of("1");

    private static Oms oms(PostgresOms pg) {
        return oms(pg, pg.backorderBook());
    }

    private static Oms oms(PostgresOms pg, io.omskit.core.spi.BackorderBook book) {
        return Oms.builder().clock(Clock.systemUTC())
                .network(Network.of(List.of(Location.builder(WH, LocationType.WAREHOUSE, GeoPoint.of(52.0, 13.0)).build())))
                .catalog(new InMemoryCatalog().put(SkuAttributes.of(LAMP, "Lamp", "home", 900,
                        Dimensions.ofMillimetres(300, 300, 500), true)))
                .orders(pg.orderRepository()).fulfilments(pg.fulfilmentRepository()).inventory(pg.inventoryStore())
                .payments(new FakePaymentGateway()).backorderBook(book)
                .backorderPolicy(BackorderPolicy.builder().sku(LAMP, SupplyTerms.backorders(100)).build())
                .transfers(pg.transferRepository()).events(EventPublisher.none()).build();
    }

    private static PlaceOrderRequest lamps(String ref, int quantity) {
        return PlaceOrderRequest.builder().channel(Channel.WEB).externalRef(ref).customer("c").currency("EUR").paymentRef("tok")
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", null), null))
                .line("1", LAMP.value(), quantity, Money.of(CurrencyUnit.EUR, 40)).build();
    }

    @Test
    void a_receipt_on_one_node_racing_a_cancellation_on_the_other_leaves_every_unit_accounted_for() throws Exception {
        TestDatabase.clean();
        try (PostgresOms a = PostgresOms.builder().jdbcUrl(TestDatabase.jdbcUrl(), "postgres", "postgres")
                .publisher(new RecordingEventPublisher()).poolSize(4).start();
             PostgresOms b = PostgresOms.builder().jdbcUrl(TestDatabase.jdbcUrl(), "postgres", "postgres")
                     .publisher(new RecordingEventPublisher()).poolSize(4).start()) {
            Oms nodeA = oms(a);
            Oms nodeB = oms(b);
            a.inventoryStore().load(LAMP, WH, 1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            int arrived = 0;
            try {
                for (int round = 0; round < 6; round++) {
                    // a cancellation that won its race may leave units on the shelf: as in round 0, leave one there, so
                    // that the first order of the round waits for the rest (a shelf order takes the others)
                    int onShelf = a.inventoryStore().position(LAMP, WH).availableToSell();
                    if (onShelf > 1) {
                        assertThat(nodeA.placeOrder(lamps("WEB-" + round + "-shelf", onShelf - 1)).isConfirmed()).isTrue();
                    }
                    PlacementResult first = nodeA.placeOrder(lamps("WEB-" + round + "-first", 3));
                    PlacementResult second = nodeB.placeOrder(lamps("WEB-" + round + "-second", 2));
                    assertThat(first.isConfirmed()).as("round %d: %s", round, first).isTrue();
                    assertThat(second.isConfirmed()).isTrue();
                    int waitingFirst = first.order().line(L1).orElseThrow().awaitingStock();
                    assertThat(waitingFirst).isPositive();
                    String key = "grn-" + round;
                    nodeA.adjustStock(new StockAdjustment(MovementKey.of(key + "-eta"), LAMP, WH, MovementReason.INBOUND_EXPECTED,
                            waitingFirst, Instant.now().plus(Duration.ofDays(3)), "po-" + round));
                    CountDownLatch start = new CountDownLatch(1);
                    Future<?> receipt = pool.submit(() -> {
                        start.await();
                        return nodeA.adjustStock(new StockAdjustment(MovementKey.of(key), LAMP, WH,
                                MovementReason.INBOUND_RECEIVED, waitingFirst, null, "po"));
                    });
                    Future<?> cancel = pool.submit(() -> {
                        start.await();
                        return nodeB.cancel(first.order().id(), List.of(LineQuantity.of(L1, waitingFirst)),
                                CancellationReason.CUSTOMER_REQUEST, "cancel-" + key);
                    });
                    start.countDown();
                    receipt.get(60, TimeUnit.SECONDS);
                    cancel.get(60, TimeUnit.SECONDS);
                    arrived += waitingFirst;

                    check(a, List.of(first.order(), second.order()), round);
                }
            } finally {
                pool.shutdown();
            }
            assertThat(a.backorderBook().waitingUnits(LAMP)).isLessThanOrEqualTo(12);
            assertThat(a.inventoryStore().position(LAMP, WH).onHand()).isEqualTo(1 + arrived);
        }
    }

    @Test
    void units_a_receipt_filled_for_an_order_cancelled_on_the_other_node_go_to_the_next_order_waiting() throws Exception {
        TestDatabase.clean();
        try (PostgresOms a = PostgresOms.builder().jdbcUrl(TestDatabase.jdbcUrl(), "postgres", "postgres")
                .publisher(new RecordingEventPublisher()).poolSize(4).start();
             PostgresOms b = PostgresOms.builder().jdbcUrl(TestDatabase.jdbcUrl(), "postgres", "postgres")
                     .publisher(new RecordingEventPublisher()).poolSize(4).start()) {
            java.util.Random jitter = new java.util.Random(20);
            // node A pauses a little after the book filled a receipt, so that the cancellation on node B lands before,
            // inside or after the window in which the order takes the units
            Oms nodeA = oms(a, new JitteryBook(a.backorderBook(), jitter));
            Oms nodeB = oms(b);
            a.inventoryStore().load(LAMP, WH, 1);
            Order inStock = nodeA.placeOrder(lamps("WEB-in-stock", 1)).order();
            List<Order> placed = new java.util.ArrayList<>();
            List<Order> shelfOrders = new java.util.ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            int passedOn = 0;
            try {
                for (int round = 0; round < 16; round++) {
                    // a cancellation that lands after the receipt filled the first order releases its 3 units to the
                    // shelf (freed units do not go to orders waiting): a shelf order takes them, so the round's first
                    // order waits as the round means
                    // (home deliveries reserve network-wide: what is free is the shelf less those reservations)
                    int onShelf = a.inventoryStore().position(LAMP, WH).availableToSell() - a.inventoryStore().networkReserved(LAMP);
                    if (onShelf > 0) {
                        PlacementResult fromShelf = nodeA.placeOrder(lamps("WEB-" + round + "-shelf", onShelf));
                        assertThat(fromShelf.isConfirmed()).as("round %d: %s", round, fromShelf).isTrue();
                        assertThat(fromShelf.order().line(L1).orElseThrow().awaitingStock()).as("round %d", round).isZero();
                        shelfOrders.add(fromShelf.order());
                    }
                    Order first = nodeA.placeOrder(lamps("WEB-" + round + "-first", 3)).order();
                    Order second = nodeB.placeOrder(lamps("WEB-" + round + "-second", 2)).order();
                    // units left over by the last round are sold from the shelf first
                    int waitingFirst = first.line(L1).orElseThrow().awaitingStock();
                    assertThat(waitingFirst).as("round %d", round).isPositive();
                    placed.add(first);
                    placed.add(second);
                    int othersWaiting = a.backorderBook().waitingUnits(LAMP) - waitingFirst;
                    int filledBefore = filled(a, placed);
                    String key = "grn-" + round;
                    nodeA.adjustStock(new StockAdjustment(MovementKey.of(key + "-eta"), LAMP, WH, MovementReason.INBOUND_EXPECTED,
                            3, Instant.now().plus(Duration.ofDays(3)), "po-" + round));
                    CountDownLatch start = new CountDownLatch(1);
                    Future<?> receipt = pool.submit(() -> {
                        start.await();
                        return nodeA.adjustStock(new StockAdjustment(MovementKey.of(key), LAMP, WH,
                                MovementReason.INBOUND_RECEIVED, 3, null, "po"));
                    });
                    Future<?> cancel = pool.submit(() -> {
                        start.await();
                        return nodeB.cancel(first.id(), List.of(LineQuantity.of(L1, waitingFirst)),
                                CancellationReason.CUSTOMER_REQUEST, "cancel-" + key);
                    });
                    start.countDown();
                    receipt.get(60, TimeUnit.SECONDS);
                    cancel.get(60, TimeUnit.SECONDS);

                    int heldByFirst = a.backorderBook().forOrder(first.id()).get(0).filled();
                    int toOthers = filled(a, placed) - filledBefore - heldByFirst;
                    assertThat(toOthers).as("round %d: what the cancelled order did not take went on to those waiting", round)
                            .isEqualTo(Math.min(3 - heldByFirst, othersWaiting));
                    if (heldByFirst == 0 && toOthers > 0) {
                        passedOn++;
                    }
                    int reservedOnOrders = 0;
                    for (Order p : placed) {
                        Order o = a.orderRepository().find(p.id()).orElseThrow();
                        Backorder bo = a.backorderBook().forOrder(o.id()).get(0);
                        assertThat(o.line(L1).orElseThrow().awaitingStock()).as("round %d: %s", round, bo).isEqualTo(bo.waiting());
                        assertThat(o.line(L1).orElseThrow().backorder().filled()).as("round %d: %s", round, bo).isEqualTo(bo.filled());
                        reservedOnOrders += o.units(UnitState.RESERVED);
                    }
                    reservedOnOrders += a.orderRepository().find(inStock.id()).orElseThrow().units(UnitState.RESERVED);
                    for (Order fromShelf : shelfOrders) {
                        reservedOnOrders += a.orderRepository().find(fromShelf.id()).orElseThrow().units(UnitState.RESERVED);
                    }
                    int held = a.inventoryStore().position(LAMP, WH).reserved() + a.inventoryStore().networkReserved(LAMP);
                    assertThat(held).as("round %d: every reserved unit of the orders is held, nothing more", round)
                            .isEqualTo(reservedOnOrders);
                    assertThat(a.inventoryStore().position(LAMP, WH).availableToSell()).isGreaterThanOrEqualTo(0);
                }
            } finally {
                pool.shutdown();
            }
            assertThat(passedOn).as("rounds whose units went on to the next order").isPositive();
        }
    }

    private static int filled(PostgresOms pg, List<Order> orders) {
        int n = 0;
        for (Order o : orders) {
            n += pg.backorderBook().forOrder(o.id()).stream().mapToInt(Backorder::filled).sum();
        }
        return n;
    }

    /** The book of one node, pausing up to 20 ms after each fill. */
    private record JitteryBook(io.omskit.core.spi.BackorderBook book, java.util.Random jitter)
            implements io.omskit.core.spi.BackorderBook {
        public java.util.Optional<io.omskit.core.backorder.BackorderResult> place(Backorder c, long room, long seen) {
            return book.place(c, room, seen);
        }
        public long receipts(Sku sku, LocationId at) { return book.receipts(sku, at); }
        public List<io.omskit.core.backorder.BackorderFill> fill(MovementKey r, Sku sku, LocationId at, int arrived) {
            List<io.omskit.core.backorder.BackorderFill> made = book.fill(r, sku, at, arrived);
            int pause;
            synchronized (jitter) {
                pause = jitter.nextInt(20);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return made;
        }
        public List<io.omskit.core.backorder.BackorderFill> passOn(io.omskit.core.backorder.BackorderFill fill, int total) {
            return book.passOn(fill, total);
        }
        public void reopen(io.omskit.core.backorder.BackorderFill fill) { book.reopen(fill); }
        public java.util.Optional<Backorder> expect(io.omskit.core.backorder.BackorderId id,
                                                    io.omskit.core.backorder.SupplyKind kind, Instant at) {
            return book.expect(id, kind, at);
        }
        public java.util.Optional<Backorder> cancel(io.omskit.core.backorder.BackorderId id, int total) { return book.cancel(id, total); }
        public java.util.Optional<Backorder> find(io.omskit.core.backorder.BackorderId id) { return book.find(id); }
        public List<Backorder> waiting(Sku sku, LocationId at) { return book.waiting(sku, at); }
        public int waitingUnits(Sku sku) { return book.waitingUnits(sku); }
        public List<Backorder> forOrder(io.omskit.core.order.OrderId order) { return book.forOrder(order); }
    }

    private static void check(PostgresOms pg, List<Order> orders, int round) {
        for (Order placed : orders) {
            Order o = pg.orderRepository().find(placed.id()).orElseThrow();
            OrderLine line = o.line(L1).orElseThrow();
            for (Backorder bo : pg.backorderBook().forOrder(o.id())) {
                assertThat(bo.waiting() + bo.filled() + bo.cancelled()).isEqualTo(bo.quantity());
                assertThat(line.awaitingStock()).as("round %d: the order awaits what the book has waiting: %s", round, bo)
                        .isEqualTo(bo.waiting());
                assertThat(line.backorder().filled()).as("round %d: the order holds what the book filled: %s", round, bo)
                        .isEqualTo(bo.filled());
            }
        }
        // all rounds' orders: what the orders reserve is what the stock holds for them, never more than on hand
        int reservedOnOrders = 0;
        for (int r = 0; r <= round; r++) {
            for (String which : List.of("shelf", "first", "second")) {
                reservedOnOrders += pg.orderRepository().findByExternalRef(Channel.WEB,
                                io.omskit.core.order.ExternalOrderRef.of("WEB-" + r + "-" + which))
                        .map(o -> o.units(UnitState.RESERVED)).orElse(0);
            }
        }
        int held = pg.inventoryStore().position(LAMP, WH).reserved() + pg.inventoryStore().networkReserved(LAMP);
        assertThat(held).as("round %d: every reserved unit of the orders is held, nothing more", round)
                .isEqualTo(reservedOnOrders);
        assertThat(pg.inventoryStore().position(LAMP, WH).availableToSell()).isGreaterThanOrEqualTo(0);
    }
}

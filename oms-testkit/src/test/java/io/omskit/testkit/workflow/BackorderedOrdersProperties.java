package io.omskit.testkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.Oms;
import io.omskit.core.PlacementResult;
import io.omskit.core.backorder.Backorder;
import io.omskit.core.backorder.BackorderPolicy;
import io.omskit.core.backorder.SupplyTerms;
import io.omskit.core.catalog.Sku;
import io.omskit.core.channel.Channel;
import io.omskit.core.inmemory.FakePaymentGateway;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.inmemory.InMemoryBackorderBook;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.inmemory.InMemoryOrderRepository;
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
import io.omskit.core.spi.SpiException;
import io.omskit.testkit.faults.FaultPlan;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Random placements beyond stock, receipts, cancellations and receipts whose fill a cancellation of a waiting order
 * overtakes (it lands between the book's fill and the order taking the units), every adapter (inventory, backorder book, payments,
 * orders) failing at random before or after its work, each step called again with the same keys until it answers:
 * no unit is filled twice or beyond what arrived, every backordered unit is waiting, filled or cancelled, and the
 * order documents say what the book says.
 */
class BackorderedOrdersProperties {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final Sku PLATE = Sku.of("PLATE");
    private static final LocationId WH = LocationId.of("WH-1");
    private static final LineId L1 = LineId.of("1");

    @Property(tries = 120)
    @StatisticsReport(onFailureOnly = true)
    void placements_receipts_and_cancellations_under_faults_keep_every_unit_accounted_for(
            @ForAll long seed, @ForAll @Size(min = 4, max = 24) List<@IntRange(min = 0, max = 999) Integer> script) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        InMemoryInventoryStore store = InMemoryInventoryStore.create(clock);
        store.load(PLATE, WH, 3);
        InMemoryBackorderBook book = new InMemoryBackorderBook();
        InMemoryOrderRepository orders = new InMemoryOrderRepository();
        FaultPlan plan = FaultPlan.seeded(seed).failWith(0.2);
        CancellingAfterFill racing = new CancellingAfterFill(plan.backorders(book));
        Oms oms = Oms.builder().inMemory().clock(clock).catalog(new InMemoryCatalog().put(SkuAttributes.of(PLATE, "Plate", "kitchen", 500,
                        Dimensions.ofMillimetres(250, 250, 30), true)))
                .network(Network.of(List.of(Location.builder(WH, LocationType.WAREHOUSE, GeoPoint.of(52.0, 13.0)).build())))
                .inventory(plan.inventory(store)).payments(plan.payments(new FakePaymentGateway()))
                .orders(plan.orders(orders)).backorderBook(racing)
                .backorderPolicy(BackorderPolicy.builder().sku(PLATE, SupplyTerms.backorders(12)).build()).build();
        List<Order> placed = new ArrayList<>();
        int arrived = 0;
        int step = 0;
        for (int code : script) {
            step++;
            int n = code / 3;
            switch (code % 4) {
                case 0 -> {
                    String ref = "WEB-" + step;
                    PlacementResult r = retried(() -> oms.placeOrder(request(ref, n % 6 + 1)));
                    placed.add(r.order());
                    Statistics.label("outcome").collect(r.outcome());
                }
                case 1 -> {
                    int units = n % 5 + 1;
                    String key = "grn-" + step;
                    retried(() -> oms.adjustStock(new StockAdjustment(MovementKey.of(key + "-eta"), PLATE, WH,
                            MovementReason.INBOUND_EXPECTED, units, NOW.plusSeconds(86_400), "po")));
                    retried(() -> oms.adjustStock(new StockAdjustment(MovementKey.of(key), PLATE, WH,
                            MovementReason.INBOUND_RECEIVED, units, null, "po")));
                    arrived += units;
                }
                case 3 -> {
                    // a receipt whose fill is overtaken by the cancellation of waiting units of an order it filled
                    int units = n % 5 + 1;
                    String key = "grn-" + step;
                    racing.next = fills -> {
                        Order o = orders.find(fills.get(n % fills.size()).order()).orElseThrow();
                        int waiting = o.line(L1).orElseThrow().awaitingStock();
                        if (waiting > 0) {
                            retried(() -> oms.cancel(o.id(), List.of(LineQuantity.of(L1, n % waiting + 1)),
                                    CancellationReason.CUSTOMER_REQUEST, "race-" + key));
                        }
                    };
                    retried(() -> oms.adjustStock(new StockAdjustment(MovementKey.of(key + "-eta"), PLATE, WH,
                            MovementReason.INBOUND_EXPECTED, units, NOW.plusSeconds(86_400), "po")));
                    retried(() -> oms.adjustStock(new StockAdjustment(MovementKey.of(key), PLATE, WH,
                            MovementReason.INBOUND_RECEIVED, units, null, "po")));
                    arrived += units;
                    Statistics.label("race").collect(racing.next == null ? "a cancellation overtook a fill" : "nothing filled");
                    racing.next = null;
                }
                default -> {
                    if (placed.isEmpty()) {
                        continue;
                    }
                    Order o = orders.find(placed.get(n % placed.size()).id()).orElseThrow();
                    OrderLine line = o.line(L1).orElseThrow();
                    int cancellable = line.units().awaitingStock() + line.units().open() + line.units().reserved();
                    if (cancellable == 0) {
                        continue;
                    }
                    int units = n % cancellable + 1;
                    String key = "cancel-" + step;
                    retried(() -> oms.cancel(o.id(), List.of(LineQuantity.of(L1, units)), CancellationReason.CUSTOMER_REQUEST,
                            key));
                }
            }
            check(placed, orders, book, store, arrived);
        }
        Statistics.label("faults").collect(plan.injected() > 0 ? "faults injected" : "no fault");
        Statistics.label("faults").coverage(checker -> checker.check("faults injected").percentage(p -> p > 80));
        Statistics.label("outcome").coverage(checker -> checker.check(PlacementResult.Outcome.CONFIRMED).count(c -> c > 0));
        Statistics.label("race").coverage(checker -> checker.check("a cancellation overtook a fill").count(c -> c > 10));
    }

    /** The book, with a cancellation landing right after the next fill that filled anything (once). */
    private static final class CancellingAfterFill implements io.omskit.core.spi.BackorderBook {
        private final io.omskit.core.spi.BackorderBook book;
        private java.util.function.Consumer<List<io.omskit.core.backorder.BackorderFill>> next;

        CancellingAfterFill(io.omskit.core.spi.BackorderBook book) {
            this.book = book;
        }

        @Override
        public List<io.omskit.core.backorder.BackorderFill> fill(MovementKey receipt, Sku sku, LocationId at, int arrived) {
            List<io.omskit.core.backorder.BackorderFill> made = book.fill(receipt, sku, at, arrived);
            java.util.function.Consumer<List<io.omskit.core.backorder.BackorderFill>> cancel = next;
            if (cancel != null && !made.isEmpty()) {
                next = null;
                cancel.accept(made);
            }
            return made;
        }

        @Override
        public java.util.Optional<io.omskit.core.backorder.BackorderResult> place(Backorder c, long room, long seen) {
            return book.place(c, room, seen);
        }

        @Override
        public long receipts(Sku sku, LocationId at) {
            return book.receipts(sku, at);
        }

        @Override
        public List<io.omskit.core.backorder.BackorderFill> passOn(io.omskit.core.backorder.BackorderFill fill, int total) {
            return book.passOn(fill, total);
        }

        @Override
        public void reopen(io.omskit.core.backorder.BackorderFill fill) {
            book.reopen(fill);
        }

        @Override
        public java.util.Optional<Backorder> expect(io.omskit.core.backorder.BackorderId id,
                                                    io.omskit.core.backorder.SupplyKind kind, Instant at) {
            return book.expect(id, kind, at);
        }

        @Override
        public java.util.Optional<Backorder> cancel(io.omskit.core.backorder.BackorderId id, int total) {
            return book.cancel(id, total);
        }

        @Override
        public java.util.Optional<Backorder> find(io.omskit.core.backorder.BackorderId id) {
            return book.find(id);
        }

        @Override
        public List<Backorder> waiting(Sku sku, LocationId at) {
            return book.waiting(sku, at);
        }

        @Override
        public int waitingUnits(Sku sku) {
            return book.waitingUnits(sku);
        }

        @Override
        public List<Backorder> forOrder(io.omskit.core.order.OrderId order) {
            return book.forOrder(order);
        }
    }

    private static void check(List<Order> placed, InMemoryOrderRepository orders, InMemoryBackorderBook book,
                              InMemoryInventoryStore store, int arrived) {
        int filled = 0;
        int reservedOnOrders = 0;
        int waitingOnOrders = 0;
        for (Order p : placed) {
            Order o = orders.find(p.id()).orElseThrow();
            OrderLine line = o.line(L1).orElseThrow();
            reservedOnOrders += line.units().reserved();
            waitingOnOrders += line.awaitingStock();
            List<Backorder> bs = book.forOrder(o.id());
            assertThat(bs).as("one backorder per line at most").hasSizeLessThanOrEqualTo(1);
            if (bs.isEmpty()) {
                assertThat(line.backorder()).isNull();
                continue;
            }
            Backorder b = bs.get(0);
            assertThat(b.waiting() + b.filled() + b.cancelled()).as("waiting + filled + cancelled = backordered")
                    .isEqualTo(b.quantity());
            filled += b.filled();
            if (line.backorder() == null) {
                assertThat(b.waiting()).as("a backorder of a failed placement waits no more: %s", b).isZero();
                assertThat(b.filled()).isZero();
                continue;
            }
            assertThat(line.backorder().quantity()).isEqualTo(b.quantity());
            assertThat(line.awaitingStock()).as("the order awaits what the book has waiting: %s", b).isEqualTo(b.waiting());
            assertThat(line.backorder().filled()).as("the order holds what the book filled: %s", b).isEqualTo(b.filled());
            if (b.waiting() > 0) {
                assertThat(line.expectedAt()).as("the order tells the book's date: %s", b)
                        .isEqualTo(java.util.Optional.ofNullable(b.expectedAt()));
                assertThat(line.backorder().preorder()).isEqualTo(b.kind() == io.omskit.core.backorder.SupplyKind.PREORDER);
            }
        }
        assertThat(filled).as("never filled beyond what arrived").isLessThanOrEqualTo(arrived);
        assertThat(book.waitingUnits(PLATE)).isEqualTo(waitingOnOrders);
        int held = store.position(PLATE, WH).reserved() + store.networkReserved(PLATE);
        assertThat(held).as("every reserved unit of the orders is held, nothing more").isEqualTo(reservedOnOrders);
        assertThat(store.position(PLATE, WH).availableToSell()).as("never oversold").isGreaterThanOrEqualTo(0);
        assertThat(store.networkAvailable(PLATE)).isGreaterThanOrEqualTo(0);
    }

    private static PlaceOrderRequest request(String ref, int plates) {
        return PlaceOrderRequest.builder().channel(Channel.WEB).externalRef(ref).customer("c").currency("EUR")
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", GeoPoint.of(52.52, 13.40)), null))
                .paymentRef("tok").line("1", PLATE.value(), plates, Money.of(CurrencyUnit.EUR, 10)).build();
    }

    /** Calls {@code step} again (same arguments, same keys) until it answers and a placement is no longer pending. */
    private static <T> T retried(Supplier<T> step) {
        for (int attempt = 0; attempt < 300; attempt++) {
            try {
                T answer = step.get();
                if (answer instanceof PlacementResult p && p.outcome() == PlacementResult.Outcome.PAYMENT_PENDING) {
                    continue;
                }
                return answer;
            } catch (SpiException fault) {
                // the caller's retry
            }
        }
        throw new AssertionError("the step never got through the faults");
    }
}

package io.omskit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.backorder.BackorderFill;
import io.omskit.core.backorder.BackorderId;
import io.omskit.core.backorder.BackorderPolicy;
import io.omskit.core.backorder.BackorderRequest;
import io.omskit.core.backorder.BackorderResult;
import io.omskit.core.Backorders;
import io.omskit.core.backorder.SupplyTerms;
import io.omskit.core.catalog.Sku;
import io.omskit.core.inventory.AdjustmentResult;
import io.omskit.core.inventory.MovementKey;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.inventory.StockMovement;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.LineId;
import io.omskit.core.order.OrderId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Backorders on PostgreSQL: the stock and the waiting units both in the database, two services as two nodes. */
class PostgresBackordersTest {

    private static final Sku LAMP = Sku.of("LAMP");
    private static final LocationId WH = LocationId.of("WH-1");
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private PostgresInventoryStore inventory;

    @BeforeEach
    void clean() {
        TestDatabase.clean();
        inventory = PostgresInventoryStore.builder(TestDatabase.dataSource()).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    private Backorders node(Clock clock, SupplyTerms terms) {
        return Backorders.builder().inventory(inventory).book(new PostgresBackorderBook(TestDatabase.dataSource()))
                .clock(clock).policy(BackorderPolicy.builder().sku(LAMP, terms).build()).build();
    }

    private StockMovement move(String key, MovementReason reason, int quantity, Instant eta) {
        return ((AdjustmentResult.Applied) inventory.adjust(new StockAdjustment(MovementKey.of(key), LAMP, WH, reason,
                quantity, eta, "po-1"))).movement();
    }

    @Test
    void a_receipt_of_4_fills_the_two_oldest_backorders_of_2_once() {
        move("asn", MovementReason.INBOUND_EXPECTED, 10, NOW.plus(Duration.ofDays(10)));
        for (int i = 1; i <= 3; i++) {
            Backorders service = node(Clock.fixed(NOW.plusSeconds(i), ZoneOffset.UTC), SupplyTerms.preordersOnly());
            assertThat(service.place(BackorderRequest.of("bo-" + i, OrderId.of("order-" + i), LineId.of("1"), LAMP, WH, 2))
                    .isAccepted()).isTrue();
        }
        Backorders service = node(Clock.fixed(NOW.plusSeconds(10), ZoneOffset.UTC), SupplyTerms.preordersOnly());
        StockMovement receipt = move("grn-1", MovementReason.INBOUND_RECEIVED, 4, null);

        List<BackorderFill> fills = service.receiptBooked(receipt);
        List<BackorderFill> again = service.receiptBooked(receipt);

        assertThat(fills).extracting(f -> f.backorder().value()).containsExactly("bo-1", "bo-2");
        assertThat(again).isEqualTo(fills);
        assertThat(inventory.position(LAMP, WH).reserved()).isEqualTo(4);
        assertThat(service.find(BackorderId.of("bo-3")).orElseThrow().waiting()).isEqualTo(2);
        assertThat(service.find(BackorderId.of("bo-3")).orElseThrow().expectedAt()).isEqualTo(NOW.plus(Duration.ofDays(10)));
    }

    @Test
    void two_nodes_placing_while_receipts_arrive_never_oversell() throws Exception {
        move("asn", MovementReason.INBOUND_EXPECTED, 20, NOW.plus(Duration.ofDays(10)));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Backorders a = node(clock, SupplyTerms.preordersAndBackorders(3));
        Backorders b = node(clock, SupplyTerms.preordersAndBackorders(3));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger filled = new AtomicInteger();
        List<Future<?>> work = new ArrayList<>();
        for (Backorders node : List.of(a, b)) {
            String name = node == a ? "a" : "b";
            work.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 12; i++) {
                    BackorderResult r = node.place(BackorderRequest.of(name + "-" + i, OrderId.of("order-" + name + i),
                            LineId.of("1"), LAMP, WH, 1 + i % 2));
                    if (r.isAccepted()) {
                        accepted.addAndGet(1 + i % 2);
                    }
                }
                return null;
            }));
        }
        work.add(pool.submit(() -> {
            start.await();
            for (int i = 0; i < 6; i++) {
                filled.addAndGet(a.receiptBooked(move("grn-" + i, MovementReason.INBOUND_RECEIVED, 2, null)).stream()
                        .mapToInt(BackorderFill::units).sum());
            }
            return null;
        }));
        start.countDown();
        for (Future<?> f : work) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(filled.get()).isLessThanOrEqualTo(12);
        assertThat(inventory.position(LAMP, WH).reserved()).isEqualTo(filled.get());
        assertThat(accepted.get()).isLessThanOrEqualTo(20 + 3).isEqualTo(filled.get() + a.waiting(LAMP));
        assertThat(a.waiting(LAMP)).isLessThanOrEqualTo(inventory.position(LAMP, WH).inbound() + 3);
    }
}

package io.omskit.core.backorder;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.Backorders;
import io.omskit.core.catalog.Sku;
import io.omskit.core.inmemory.InMemoryBackorderBook;
import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.inventory.AdjustmentResult;
import io.omskit.core.inventory.MovementKey;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.inventory.StockPosition;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.LineId;
import io.omskit.core.order.OrderId;
import java.time.Clock;
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
import org.junit.jupiter.api.RepeatedTest;

/** Real threads place backorders while receipts arrive: nothing waits beyond the room, nothing fills beyond arrivals. */
class BackordersUnderLoadTest {

    private static final Sku SKU = Sku.of("LAMP");
    private static final LocationId WH = LocationId.of("WH-1");
    private static final int ANNOUNCED = 40;
    private static final int LIMIT = 5;
    private static final int RECEIPTS = 15;
    private static final int PER_RECEIPT = 2;

    @RepeatedTest(5)
    void no_oversell_with_threads_placing_backorders_while_receipts_arrive() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
        InMemoryInventoryStore inventory = InMemoryInventoryStore.create(clock);
        InMemoryBackorderBook book = new InMemoryBackorderBook();
        Backorders service = Backorders.builder().inventory(inventory).book(book).clock(clock)
                .policy(BackorderPolicy.builder().sku(SKU, SupplyTerms.preordersAndBackorders(LIMIT)).build()).build();
        inventory.adjust(new StockAdjustment(MovementKey.of("asn"), SKU, WH, MovementReason.INBOUND_EXPECTED, ANNOUNCED,
                Instant.parse("2026-03-20T00:00:00Z"), "po-1"));
        ExecutorService pool = Executors.newFixedThreadPool(5);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger filled = new AtomicInteger();
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            work.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 20; i++) {
                    int quantity = 1 + (i + thread) % 3;
                    BackorderResult r = service.place(new BackorderRequest(BackorderId.of("bo-" + thread + "-" + i),
                            OrderId.of("order-" + thread + "-" + i), LineId.of("1"), SKU, WH, quantity, i % 2));
                    if (r.isAccepted()) {
                        accepted.addAndGet(quantity);
                    }
                }
                return null;
            }));
        }
        work.add(pool.submit(() -> {
            start.await();
            for (int i = 0; i < RECEIPTS; i++) {
                AdjustmentResult r = inventory.adjust(new StockAdjustment(MovementKey.of("grn-" + i), SKU, WH,
                        MovementReason.INBOUND_RECEIVED, PER_RECEIPT, null, "po-1"));
                List<BackorderFill> fills = service.receiptBooked(((AdjustmentResult.Applied) r).movement());
                int units = fills.stream().mapToInt(BackorderFill::units).sum();
                assertThat(units).isLessThanOrEqualTo(PER_RECEIPT);
                filled.addAndGet(units);
                Thread.yield();
            }
            return null;
        }));
        start.countDown();
        for (Future<?> f : work) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        StockPosition p = inventory.position(SKU, WH);
        int waiting = service.waiting(SKU);
        assertThat(filled.get()).as("filled never beyond what arrived").isLessThanOrEqualTo(RECEIPTS * PER_RECEIPT);
        assertThat(p.reserved()).as("every filled unit is reserved").isEqualTo(filled.get());
        assertThat(p.onHand()).isGreaterThanOrEqualTo(p.reserved() + p.allocated());
        assertThat(accepted.get()).as("accepted units are filled or waiting").isEqualTo(filled.get() + waiting);
        assertThat(accepted.get()).as("never more than announced + the limit").isLessThanOrEqualTo(ANNOUNCED + LIMIT);
        assertThat(waiting).as("what waits fits the inbound still announced + the limit")
                .isLessThanOrEqualTo(p.inbound() + LIMIT);
        assertThat(accepted.get()).as("the load was real").isGreaterThan(0);
    }
}

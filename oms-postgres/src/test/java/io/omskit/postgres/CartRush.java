package io.omskit.postgres;

import io.omskit.core.catalog.Sku;
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
import io.omskit.core.spi.InventoryStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Shoppers rushing a few hot SKUs with overlapping multi-line carts: pinned and network-wide lines, a SKU twice in
 * one cart, SKUs in random order; then each cart is released, partly released, allocated, shipped, left to expire
 * or kept. Used by the in-JVM threads of {@link MultiNodeStockRushTest} and by the second JVM ({@link RushNode}).
 */
final class CartRush {

    static final List<Sku> HOT = List.of(Sku.of("HOT-1"), Sku.of("HOT-2"), Sku.of("HOT-3"));
    static final List<LocationId> LOCATIONS = List.of(LocationId.of("WH-1"), LocationId.of("ST-1"));
    static final Instant PAST = Instant.parse("2020-01-01T00:00:00Z");

    /** What one node saw: keys reserved (fresh, not replayed), keys refused, and failures. */
    static final class Outcome {
        final ConcurrentLinkedQueue<String> reserved = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    }

    private CartRush() {
    }

    /** Runs {@code threads} shoppers with {@code carts} carts each against {@code store}; keys start with {@code node}. */
    static Outcome run(InventoryStore store, String node, int threads, int carts, long seed) throws InterruptedException {
        Outcome outcome = new Outcome();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                start.await();
                Random random = new Random(seed * 31 + thread);
                for (int i = 0; i < carts; i++) {
                    String key = node + "-" + thread + "-" + i;
                    try {
                        shop(store, key, random, outcome);
                    } catch (RuntimeException e) {
                        outcome.failures.add(key + ": " + e);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        pool.shutdown();
        for (Future<?> f : futures) {
            try {
                f.get(5, TimeUnit.MINUTES);
            } catch (Exception e) {
                outcome.failures.add("thread: " + e);
            }
        }
        return outcome;
    }

    private static void shop(InventoryStore store, String key, Random random, Outcome outcome) {
        List<ReservationLine> lines = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        for (int l = 0; l < n; l++) {
            Sku sku = HOT.get(random.nextInt(HOT.size()));
            int q = 1 + random.nextInt(2);
            lines.add(random.nextBoolean() ? ReservationLine.anywhere(sku, q)
                    : ReservationLine.at(sku, LOCATIONS.get(random.nextInt(LOCATIONS.size())), q));
        }
        int fate = random.nextInt(100);
        Instant expiry = fate >= 90 ? PAST : null;
        ReservationResult r = store.reserve(new ReservationRequest(ReservationKey.of(key), "rush", lines, expiry));
        if (!r.isReserved()) {
            outcome.refused.add(key);
            return;
        }
        outcome.reserved.add(key);
        Reservation held = ((ReservationResult.Reserved) r).reservation();
        ReservationKey rk = held.key();
        if (fate < 40) {
            store.release(rk);
        } else if (fate < 55) {
            ReservationLine first = held.held().get(0);
            store.release(rk, first.sku(), 1);
        } else if (fate < 80) {
            List<AllocationLine> allocation = new ArrayList<>();
            LocationId target = LOCATIONS.get(random.nextInt(LOCATIONS.size()));
            for (ReservationLine h : held.held()) {
                allocation.add(AllocationLine.of(h.sku(), h.isNetworkWide() ? target : h.location(), h.quantity()));
            }
            AllocationKey ak = AllocationKey.of("a-" + key);
            AllocationResult a = store.allocate(new AllocationRequest(ak, "order " + key, allocation, rk));
            if (!a.isAllocated()) {
                store.release(rk);
            } else if (fate < 70) {
                for (AllocationLine open : ((AllocationResult.Allocated) a).allocation().open()) {
                    store.ship(ak, open.sku(), open.location(), open.quantity(),
                            MovementKey.of("s-" + key + "-" + open.sku() + "-" + open.location()));
                }
            }
        } else if (fate >= 90 && random.nextInt(4) == 0) {
            store.expireReservations(Instant.parse("2021-01-01T00:00:00Z"));
        }
    }
}

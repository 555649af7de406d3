package io.omskit.core.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.catalog.Sku;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.inventory.ReservationLine;
import io.omskit.core.inventory.ReservationRequest;
import io.omskit.core.inventory.ReservationResult;
import io.omskit.core.inventory.StockPosition;
import io.omskit.core.network.LocationId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Real threads seeding SKUs and locations the store has never seen, all at once and in different orders, while
 * other threads reserve and release carts on them. The store finds SKUs and locations through lock-free indexes that
 * grow while they are read: a SKU or location registered twice, or missed by a reader, would lose or create stock.
 */
class FirstStockOfNewSkusUnderLoadTest {

    private static final int SKUS = 1_000;
    private static final int LOCATIONS = 300;
    private static final int LOADERS = 3;
    private static final int RESERVERS = 2;

    private final InMemoryInventoryStore store = InMemoryInventoryStore.builder()
            .clock(Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC))
            .keepFinished(Duration.ZERO).build();
    private final List<Sku> skus = new ArrayList<>();
    private final List<LocationId> locations = new ArrayList<>();

    @Test
    void concurrent_first_loads_and_carts_lose_no_unit_and_oversell_nothing() throws Exception {
        for (int s = 0; s < SKUS; s++) {
            skus.add(Sku.of("NEW-" + s));
        }
        for (int l = 0; l < LOCATIONS; l++) {
            locations.add(LocationId.of("SITE-" + l));
        }
        CyclicBarrier start = new CyclicBarrier(LOADERS + RESERVERS);
        ExecutorService pool = Executors.newFixedThreadPool(LOADERS + RESERVERS);
        try {
            List<Future<Integer>> loaders = new ArrayList<>();
            for (int t = 0; t < LOADERS; t++) {
                long seed = t;
                loaders.add(pool.submit(() -> load(start, seed)));
            }
            List<Future<Integer>> reservers = new ArrayList<>();
            for (int t = 0; t < RESERVERS; t++) {
                int id = t;
                reservers.add(pool.submit(() -> reserveAndRelease(start, id)));
            }
            for (Future<Integer> f : loaders) {
                f.get(2, TimeUnit.MINUTES);
            }
            int reserved = 0;
            for (Future<Integer> f : reservers) {
                reserved += f.get(2, TimeUnit.MINUTES);
            }
            assertThat(reserved).as("carts reserved while the stock arrived").isPositive();
        } finally {
            pool.shutdownNow();
        }

        for (Sku sku : skus) {
            List<StockPosition> positions = store.positions(sku);
            assertThat(positions).as("one position per location of %s", sku).hasSize(LOCATIONS)
                    .extracting(StockPosition::location).doesNotHaveDuplicates();
            for (StockPosition p : positions) {
                assertThat(p.onHand()).as("%s at %s: one unit from each loader", sku, p.location()).isEqualTo(LOADERS);
                assertThat(p.reserved()).as("%s at %s: every cart released", sku, p.location()).isZero();
            }
            assertThat(store.networkAvailable(sku)).isEqualTo(LOADERS * LOCATIONS);
            assertThat(store.networkReserved(sku)).isZero();
        }
    }

    /** Loads one unit of every SKU at every location, in an order of its own. */
    private int load(CyclicBarrier start, long seed) throws Exception {
        List<Sku> order = new ArrayList<>(skus);
        List<LocationId> at = new ArrayList<>(locations);
        Random random = new Random(seed);
        Collections.shuffle(order, random);
        int[] ones = new int[LOCATIONS];
        Arrays.fill(ones, 1);
        start.await();
        for (Sku sku : order) {
            Collections.shuffle(at, random);
            store.load(sku, at, ones);
        }
        return order.size();
    }

    /**
     * Reserves carts of two SKUs (one pinned, one network-wide, fresh Sku and LocationId instances so lookups compare
     * by value) and releases each a few carts later, checking no position it reserved at is oversold.
     */
    private int reserveAndRelease(CyclicBarrier start, int id) throws Exception {
        Random random = new Random(100 + id);
        ReservationKey[] held = new ReservationKey[8];
        int reserved = 0;
        start.await();
        for (int i = 0; i < 10_000; i++) {
            Sku pinned = Sku.of("NEW-" + random.nextInt(SKUS));
            LocationId location = LocationId.of("SITE-" + random.nextInt(LOCATIONS));
            Sku anywhere = Sku.of("NEW-" + random.nextInt(SKUS));
            ReservationKey key = ReservationKey.of("r" + id + "-" + i);
            ReservationResult r = store.reserve(new ReservationRequest(key, "",
                    List.of(ReservationLine.at(pinned, location, 1), ReservationLine.anywhere(anywhere, 1)), null));
            if (r.isReserved()) {
                reserved++;
                StockPosition p = store.position(pinned, location);
                assertThat(p.onHand()).as("no oversell at %s %s", pinned, location)
                        .isGreaterThanOrEqualTo(p.reserved() + p.allocated());
            }
            int slot = i % held.length;
            if (held[slot] != null) {
                store.release(held[slot]);
            }
            held[slot] = r.isReserved() ? key : null;
        }
        for (ReservationKey k : held) {
            if (k != null) {
                store.release(k);
            }
        }
        return reserved;
    }
}

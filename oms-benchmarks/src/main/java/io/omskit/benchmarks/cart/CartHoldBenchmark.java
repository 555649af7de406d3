package io.omskit.benchmarks.cart;

import io.omskit.core.CartHolds;
import io.omskit.core.Oms;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.inmemory.FakePaymentGateway;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.inventory.ReservationChange;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.inventory.ReservationLine;
import io.omskit.core.inventory.StockPosition;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cart hold edits on the in-memory store, 2 threads: each operation changes one line of a 5-line cart hold (that
 * line's quantity goes from 1 to 2 or back), all or nothing, with a new 15-minute expiry. 10,000 SKUs stocked at 20
 * locations, 1,000 units each; each thread edits its own 512 carts in turn, every cart five distinct random SKUs
 * held network-wide.
 *
 * <p>{@code throughCarts}: what a storefront calls, {@code oms.carts().hold(cartId, quantities, ttl)} (validation
 * against the catalog, a fresh edit key, the change in the store). {@code inStore}: the store's
 * {@code InventoryStore.change} alone. At the end every position is checked (never oversold) and the units held must
 * equal what the carts hold. Each thread prints the CPU time it spent per edit: on a shared machine
 * {@code 1e9 / (CPU ns per edit)} per thread is what a core of its own would do. Run:
 * <pre>java -jar oms-benchmarks/target/benchmarks.jar CartHoldBenchmark -f 1 -wi 2 -i 3</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g", "-XX:+UseParallelGC"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Threads(2)
public class CartHoldBenchmark {

    static final int SKUS = 10_000;
    static final int LOCATIONS = 20;
    static final int CARTS_PER_THREAD = 512;
    static final int LINES = 5;
    static final Duration TTL = Duration.ofMinutes(15);
    static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    InMemoryInventoryStore store;
    CartHolds carts;
    Sku[] skus;
    final AtomicInteger threadIds = new AtomicInteger();
    final List<Shopper> shoppers = new ArrayList<>();

    @Setup(Level.Trial)
    public void seed() {
        Clock clock = Clock.systemUTC();
        store = InMemoryInventoryStore.builder().clock(clock).keepFinished(Duration.ZERO).build();
        LocationId[] locations = new LocationId[LOCATIONS];
        List<Location> network = new ArrayList<>();
        for (int l = 0; l < LOCATIONS; l++) {
            locations[l] = LocationId.of("L" + l);
            network.add(Location.builder(locations[l], LocationType.WAREHOUSE, GeoPoint.of(50 + l * 0.1, 10)).build());
        }
        int[] onHand = new int[LOCATIONS];
        java.util.Arrays.fill(onHand, 1_000);
        InMemoryCatalog catalog = new InMemoryCatalog();
        skus = new Sku[SKUS];
        for (int s = 0; s < SKUS; s++) {
            skus[s] = Sku.of("SKU-" + s);
            store.load(skus[s], List.of(locations), onHand);
            catalog.put(SkuAttributes.of(skus[s], "Item " + s, "things", 300, Dimensions.ofMillimetres(100, 100, 100), true));
        }
        Oms oms = Oms.builder().inMemory().clock(clock).network(Network.of(network)).catalog(catalog).inventory(store)
                .payments(new FakePaymentGateway()).build();
        carts = oms.carts();
    }

    /** The carts one thread edits, each with its five SKUs and current quantities. */
    @State(Scope.Thread)
    public static class Shopper {
        String[] cartIds;
        Sku[][] lines;
        int[][] quantities;
        int next;
        long edits;
        long cpuAtStart;
        long editsAtStart;

        @Setup(Level.Iteration)
        public void startClock() {
            cpuAtStart = THREADS.getCurrentThreadCpuTime();
            editsAtStart = edits;
        }

        /** What a core of its own would do: on a shared machine the JMH score is what the threads got. */
        @TearDown(Level.Iteration)
        public void printCpu() {
            long n = edits - editsAtStart;
            if (n > 0) {
                long ns = (THREADS.getCurrentThreadCpuTime() - cpuAtStart) / n;
                System.out.println(Thread.currentThread().getName() + ": " + n + " edits, " + ns + " CPU ns per edit ("
                        + (ns == 0 ? "-" : String.valueOf(1_000_000_000L / ns)) + " edits/s on a core of its own)");
            }
        }

        @Setup(Level.Trial)
        public void fill(CartHoldBenchmark b) {
            int id = b.threadIds.getAndIncrement();
            SplittableRandom random = new SplittableRandom(7 + id);
            cartIds = new String[CARTS_PER_THREAD];
            lines = new Sku[CARTS_PER_THREAD][LINES];
            quantities = new int[CARTS_PER_THREAD][LINES];
            for (int c = 0; c < CARTS_PER_THREAD; c++) {
                cartIds[c] = "t" + id + "-cart-" + c;
                java.util.Set<Integer> picked = new java.util.HashSet<>();
                for (int i = 0; i < LINES; i++) {
                    int s;
                    do {
                        s = random.nextInt(SKUS);
                    } while (!picked.add(s));
                    lines[c][i] = b.skus[s];
                    quantities[c][i] = 1;
                }
                if (!b.carts.hold(cartIds[c], quantitiesOf(c), TTL).isReserved()) {
                    throw new IllegalStateException("cart " + cartIds[c] + " could not be held");
                }
            }
            synchronized (b.shoppers) {
                b.shoppers.add(this);
            }
        }

        /** The next cart with one line's quantity flipped between 1 and 2. */
        int nextEdit() {
            int c = next;
            next = (next + 1) % CARTS_PER_THREAD;
            int line = (int) (edits++ % LINES);
            quantities[c][line] = 3 - quantities[c][line];
            return c;
        }

        Map<Sku, Integer> quantitiesOf(int c) {
            Map<Sku, Integer> q = new LinkedHashMap<>(8);
            for (int i = 0; i < LINES; i++) {
                q.put(lines[c][i], quantities[c][i]);
            }
            return q;
        }

        List<ReservationLine> linesOf(int c) {
            List<ReservationLine> l = new ArrayList<>(LINES);
            for (int i = 0; i < LINES; i++) {
                l.add(ReservationLine.anywhere(lines[c][i], quantities[c][i]));
            }
            return l;
        }
    }

    @Benchmark
    public boolean throughCarts(Shopper shopper) {
        int c = shopper.nextEdit();
        return carts.hold(shopper.cartIds[c], shopper.quantitiesOf(c), TTL).isReserved();
    }

    @Benchmark
    public boolean inStore(Shopper shopper) {
        int c = shopper.nextEdit();
        return store.change(new ReservationChange(ReservationKey.of("cart-" + shopper.cartIds[c]),
                "e-" + shopper.cartIds[c] + "-" + shopper.edits, "cart " + shopper.cartIds[c], shopper.linesOf(c),
                Clock.systemUTC().instant().plus(TTL))).isReserved();
    }

    /** Never oversold, and the units held are exactly what the carts say they hold. */
    @TearDown(Level.Trial)
    public void check() {
        long held = 0;
        for (Shopper s : shoppers) {
            for (int c = 0; c < CARTS_PER_THREAD; c++) {
                held += store.findReservation(ReservationKey.of("cart-" + s.cartIds[c])).orElseThrow().held().stream()
                        .mapToLong(ReservationLine::quantity).sum();
            }
        }
        long reserved = 0;
        for (Sku sku : skus) {
            reserved += store.networkReserved(sku);
            for (StockPosition p : store.positions(sku)) {
                if (p.onHand() < p.reserved() + p.allocated()) {
                    throw new IllegalStateException("oversold: " + p);
                }
                reserved += p.reserved();
            }
        }
        if (held != reserved) {
            throw new IllegalStateException("the carts hold " + held + " units but the store has " + reserved + " reserved");
        }
    }
}

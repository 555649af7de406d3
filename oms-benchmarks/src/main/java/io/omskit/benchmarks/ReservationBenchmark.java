package io.omskit.benchmarks;

import io.omskit.core.catalog.Sku;
import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.inventory.ReservationLine;
import io.omskit.core.inventory.ReservationRequest;
import io.omskit.core.inventory.ReservationResult;
import io.omskit.core.inventory.StockPosition;
import io.omskit.core.network.LocationId;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reserve + release of a 3-line cart on the in-memory store: 100,000 SKUs x 500 locations (50 million positions,
 * seeded through the bulk opening-balance path with 1 to 4 units each), 2 threads. One operation is one
 * {@code reserve} of a cart of three distinct random SKUs (one unit each) plus one {@code release} of the cart
 * reserved 64 operations earlier by the same thread, so 128 carts are always held and reservations interleave.
 *
 * <p>{@code lines = NETWORK}: every line network-wide; {@code lines = PINNED}: every line pinned to a random
 * location. Finished reservations are kept 0 s ({@code keepFinished(Duration.ZERO)}): with the default
 * of one day the store would keep every one of the tens of millions of reservations made. No event publisher.
 *
 * <p>At the end of the trial every position is checked (on hand &gt;= reserved + allocated, network reservations
 * covered: zero oversell), the carts still held are released, and every SKU must be back to its seeded network
 * available to sell (no unit created or lost). Each benchmark thread also prints the CPU time it spent per operation:
 * on a machine shared with other work, {@code 1e9 / (CPU ns per op)} per thread is what a core of its own would
 * do, while the JMH score is what the threads got.
 *
 * <p>The fork runs with transparent huge pages, as a store of tens of millions of positions should be deployed: with
 * 4 KiB pages nearly every random position read also misses the TLB. Where the kernel offers no huge pages the JVM
 * warns and runs without them; {@code -jvmArgsAppend -XX:-UseTransparentHugePages} measures without them. Run:
 * <pre>java -jar oms-benchmarks/target/benchmarks.jar ReservationBenchmark -f 1 -wi 2 -i 3</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms6g", "-Xmx6g", "-XX:+UseParallelGC", "-XX:+UseTransparentHugePages"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Threads(2)
public class ReservationBenchmark {

    static final int SKUS = 100_000;
    static final int LOCATIONS = 500;
    static final int HELD = 64;
    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Param({"NETWORK", "PINNED"})
    public String lines;

    InMemoryInventoryStore store;
    Sku[] skus;
    LocationId[] locations;
    int[] seededAvailable;
    final AtomicInteger threadIds = new AtomicInteger();
    final AtomicLong reserved = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final List<Carts> allCarts = new ArrayList<>();

    @Setup(Level.Trial)
    public void seed() {
        store = InMemoryInventoryStore.builder().clock(Clock.systemUTC()).keepFinished(Duration.ZERO).build();
        locations = new LocationId[LOCATIONS];
        for (int l = 0; l < LOCATIONS; l++) {
            locations[l] = LocationId.of("L" + l);
        }
        List<LocationId> all = List.of(locations);
        skus = new Sku[SKUS];
        seededAvailable = new int[SKUS];
        SplittableRandom random = new SplittableRandom(42);
        int[] onHand = new int[LOCATIONS];
        for (int s = 0; s < SKUS; s++) {
            skus[s] = Sku.of("SKU-" + s);
            int sum = 0;
            for (int l = 0; l < LOCATIONS; l++) {
                onHand[l] = 1 + random.nextInt(4);
                sum += onHand[l];
            }
            seededAvailable[s] = sum;
            store.load(skus[s], all, onHand);
        }
    }

    /** The carts one thread holds, oldest released first. */
    @State(Scope.Thread)
    public static class Carts {
        final ReservationKey[] held = new ReservationKey[HELD];
        int next;
        long counter;
        String prefix;
        SplittableRandom random;
        boolean pinned;
        long reserved;
        long refused;
        long cpuAtStart;
        long opsAtStart;

        @Setup(Level.Trial)
        public void setUp(ReservationBenchmark b) {
            int id = b.threadIds.getAndIncrement();
            prefix = "t" + id + "-";
            random = new SplittableRandom(id * 7919L + 1);
            pinned = b.lines.equals("PINNED");
            synchronized (b.allCarts) {
                b.allCarts.add(this);
            }
        }

        /** Notes this thread's CPU time, to report CPU time per operation whatever else runs on the machine. */
        @Setup(Level.Iteration)
        public void startIteration() {
            cpuAtStart = THREADS.getCurrentThreadCpuTime();
            opsAtStart = reserved + refused;
        }

        @TearDown(Level.Iteration)
        public void endIteration() {
            long ops = reserved + refused - opsAtStart;
            double cpuNanosPerOp = (THREADS.getCurrentThreadCpuTime() - cpuAtStart) / (double) Math.max(1, ops);
            System.out.printf("%n[%s] %,d ops, %.0f ns of CPU per op: %,.0f ops/s per fully available core%n",
                    prefix, ops, cpuNanosPerOp, 1e9 / cpuNanosPerOp);
        }

        ReservationRequest nextCart(ReservationBenchmark b) {
            int s1 = random.nextInt(SKUS);
            int s2 = random.nextInt(SKUS - 1);
            if (s2 >= s1) {
                s2++;
            }
            int s3 = random.nextInt(SKUS);
            while (s3 == s1 || s3 == s2) {
                s3 = random.nextInt(SKUS);
            }
            List<ReservationLine> lines = pinned
                    ? List.of(ReservationLine.at(b.skus[s1], b.locations[random.nextInt(LOCATIONS)], 1),
                    ReservationLine.at(b.skus[s2], b.locations[random.nextInt(LOCATIONS)], 1),
                    ReservationLine.at(b.skus[s3], b.locations[random.nextInt(LOCATIONS)], 1))
                    : List.of(ReservationLine.anywhere(b.skus[s1], 1), ReservationLine.anywhere(b.skus[s2], 1),
                    ReservationLine.anywhere(b.skus[s3], 1));
            return new ReservationRequest(ReservationKey.of(prefix + counter++), "", lines, null);
        }
    }

    /** Reserves a new cart and releases the one this thread reserved {@value #HELD} operations ago. */
    @Benchmark
    public boolean reserveAndRelease(Carts c) {
        ReservationRequest cart = c.nextCart(this);
        ReservationResult r = store.reserve(cart);
        ReservationKey old = c.held[c.next];
        if (old != null) {
            store.release(old);
        }
        boolean ok = r.isReserved();
        if (ok) {
            c.reserved++;
        } else {
            c.refused++;
        }
        c.held[c.next] = ok ? cart.key() : null;
        c.next = (c.next + 1) % HELD;
        return ok;
    }

    @TearDown(Level.Trial)
    public void checkNoOversellAndNoLoss() {
        for (int s = 0; s < SKUS; s++) {
            long sumAts = 0;
            for (StockPosition p : store.positions(skus[s])) {
                if (p.onHand() < p.reserved() + p.allocated()) {
                    throw new IllegalStateException("oversold: " + p);
                }
                sumAts += p.availableToSell();
            }
            if (store.networkReserved(skus[s]) > sumAts) {
                throw new IllegalStateException("network reservations of " + skus[s] + " exceed available to sell");
            }
        }
        long totalReserved = 0;
        long totalRefused = 0;
        for (Carts c : allCarts) {
            for (ReservationKey k : c.held) {
                if (k != null) {
                    store.release(k);
                }
            }
            totalReserved += c.reserved;
            totalRefused += c.refused;
        }
        for (int s = 0; s < SKUS; s++) {
            if (store.networkAvailable(skus[s]) != seededAvailable[s] || store.networkReserved(skus[s]) != 0) {
                throw new IllegalStateException(skus[s] + " did not return to its seeded availability");
            }
        }
        System.out.println();
        System.out.println("check passed: no position oversold, all " + SKUS + " SKUs back to their seeded stock; "
                + totalReserved + " carts reserved, " + totalRefused + " refused");
    }
}

package io.omskit.benchmarks.journey;

import io.omskit.core.order.OrderId;
import io.omskit.postgres.PostgresOms;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
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
 * An order's whole journey, one operation per order: placed for home delivery (one or two lines), sourced, and each of
 * its fulfilments accepted, picked, packed, shipped and delivered, in the small {@link Shop} (two warehouses, a store,
 * 50 SKUs). The score is orders per second.
 *
 * <ul>
 *   <li>{@code inMemory}: the in-memory adapters; a fresh shop every iteration, so that each iteration measures the
 *       same thing and the heap holds one iteration's orders (their orders, fulfilments, reservations, ledger and
 *       payments all stay in memory).</li>
 *   <li>{@code postgres}: the PostgreSQL order repository, fulfilment repository and inventory store of
 *       {@link PostgresOms} on an embedded server started for the trial (the same as the demo's: fsync off), with the
 *       outbox relay publishing in the background, woken after each commit ({@code -p relay=synchronous}: in the
 *       caller's thread after each commit, the default of {@code PostgresOms}). The database keeps every order of the
 *       trial. Run it with {@code -t 2} for two threads on the one {@code Oms}.</li>
 * </ul>
 *
 * Every step's result is checked as it comes (confirmed, allocated, each fulfilment delivered), and after each
 * iteration every order is read back: delivered, its total captured on the order and at the provider, nothing left
 * authorised. Each thread prints the CPU time it spent per order and the machine's load average before and after the
 * iteration: on a machine shared with other work, compare {@code 1e9 / (CPU ns per order)}, what a core of its own
 * would do (for {@code postgres} the server's own CPU time is not in it). The journey runs through much of the
 * library, so the JIT needs about 15 s in memory, and a minute or two on PostgreSQL (where fewer orders go through),
 * before the CPU time per order settles: keep the warm-up. Run:
 * <pre>
 * java -jar oms-benchmarks/target/benchmarks.jar JourneyBenchmark.inMemory
 * java -jar oms-benchmarks/target/benchmarks.jar JourneyBenchmark.postgres          # one thread
 * java -jar oms-benchmarks/target/benchmarks.jar JourneyBenchmark.postgres -t 2     # two threads on the one Oms
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g"})
@Threads(1)
public class JourneyBenchmark {

    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** A fresh shop on the in-memory adapters for each iteration. */
    @State(Scope.Benchmark)
    public static class InMemoryShop {
        Shop shop;

        @Setup(Level.Iteration)
        public void open() {
            shop = Shop.inMemory();
        }

        @TearDown(Level.Iteration)
        public void check() {
            System.out.printf("%n%s%n", shop.summary());
            shop.check();
            shop = null;
        }
    }

    /** The shop on an embedded PostgreSQL started for the trial. */
    @State(Scope.Benchmark)
    public static class PostgresShop {
        /**
         * How the outbox relay publishes: {@code background} (a relay thread woken after each commit publishes the
         * events of concurrent commits in one batch) or {@code synchronous} (each change publishes in the caller's
         * thread right after its commit, the default of {@link PostgresOms}).
         */
        @Param({"background"})
        public String relay;
        EmbeddedPostgres server;
        PostgresOms pg;
        Shop shop;

        @Setup(Level.Trial)
        public void start() throws IOException {
            server = EmbeddedPostgres.builder().start();
            LongAdder events = new LongAdder();
            pg = PostgresOms.builder().jdbcUrl(server.getJdbcUrl("postgres", "postgres"), "postgres", "postgres")
                    .publishSynchronously("synchronous".equals(relay)).publisher(Shop.counting(events)).start();
            shop = Shop.on(events, pg.orderRepository(), pg.fulfilmentRepository(), pg.inventoryStore());
        }

        @TearDown(Level.Iteration)
        public void check() {
            System.out.printf("%n%s%n", shop.summary());
            shop.check();
        }

        @TearDown(Level.Trial)
        public void stop() throws IOException {
            try {
                pg.close();
            } finally {
                server.close();
            }
        }
    }

    /** One customer-facing thread: its order references, random choices and CPU time. */
    @State(Scope.Thread)
    public static class Storefront {
        private static final AtomicInteger IDS = new AtomicInteger();
        final SplittableRandom random;
        final String prefix;
        long placed;
        long cpuAtStart;
        long placedAtStart;
        String loadAtStart;

        public Storefront() {
            int id = IDS.getAndIncrement();
            random = new SplittableRandom(id * 7919L + 1);
            prefix = "W" + Long.toString(System.currentTimeMillis(), 36) + "-" + id + "-";
        }

        String nextRef() {
            return prefix + placed++;
        }

        @Setup(Level.Iteration)
        public void startIteration() {
            loadAtStart = loadAverage();
            cpuAtStart = THREADS.getCurrentThreadCpuTime();
            placedAtStart = placed;
        }

        @TearDown(Level.Iteration)
        public void endIteration() {
            long orders = placed - placedAtStart;
            double cpuNanosPerOrder = (THREADS.getCurrentThreadCpuTime() - cpuAtStart) / (double) Math.max(1, orders);
            System.out.printf("%n[%s] %,d orders, %.0f µs of CPU per order: %,.0f orders/s per fully available core; "
                    + "load average %s -> %s%n", prefix, orders, cpuNanosPerOrder / 1000, 1e9 / cpuNanosPerOrder,
                    loadAtStart, loadAverage());
        }

        private static String loadAverage() {
            try {
                String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
                return fields[0] + " " + fields[1] + " " + fields[2];
            } catch (IOException | RuntimeException e) {
                return "unknown";
            }
        }
    }

    @Benchmark
    @Warmup(iterations = 4, time = 5)
    @Measurement(iterations = 5, time = 5)
    public OrderId inMemory(InMemoryShop shop, Storefront storefront) {
        return shop.shop.journey(storefront.nextRef(), storefront.random);
    }

    @Benchmark
    @Warmup(iterations = 4, time = 30)
    @Measurement(iterations = 3, time = 30)
    public OrderId postgres(PostgresShop shop, Storefront storefront) {
        return shop.shop.journey(storefront.nextRef(), storefront.random);
    }
}

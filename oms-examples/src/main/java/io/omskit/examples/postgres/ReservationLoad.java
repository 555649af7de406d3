package io.omskit.examples.postgres;

import io.omskit.core.catalog.Sku;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.inventory.ReservationLine;
import io.omskit.core.inventory.ReservationRequest;
import io.omskit.core.inventory.ReservationResult;
import io.omskit.core.network.LocationId;
import io.omskit.postgres.PostgresInventoryStore;
import io.omskit.postgres.PostgresOms;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * A load command: concurrent three-line cart reservations against {@link PostgresInventoryStore} on PostgreSQL
 * (embedded, or a server given by URL), with the outbox relay publishing in the background; prints reservations per
 * second and then checks the database for oversell.
 *
 * <pre>
 * mvn -B -q -pl oms-examples -am compile exec:java -Ddemo.mainClass=io.omskit.examples.postgres.ReservationLoad \
 *     -Dexec.args="--threads 8 --seconds 30"
 * </pre>
 *
 * Options: {@code --threads N} (8), {@code --seconds S} measured (20), {@code --warmup S} (5), {@code --skus K} (1000),
 * {@code --locations L} (4), {@code --hot H} draw every line from the first H SKUs (0: all), {@code --release} release
 * each cart right after reserving it (measures reserve + release), {@code --relay-poll-ms P} how often the background
 * outbox relay runs besides being woken after commits (200; 0: no relay, events stay in the outbox), {@code --jdbc URL USER PASSWORD} use a server.
 * Lines are pinned to a location or network-wide at random. Exits with status 1 if an invariant is broken.
 */
public final class ReservationLoad {

    private ReservationLoad() {
    }

    public static void main(String[] args) throws Exception {
        int threads = 8;
        int seconds = 20;
        int warmup = 5;
        int skus = 1000;
        int locations = 4;
        int hot = 0;
        boolean release = false;
        Duration relayPoll = Duration.ofMillis(200);
        PostgresOms.Builder builder = PostgresOms.builder();
        boolean serverGiven = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--skus" -> skus = Integer.parseInt(args[++i]);
                case "--locations" -> locations = Integer.parseInt(args[++i]);
                case "--hot" -> hot = Integer.parseInt(args[++i]);
                case "--release" -> release = true;
                case "--relay-poll-ms" -> relayPoll = Integer.parseInt(args[++i]) > 0 ? Duration.ofMillis(Integer.parseInt(args[i])) : null;
                case "--jdbc" -> {
                    builder.jdbcUrl(args[++i], args[++i], args[++i]);
                    serverGiven = true;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        builder.poolSize(threads + 2).publishSynchronously(false).pollInterval(relayPoll);
        try (EmbeddedServer server = serverGiven ? null : EmbeddedServer.start();
             PostgresOms pg = (server == null ? builder : server.connect(builder)).start()) {
            PostgresInventoryStore store = pg.inventoryStore();
            List<Sku> catalogue = new ArrayList<>();
            List<LocationId> network = new ArrayList<>();
            for (int l = 0; l < locations; l++) {
                network.add(LocationId.of("LOC-" + l));
            }
            int[] stock = new int[locations];
            java.util.Arrays.fill(stock, 1_000_000);
            String run = Long.toString(System.currentTimeMillis(), 36);
            long seedStart = System.nanoTime();
            for (int s = 0; s < skus; s++) {
                Sku sku = Sku.of("LOAD-" + run + "-" + s);
                catalogue.add(sku);
                store.load(sku, network, stock);
            }
            System.out.printf(Locale.ROOT, "seeded %d SKUs x %d locations in %.1f s%n", skus, locations,
                    (System.nanoTime() - seedStart) / 1e9);

            int pick = hot > 0 ? Math.min(hot, skus) : skus;
            boolean releaseEach = release;
            LongAdder reserved = new LongAdder();
            LongAdder refused = new LongAdder();
            LongAdder failed = new LongAdder();
            AtomicBoolean measuring = new AtomicBoolean();
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch done = new CountDownLatch(threads);
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Thread worker = new Thread(() -> {
                    SplittableRandom random = new SplittableRandom(thread * 7919L + 1);
                    long n = 0;
                    try {
                        while (!stop.get()) {
                            List<ReservationLine> lines = new ArrayList<>(3);
                            int first = random.nextInt(pick);
                            for (int l = 0; l < 3; l++) {
                                Sku sku = catalogue.get((first + l * 7 + random.nextInt(3)) % pick);
                                lines.add(random.nextBoolean() ? ReservationLine.anywhere(sku, 1 + random.nextInt(2))
                                        : ReservationLine.at(sku, network.get(random.nextInt(network.size())), 1));
                            }
                            ReservationKey key = ReservationKey.of(run + "-" + thread + "-" + n++);
                            try {
                                ReservationResult r = store.reserve(new ReservationRequest(key, "load", lines, null));
                                if (measuring.get()) {
                                    (r.isReserved() ? reserved : refused).increment();
                                }
                                if (releaseEach && r.isReserved()) {
                                    store.release(key);
                                }
                            } catch (RuntimeException e) {
                                failed.increment();
                                System.err.println("reservation failed: " + e);
                            }
                        }
                    } finally {
                        done.countDown();
                    }
                }, "load-" + t);
                worker.start();
            }
            Thread.sleep(warmup * 1000L);
            long cpuStartJvm = jvmCpuNanos();
            long cpuStartPg = postgresCpuNanos();
            measuring.set(true);
            long start = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            measuring.set(false);
            double elapsed = (System.nanoTime() - start) / 1e9;
            long cpuJvm = jvmCpuNanos() - cpuStartJvm;
            long cpuPg = postgresCpuNanos() - cpuStartPg;
            stop.set(true);
            done.await();
            pg.outboxRelay().publishPending();

            long ok = reserved.sum();
            System.out.printf(Locale.ROOT, "%d threads, %d SKUs (%s), %d locations, %s: %d carts reserved, %d refused"
                            + " in %.1f s = %.0f three-line reservations/s; %d failures%n", threads, skus,
                    hot > 0 ? "lines from the first " + pick : "lines from all", locations,
                    releaseEach ? "reserve + release" : "reserve only", ok, refused.sum(), elapsed, ok / elapsed, failed.sum());
            if (ok > 0 && cpuPg >= 0) {
                System.out.printf(Locale.ROOT, "CPU per reservation: %.0f us in this JVM + %.0f us in PostgreSQL"
                        + " (machine: %d cores, load average %.1f)%n", cpuJvm / 1e3 / ok, cpuPg / 1e3 / ok,
                        Runtime.getRuntime().availableProcessors(),
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
            List<String> broken = store.audit();
            System.out.println(broken.isEmpty() ? "invariants hold: zero oversell, ledger balanced, counters agree"
                    : "BROKEN: " + broken);
            if (!broken.isEmpty() || failed.sum() > 0) {
                System.exit(1);
            }
        }
    }

    private static long jvmCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    /** CPU time of every process named postgres, from /proc (Linux); -1 elsewhere. Ticks are taken as 1/100 s. */
    private static long postgresCpuNanos() {
        java.io.File[] procs = new java.io.File("/proc").listFiles((d, n) -> n.chars().allMatch(Character::isDigit));
        if (procs == null) {
            return -1;
        }
        long ticks = 0;
        for (java.io.File p : procs) {
            try {
                String stat = java.nio.file.Files.readString(p.toPath().resolve("stat"));
                int close = stat.lastIndexOf(')');
                if (!stat.substring(stat.indexOf('(') + 1, close).equals("postgres")) {
                    continue;
                }
                String[] f = stat.substring(close + 2).split(" ");
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (java.io.IOException | RuntimeException e) {
                // the process ended while being read
            }
        }
        return ticks * 10_000_000L;
    }

}

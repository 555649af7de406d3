package io.omskit.benchmarks.atp;

import io.omskit.atp.CartRequest;
import io.omskit.atp.ProductPageRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;

/**
 * CPU time per product page and per 10-line cart on the {@link AtpReference}, with the same random questions as
 * {@link AtpBenchmark}, for machines shared with other work where wall-clock figures mostly measure contention:
 * each round asks 1,000,000 product pages (then 2,000 carts) and prints the thread's CPU time per call, and for
 * carts also the distribution of each call's CPU and wall time (p50, p90, p99, p99.9, max: the mean hides the carts
 * that need the optimiser; each call's CPU time includes about a microsecond of reading the thread's clock). The plan cache is off, so every cart is planned afresh. Run:
 * <pre>java -Xmx6g -cp oms-benchmarks/target/benchmarks.jar io.omskit.benchmarks.atp.AtpCpuTime [rounds [carts [pages] per round]]</pre>
 */
public final class AtpCpuTime {

    private AtpCpuTime() {
    }

    public static void main(String[] args) {
        int rounds = args.length == 0 ? 5 : Integer.parseInt(args[0]);
        // the plan cache off: every cart is planned afresh (product pages do not use it)
        AtpReference reference = new AtpReference(42, Duration.ZERO);
        ProductPageRequest[] pages = reference.productPages(1 << 20);
        CartRequest[] carts = reference.carts(1 << 14, 10);
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        int next = 0;
        int nextCart = 0;
        long sink = 0;
        for (int round = 1; round <= rounds; round++) {
            int calls = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
            long cpu = bean.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            for (int k = 0; k < calls; k++) {
                sink += reference.atp.productPage(pages[next++ & (pages.length - 1)]).methods().size();
            }
            cpu = bean.getCurrentThreadCpuTime() - cpu;
            wall = System.nanoTime() - wall;
            System.out.printf("round %d product page: %.2f us CPU per call (%.0f calls per CPU-second), %.2f us wall%n",
                    round, cpu / 1e3 / calls, calls / (cpu / 1e9), wall / 1e3 / calls);
            int cartCalls = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
            long[] eachWall = new long[cartCalls];
            long[] eachCpu = new long[cartCalls];
            cpu = bean.getCurrentThreadCpuTime();
            wall = System.nanoTime();
            for (int k = 0; k < cartCalls; k++) {
                long startCpu = bean.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                sink += reference.atp.cart(carts[nextCart++ & (carts.length - 1)]).methods().size();
                eachWall[k] = System.nanoTime() - start;
                eachCpu[k] = bean.getCurrentThreadCpuTime() - startCpu;
            }
            cpu = bean.getCurrentThreadCpuTime() - cpu;
            wall = System.nanoTime() - wall;
            System.out.printf("round %d 10-line cart: %.1f us CPU per call, %.1f us wall%n", round,
                    cpu / 1e3 / cartCalls, wall / 1e3 / cartCalls);
            System.out.println("    per call CPU  " + distribution(eachCpu));
            System.out.println("    per call wall " + distribution(eachWall));
        }
        System.out.println("(" + sink + " promises)");
    }

    /** p50, p90, p99, p99.9 and max of {@code nanos} (sorted in place), in microseconds. */
    private static String distribution(long[] nanos) {
        Arrays.sort(nanos);
        return String.format("p50 %.1f us, p90 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us", percentile(nanos, 0.50),
                percentile(nanos, 0.90), percentile(nanos, 0.99), percentile(nanos, 0.999), nanos[nanos.length - 1] / 1e3);
    }

    /** The {@code q}-quantile of sorted nanoseconds, in microseconds. */
    private static double percentile(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e3;
    }
}

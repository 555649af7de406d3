package io.omskit.benchmarks.atp;

import io.omskit.atp.CartRequest;
import io.omskit.atp.ProductPageRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * CPU time per product page and per 10-line cart on the {@link AtpReference}, with the same random questions as
 * {@link AtpBenchmark}, for machines shared with other work where wall-clock figures mostly measure contention:
 * each round asks 1,000,000 product pages (then 2,000 carts) and prints the thread's CPU time per call. The plan
 * cache is off, so every cart is planned afresh. Run:
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
            cpu = bean.getCurrentThreadCpuTime();
            wall = System.nanoTime();
            for (int k = 0; k < cartCalls; k++) {
                sink += reference.atp.cart(carts[nextCart++ & (carts.length - 1)]).methods().size();
            }
            cpu = bean.getCurrentThreadCpuTime() - cpu;
            wall = System.nanoTime() - wall;
            System.out.printf("round %d 10-line cart: %.1f us CPU per call, %.1f us wall%n", round,
                    cpu / 1e3 / cartCalls, wall / 1e3 / cartCalls);
        }
        System.out.println("(" + sink + " promises)");
    }
}

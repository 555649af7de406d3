package io.omskit.benchmarks.atp;

import io.omskit.atp.CartPromise;
import io.omskit.atp.CartRequest;
import io.omskit.atp.MethodPromise;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;

/**
 * The tail of fresh 10-line cart promises, isolated for profiling: after 10 s of warm-up, ranks the
 * {@link AtpBenchmark}'s 16k carts by CPU time over three rounds, prints the costliest with what each cost in rotation (cold caches and predictors) and
 * repeated (warm), and the outcome per method, then asks only the costliest for a while and prints their CPU time
 * per cart: attach a profiler to that phase (JFR with {@code -XX:+UnlockDiagnosticVMOptions
 * -XX:+DebugNonSafepoints}). The plan cache is off. For A/B runs of CPU time, {@code -Xms6g -XX:+AlwaysPreTouch
 * -XX:+UseParallelGC} is steadier than the defaults. Run:
 * <pre>java -Xmx6g -cp oms-benchmarks/target/benchmarks.jar io.omskit.benchmarks.atp.CostliestCarts [kept [seconds [skipped [among-all]]]]</pre>
 * With {@code skipped}, the phase for the profiler asks the {@code kept} carts ranked after the costliest
 * {@code skipped}: the band that sets a percentile (ranks 80 to 328 of 16k for the p99) without the rare outliers
 * that would dominate the profile. With {@code among-all}, that phase asks every cart in turn, as the benchmark does
 * (the kept ones with caches as cold as there, through the method {@code inBand}, to cut the profile to them).
 */
public final class CostliestCarts {

    private CostliestCarts() {
    }

    public static void main(String[] args) {
        int kept = args.length > 0 ? Integer.parseInt(args[0]) : 512;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int skipped = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        boolean amongAll = args.length > 3 && args[3].equals("among-all");
        AtpReference reference = new AtpReference(42, Duration.ZERO);
        CartRequest[] carts = reference.carts(1 << 14, 10);
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        long[] cost = new long[carts.length];
        long sink = 0;
        // warmed as the JMH benchmark is (10 s): the rarer paths (unavailable methods) are compiled late
        long warmUntil = System.nanoTime() + 10_000_000_000L;
        for (int k = 0; System.nanoTime() < warmUntil; k = (k + 1) & (carts.length - 1)) {
            sink += reference.atp.cart(carts[k]).methods().size();
        }
        for (int round = 0; round < 3; round++) {
            for (int k = 0; k < carts.length; k++) {
                long start = bean.getCurrentThreadCpuTime();
                sink += reference.atp.cart(carts[k]).methods().size();
                cost[k] += bean.getCurrentThreadCpuTime() - start;
            }
        }
        Integer[] order = new Integer[carts.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (x, y) -> Long.compare(cost[y], cost[x]));
        kept = Math.min(kept, carts.length);
        System.out.printf("%d carts; the costliest %d (1 in %d) cost from %.1f us CPU each in rotation%n", carts.length,
                kept, carts.length / kept, cost[order[kept - 1]] / 3e3);
        System.out.println("  cold us   warm us   methods (A available, L later, U unavailable; parts)");
        for (int x = 0; x < Math.min(20, kept); x++) {
            CartRequest cart = carts[order[x]];
            long warm = Long.MAX_VALUE;
            for (int rep = 0; rep < 20; rep++) {
                long start = bean.getCurrentThreadCpuTime();
                sink += reference.atp.cart(cart).methods().size();
                warm = Math.min(warm, bean.getCurrentThreadCpuTime() - start);
            }
            CartPromise promise = reference.atp.cart(cart);
            StringBuilder outcome = new StringBuilder();
            for (MethodPromise m : promise.methods()) {
                outcome.append(' ').append(m.method()).append('=').append(m.status().name().charAt(0)).append(m.parts().size());
            }
            System.out.printf("  %7.1f   %7.1f  %s%n", cost[order[x]] / 3e3, warm / 1e3, outcome);
        }
        kept = Math.min(kept, carts.length - skipped);
        CartRequest[] costliest = new CartRequest[kept];
        for (int x = 0; x < kept; x++) {
            costliest[x] = carts[order[skipped + x]];
        }
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long cpu = 0;
        long asked = 0;
        if (amongAll) {
            // every cart in turn, as the benchmark asks them (caches as cold), the kept ones through a method of their own
            boolean[] inBand = new boolean[carts.length];
            for (int x = 0; x < kept; x++) {
                inBand[order[skipped + x]] = true;
            }
            while (System.nanoTime() < end) {
                for (int k = 0; k < carts.length; k++) {
                    if (inBand[k]) {
                        long start = bean.getCurrentThreadCpuTime();
                        sink += inBand(reference, carts[k]);
                        cpu += bean.getCurrentThreadCpuTime() - start;
                        asked++;
                    } else {
                        sink += reference.atp.cart(carts[k]).methods().size();
                    }
                }
            }
        } else {
            cpu = bean.getCurrentThreadCpuTime();
            while (System.nanoTime() < end) {
                for (CartRequest cart : costliest) {
                    sink += reference.atp.cart(cart).methods().size();
                }
                asked += kept;
            }
            cpu = bean.getCurrentThreadCpuTime() - cpu;
        }
        System.out.printf("the costliest %d after the first %d asked %d times %s: %.1f us CPU per cart (%d promises)%n",
                kept, skipped, asked, amongAll ? "among all the carts" : "in rotation", cpu / 1e3 / asked, sink);
    }

    /** A cart of the kept band: a frame of its own, so that a profile can be cut to these carts. */
    private static int inBand(AtpReference reference, CartRequest cart) {
        return reference.atp.cart(cart).methods().size();
    }
}

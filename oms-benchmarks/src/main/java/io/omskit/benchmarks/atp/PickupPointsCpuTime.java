package io.omskit.benchmarks.atp;

import io.omskit.atp.PickupPointsRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;

/**
 * CPU time per pickup-point question (a 5-line cart, stores within 50 and 150 km) on the {@link AtpReference}, with
 * the questions of {@link PickupPointsBenchmark}, for machines shared with other work where wall-clock figures
 * mostly measure contention: each round asks 20,000 questions per radius and prints the distribution of each call's
 * CPU time (p50, p90, p99, p99.9, max; each includes about a microsecond of reading the thread's clock). Run:
 * <pre>java -Xmx6g -cp oms-benchmarks/target/benchmarks.jar io.omskit.benchmarks.atp.PickupPointsCpuTime [rounds [calls]]</pre>
 */
public final class PickupPointsCpuTime {

    private PickupPointsCpuTime() {
    }

    public static void main(String[] args) {
        int rounds = args.length == 0 ? 5 : Integer.parseInt(args[0]);
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        AtpReference reference = new AtpReference(42, Duration.ofMinutes(5));
        double[] radii = {50, 150};
        PickupPointsRequest[][] questions = new PickupPointsRequest[radii.length][];
        for (int r = 0; r < radii.length; r++) {
            questions[r] = reference.pickupPoints(1 << 14, 5, radii[r]);
        }
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        long sink = 0;
        int next = 0;
        for (int round = 1; round <= rounds; round++) {
            for (int r = 0; r < radii.length; r++) {
                long[] cpu = new long[calls];
                for (int k = 0; k < calls; k++) {
                    long start = bean.getCurrentThreadCpuTime();
                    sink += reference.atp.pickupPoints(questions[r][next++ & (questions[r].length - 1)]).points().size();
                    cpu[k] = bean.getCurrentThreadCpuTime() - start;
                }
                Arrays.sort(cpu);
                System.out.printf("round %d, %.0f km: CPU per call p50 %.1f us, p90 %.1f us, p99 %.1f us, p99.9 %.1f us,"
                                + " max %.1f us (%.1f stores listed per call so far)%n", round, radii[r], pct(cpu, 0.5),
                        pct(cpu, 0.9), pct(cpu, 0.99), pct(cpu, 0.999), cpu[calls - 1] / 1e3,
                        (double) sink / (next == 0 ? 1 : next));
            }
        }
        System.out.println("(" + sink + " stores listed)");
    }

    private static double pct(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e3;
    }
}

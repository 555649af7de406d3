package io.omskit.benchmarks.sourcing;

import io.omskit.orchestration.demand.SourcingRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * CPU time per sourced order on the {@link ReferenceInstance}, for machines shared with other work where JMH's
 * wall-clock figures mostly measure the contention: plans 20,000 orders six times (the first rounds warm up) and
 * prints the thread's CPU time per order for each round. Run:
 * <pre>java -Xmx3g -cp oms-benchmarks/target/benchmarks.jar io.omskit.benchmarks.sourcing.SourcingCpuTime [ASSORTED|SCATTERED]</pre>
 */
public final class SourcingCpuTime {

    private SourcingCpuTime() {
    }

    public static void main(String[] args) {
        ReferenceInstance.Profile profile = args.length == 0 ? ReferenceInstance.Profile.ASSORTED
                : ReferenceInstance.Profile.valueOf(args[0]);
        ReferenceInstance instance = ReferenceInstance.build(42, 1.0, profile);
        List<SourcingRequest> orders = instance.orders(20_000, "cpu-");
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 6; round++) {
            long cpu = bean.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            for (SourcingRequest r : orders) {
                instance.engine.plan(r, instance.stock);
            }
            cpu = bean.getCurrentThreadCpuTime() - cpu;
            wall = System.nanoTime() - wall;
            System.out.printf("%s round %d: %.1f us CPU per order (%.0f orders per CPU-second), %.1f us wall%n", profile,
                    round, cpu / 1e3 / orders.size(), orders.size() / (cpu / 1e9), wall / 1e3 / orders.size());
        }
    }
}

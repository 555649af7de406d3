package io.omskit.benchmarks.sourcing;

import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.engine.shadow.ReplayedDemand;
import io.omskit.orchestration.engine.shadow.ShadowRun;
import io.omskit.orchestration.engine.staged.StagedEngine;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * CPU time per order of staged routing ({@link ReferenceStages}) on the {@link ReferenceInstance}, for machines
 * shared with other work: decides 20,000 orders six times (the first rounds warm up) and prints the thread's CPU
 * time per order and the 99th percentile of CPU time per decision of the last round, then the CPU time of a shadow
 * report over the same orders. Run:
 * <pre>java -Xmx3g -cp oms-benchmarks/target/benchmarks.jar io.omskit.benchmarks.sourcing.StagedCpuTime</pre>
 */
public final class StagedCpuTime {

    private StagedCpuTime() {
    }

    public static void main(String[] args) {
        int count = args.length == 0 ? 20_000 : Integer.parseInt(args[0]);
        ReferenceInstance instance = ReferenceInstance.build(42, 1.0, ReferenceInstance.Profile.ASSORTED);
        StagedEngine staged = ReferenceStages.of(instance);
        List<SourcingRequest> orders = instance.orders(count, "cpu-");
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        long[] each = new long[orders.size()];
        for (int round = 1; round <= 6; round++) {
            long cpu = bean.getCurrentThreadCpuTime();
            for (int o = 0; o < each.length; o++) {
                long t = bean.getCurrentThreadCpuTime();
                staged.decide(orders.get(o), instance.stock, ReferenceInstance.NOW);
                each[o] = bean.getCurrentThreadCpuTime() - t;
            }
            cpu = bean.getCurrentThreadCpuTime() - cpu;
            long[] sorted = each.clone();
            Arrays.sort(sorted);
            System.out.printf("round %d: %.1f us CPU per order (%.0f orders per CPU-second), p99 %.1f us%n", round,
                    cpu / 1e3 / each.length, each.length / (cpu / 1e9), sorted[(int) (sorted.length * 0.99)] / 1e3);
        }
        List<ReplayedDemand> history = new ArrayList<>(orders.size());
        orders.forEach(r -> history.add(new ReplayedDemand(r, instance.stock, ReferenceInstance.NOW)));
        long cpu = bean.getCurrentThreadCpuTime();
        String summary = ShadowRun.replay(staged, instance.engine, history).summary();
        cpu = bean.getCurrentThreadCpuTime() - cpu;
        System.out.printf("shadow report of %d orders: %.2f s CPU; %s%n", history.size(), cpu / 1e9, summary);
    }
}

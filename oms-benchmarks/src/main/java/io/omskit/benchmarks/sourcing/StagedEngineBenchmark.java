package io.omskit.benchmarks.sourcing;

import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.engine.EngineDecision;
import io.omskit.orchestration.engine.staged.StagedEngine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Staged routing ({@link ReferenceStages}: nearby stores, main warehouses by priority, anything) deciding one order
 * on the {@link ReferenceInstance} (50 warehouses + 450 stores, 100,000 SKUs, orders of 1 to 5 lines), one thread,
 * against a frozen snapshot; 20,000 distinct orders are cycled through. Target: at least 50,000 orders/s, p99 under
 * 200 µs. Run with throughput and latency percentiles:
 * <pre>java -jar oms-benchmarks/target/benchmarks.jar StagedEngineBenchmark -bm thrpt,sample -tu us</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Threads(1)
public class StagedEngineBenchmark {

    @Param({"ASSORTED"})
    public ReferenceInstance.Profile profile;

    private ReferenceInstance instance;
    private StagedEngine staged;
    private List<SourcingRequest> orders;
    private int next;

    @Setup
    public void setUp() {
        instance = ReferenceInstance.build(42, 1.0, profile);
        staged = ReferenceStages.of(instance);
        orders = instance.orders(20_000, "staged-");
        Map<String, Integer> decidedBy = new HashMap<>();
        for (SourcingRequest r : orders) {
            decidedBy.merge(staged.decide(r, instance.stock, ReferenceInstance.NOW).decidedBy(), 1, Integer::sum);
        }
        System.out.printf("%n[%s] %d orders decided by %s%n", profile, orders.size(), decidedBy);
    }

    private SourcingRequest nextOrder() {
        SourcingRequest r = orders.get(next);
        next = next + 1 == orders.size() ? 0 : next + 1;
        return r;
    }

    @Benchmark
    public EngineDecision decide() {
        return staged.decide(nextOrder(), instance.stock, ReferenceInstance.NOW);
    }
}

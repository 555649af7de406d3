package io.omskit.benchmarks.sourcing;

import io.omskit.orchestration.explain.Explanation;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.demand.SourcingRequest;
import java.util.List;
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
 * Sourcing one order on the {@link ReferenceInstance} (50 warehouses + 450 stores, 100,000 SKUs, orders of 1 to
 * 5 lines; stock profile {@code ASSORTED}, the reference, or {@code SCATTERED}, the stress profile), one thread, against a frozen snapshot: {@code plan} computes the optimal plan (what the engine does
 * before allocating); {@code planAndExplain} also builds the full explanation (a verdict with costs and
 * justifications for every candidate location). 20,000 distinct orders are cycled through. Run with throughput
 * and latency percentiles:
 * <pre>java -jar oms-benchmarks/target/benchmarks.jar SourcingBenchmark -bm thrpt,sample -tu us</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Threads(1)
public class SourcingBenchmark {

    @Param({"ASSORTED", "SCATTERED"})
    public ReferenceInstance.Profile profile;

    private ReferenceInstance instance;
    private List<SourcingRequest> orders;
    private int next;

    @Setup
    public void setUp() {
        instance = ReferenceInstance.build(42, 1.0, profile);
        orders = instance.orders(20_000, "bench-");
        int exact = 0;
        int split = 0;
        for (SourcingRequest r : orders) {
            SourcingPlan p = instance.engine.plan(r, instance.stock);
            exact += p.isOptimal() ? 1 : 0;
            split += p.extraShipments() > 0 ? 1 : 0;
        }
        System.out.printf("%n[%s] %d orders: %d proven optimal, %d split%n", profile, orders.size(), exact, split);
    }

    private SourcingRequest nextOrder() {
        SourcingRequest r = orders.get(next);
        next = next + 1 == orders.size() ? 0 : next + 1;
        return r;
    }

    @Benchmark
    public SourcingPlan plan() {
        return instance.engine.plan(nextOrder(), instance.stock);
    }

    @Benchmark
    public Explanation planAndExplain() {
        return instance.engine.plan(nextOrder(), instance.stock).explanation();
    }
}

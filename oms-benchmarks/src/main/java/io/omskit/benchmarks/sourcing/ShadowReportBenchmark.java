package io.omskit.benchmarks.sourcing;

import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.engine.shadow.ReplayedDemand;
import io.omskit.orchestration.engine.shadow.ShadowReport;
import io.omskit.orchestration.engine.shadow.ShadowRun;
import io.omskit.orchestration.engine.staged.StagedEngine;
import java.util.ArrayList;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The shadow report of staged routing ({@link ReferenceStages}) against the optimiser over {@code orders} replayed
 * orders of the {@link ReferenceInstance}, each against the reference snapshot: one call plans every order with both
 * engines and builds the report. Target: 100,000 orders in under 30 s. Run:
 * <pre>java -jar oms-benchmarks/target/benchmarks.jar ShadowReportBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class ShadowReportBenchmark {

    @Param({"100000"})
    public int orders;

    private ReferenceInstance instance;
    private StagedEngine staged;
    private List<ReplayedDemand> history;

    @Setup
    public void setUp() {
        instance = ReferenceInstance.build(42, 1.0, ReferenceInstance.Profile.ASSORTED);
        staged = ReferenceStages.of(instance);
        history = new ArrayList<>(orders);
        for (SourcingRequest r : instance.orders(orders, "shadow-")) {
            history.add(new ReplayedDemand(r, instance.stock, ReferenceInstance.NOW));
        }
    }

    @Benchmark
    public ShadowReport replay() {
        ShadowReport report = ShadowRun.replay(staged, instance.engine, history);
        if (report.orders().size() != orders) {
            throw new IllegalStateException("replayed " + report.orders().size() + " of " + orders);
        }
        return report;
    }
}

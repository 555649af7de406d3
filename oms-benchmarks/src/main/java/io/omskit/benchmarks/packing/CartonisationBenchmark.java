package io.omskit.benchmarks.packing;

import io.omskit.orchestration.packing.CartonisationResult;
import io.omskit.orchestration.packing.Cartoniser;
import io.omskit.orchestration.packing.PackLine;
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
 * Cartonisation of one fulfilment into the 10-carton catalogue of {@link PackingInstances}: 30 units (target: p99
 * under 2 ms, heuristic path) and 8 units (the exact path with its proof of optimality). 1,000 distinct fulfilments are
 * cycled through. Run:
 * <pre>java -jar oms-benchmarks/target/benchmarks.jar CartonisationBenchmark -bm sample -tu us</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Threads(1)
public class CartonisationBenchmark {

    @Param({"30", "8"})
    public int units;

    private Cartoniser cartoniser;
    private List<List<PackLine>> fulfilments;
    private int next;

    @Setup
    public void setUp() {
        cartoniser = Cartoniser.of(PackingInstances.CATALOGUE, PackingInstances.TARIFF);
        fulfilments = PackingInstances.fulfilments(1_000, units, 42);
    }

    @Benchmark
    public CartonisationResult pack() {
        List<PackLine> lines = fulfilments.get(next);
        next = next + 1 == fulfilments.size() ? 0 : next + 1;
        return cartoniser.pack(lines);
    }
}

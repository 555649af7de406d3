package io.omskit.benchmarks.atp;

import io.omskit.atp.PickupPoints;
import io.omskit.atp.PickupPointsRequest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * Pickup points for a 5-line cart on the {@link AtpReference} network (450 stores, 50 warehouses over Germany), one
 * thread: which stores within {@code maxKm} of the shopper give the cart, express from the shelf or ship-to-store,
 * ranked. Target: p99 under 200 µs.
 *
 * <pre>
 * java -jar oms-benchmarks/target/benchmarks.jar PickupPointsBenchmark -f 1
 * </pre>
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Threads(1)
public class PickupPointsBenchmark {

    /** How far the shopper looks: 50 km (about 6 stores) or 150 km (about 55). */
    @Param({"50", "150"})
    public double maxKm;

    private AtpReference reference;
    private PickupPointsRequest[] questions;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        reference = new AtpReference(42, Duration.ofMinutes(5));
        questions = reference.pickupPoints(1 << 14, 5, maxKm);
    }

    /** One 5-line cart's pickup points, latency distribution. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public PickupPoints pickupPoints5Lines() {
        return reference.atp.pickupPoints(questions[next++ & (questions.length - 1)]);
    }
}

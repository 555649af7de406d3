package io.omskit.benchmarks.picking;

import io.omskit.orchestration.picking.PickList;
import io.omskit.orchestration.picking.PickRoute;
import io.omskit.orchestration.picking.PickRouter;
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
 * One pick route of 30 picks in a 20-aisle x 50-bay single-block layout (target: p99 under 1 ms), with the
 * optimum and every heuristic computed, as {@link PickRouter#route(PickList)} always does; {@code blocks = 2} cuts
 * the same bays with a middle cross aisle (optimum by Roodbergen and de Koster's programme), {@code blocks = 3} with two
 * (heuristics and local search only). 1,000 distinct lists are cycled through. Run:
 * <pre>java -jar oms-benchmarks/target/benchmarks.jar PickRouteBenchmark -bm sample -tu us</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Threads(1)
public class PickRouteBenchmark {

    @Param({"1", "2", "3"})
    public int blocks;

    private PickRouter router;
    private List<PickList> lists;
    private int next;

    @Setup
    public void setUp() {
        var layout = PickingInstances.layout(20, blocks, 50 / blocks);
        router = PickRouter.of(PickingInstances.slotting(layout));
        lists = PickingInstances.lists(layout, 1_000, 30, 42);
    }

    @Benchmark
    public PickRoute route() {
        PickList list = lists.get(next);
        next = next + 1 == lists.size() ? 0 : next + 1;
        return router.route(list);
    }
}

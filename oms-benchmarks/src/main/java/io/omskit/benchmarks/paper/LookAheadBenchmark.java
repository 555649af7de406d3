package io.omskit.benchmarks.paper;

import io.omskit.orchestration.SourcingEngine;
import io.omskit.orchestration.demand.Demand;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.lookahead.LookAhead;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.spi.DestinationRegions;
import io.omskit.orchestration.stock.StockSnapshot;
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
 * The per-order cost of sourcing the paper benchmark's orders (warm-up setup: 5 locations, 10 cities, 20 items)
 * with look-ahead ({@code lookAhead}: the engine's plan with the targets' cost rule, then the order recorded against
 * the targets) and without ({@code perOrder}), one thread, against the instance's initial stock; the LP is solved
 * once in the setup, off the measured path, in the look-ahead mode {@code mode} ({@code lanes}: lane targets,
 * {@code patterns}: order patterns). Targets the look-ahead p99 below 50 us.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Threads(1)
public class LookAheadBenchmark {

    @Param({"warmup"})
    public String setup;

    @Param({"lanes", "patterns"})
    public String mode;

    private SourcingEngine withLookAhead;
    private SourcingEngine perOrder;
    private LookAhead lookAhead;
    private StockSnapshot stock;
    private Demand[] demands;
    private int next;

    @Setup
    public void setUp() {
        boolean warmup = setup.equals("warmup");
        List<PaperBenchmark.Site> fcs = PaperBenchmark.read(warmup ? "fulfillment_centers_warmup.csv"
                : "fulfillment_centers.csv", false);
        List<PaperBenchmark.Site> cities = PaperBenchmark.read(warmup ? "cities_warmup.csv" : "cities.csv", true);
        int orders = 10_000;
        PaperBenchmark.Instance inst = new PaperBenchmark.Instance(fcs, cities, 1000, orders);
        int[][] arrivals = inst.arrivals(7920, orders);
        stock = inst.snapshot(inst.stock);
        // targets as large as the whole horizon's: recording every measured order keeps most lanes within them
        lookAhead = LookAhead.builder(inst.network, inst.lanes, DestinationRegions.byCity(),
                PaperBenchmark.unsourcedCost(inst))
                .mode(mode.equals("patterns") ? LookAhead.Mode.ORDER_PATTERNS : LookAhead.Mode.LANE_TARGETS).build();
        lookAhead.refresh(inst.forecast(orders * 1000.0, null), stock);
        withLookAhead = PaperBenchmark.engine(inst, PaperBenchmark.rules(inst, lookAhead));
        perOrder = PaperBenchmark.engine(inst, PaperBenchmark.rules(inst, null));
        demands = new Demand[orders];
        for (int t = 0; t < orders; t++) {
            demands[t] = inst.demand(t, arrivals[t]);
        }
    }

    @Benchmark
    public SourcingPlan lookAhead() {
        Demand d = demands[next++ % demands.length];
        SourcingPlan plan = withLookAhead.plan(SourcingRequest.of(d), stock);
        lookAhead.record(d, plan);
        return plan;
    }

    @Benchmark
    public SourcingPlan perOrder() {
        return perOrder.plan(SourcingRequest.of(demands[next++ % demands.length]), stock);
    }
}

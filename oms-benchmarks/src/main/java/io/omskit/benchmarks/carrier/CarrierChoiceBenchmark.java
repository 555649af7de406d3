package io.omskit.benchmarks.carrier;

import io.omskit.core.network.LocationId;
import io.omskit.core.shipping.CarrierService;
import io.omskit.core.shipping.Lane;
import io.omskit.core.shipping.Quote;
import io.omskit.core.shipping.ServiceLevel;
import io.omskit.orchestration.carrier.CarrierChooser;
import io.omskit.orchestration.carrier.CarrierDecision;
import io.omskit.orchestration.carrier.OnTimeRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Carrier choice for one parcel among 10 quoted services, one thread; target p99 under 50 µs. The on-time record holds
 * the history of 10 services on 2,000 lanes (20 origins x 100 postal areas), 200,000 deliveries, so that its lookups
 * are not all in the first-level cache; each call weighs a parcel on a lane drawn from those. The explanation text is
 * built on demand and measured separately.
 *
 * <pre>
 * java -jar oms-benchmarks/target/benchmarks.jar CarrierChoiceBenchmark -f 1
 * </pre>
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Threads(1)
public class CarrierChoiceBenchmark {

    private static final int SERVICES = 10;
    private static final int ORIGINS = 20;
    private static final int AREAS = 100;

    private CarrierChooser chooser;
    private Lane[] lanes;
    private List<List<Quote>> quoteSets;
    private LocalDate promisedBy;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(42);
        OnTimeRecord record = OnTimeRecord.create();
        List<CarrierService> services = new ArrayList<>();
        for (int s = 0; s < SERVICES; s++) {
            services.add(CarrierService.of("C" + (s / 2), "S" + s, ServiceLevel.values()[s % ServiceLevel.values().length]));
        }
        lanes = new Lane[ORIGINS * AREAS];
        for (int o = 0; o < ORIGINS; o++) {
            for (int a = 0; a < AREAS; a++) {
                lanes[o * AREAS + a] = new Lane(LocationId.of("WH-" + o), "DE", String.format("%02d", a));
            }
        }
        for (int i = 0; i < 200_000; i++) {
            CarrierService s = services.get(random.nextInt(SERVICES));
            record.record(s, lanes[random.nextInt(lanes.length)], random.nextDouble() < 0.80 + 0.015 * services.indexOf(s));
        }
        chooser = CarrierChooser.of(record, Money.of(CurrencyUnit.EUR, 12));
        Instant cutOff = Instant.parse("2026-03-02T17:00:00Z");
        promisedBy = LocalDate.of(2026, 3, 4);
        quoteSets = new ArrayList<>();
        for (int q = 0; q < 64; q++) {
            List<Quote> quotes = new ArrayList<>(SERVICES);
            for (CarrierService s : services) {
                quotes.add(new Quote(s, Money.ofMinor(CurrencyUnit.EUR, 350 + random.nextInt(900)), 1 + random.nextInt(3), cutOff));
            }
            quoteSets.add(List.copyOf(quotes));
        }
    }

    /** Weighs the 10 quotes of one parcel and picks the service (latency distribution). */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public CarrierDecision choose() {
        int i = next++;
        return chooser.choose(quoteSets.get(i & 63), lanes[Math.floorMod(i * 7919, lanes.length)], promisedBy);
    }

    /** As {@link #choose()}, with the one-line explanation a person reads. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public String chooseAndExplain() {
        int i = next++;
        return chooser.choose(quoteSets.get(i & 63), lanes[Math.floorMod(i * 7919, lanes.length)], promisedBy).explanation();
    }
}

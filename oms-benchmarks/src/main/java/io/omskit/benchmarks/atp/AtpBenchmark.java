package io.omskit.benchmarks.atp;

import io.omskit.atp.CartPromise;
import io.omskit.atp.CartRequest;
import io.omskit.atp.ProductPageRequest;
import io.omskit.atp.ProductPromise;
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
 * Product-page and cart promises on the {@link AtpReference} network, one thread. {@code cache} = {@code on} is the
 * shipped configuration (plans reused per question while stock and time boundaries hold); {@code off} runs the
 * sourcing engine for every method of every call.
 *
 * <pre>
 * java -jar oms-benchmarks/target/benchmarks.jar AtpBenchmark -f 1
 * </pre>
 *
 * Keep the declared warm-up (2 x 10 s): after building the reference (several GB of heap) the JVM needs about 15 s
 * (collector and compiler) before carts run at their steady pace, and a shorter warm-up puts that in the first
 * measured iteration (its p99 is then about twice the others').
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Threads(1)
public class AtpBenchmark {

    @Param({"on", "off"})
    public String cache;

    private AtpReference reference;
    private ProductPageRequest[] pages;
    private ProductPageRequest[] repeated;
    private int nextRepeated;
    private CartRequest[] carts;
    private int nextPage;
    private int nextCart;

    @Setup(Level.Trial)
    public void setUp() {
        reference = new AtpReference(42, "on".equals(cache) ? Duration.ofMinutes(5) : Duration.ZERO);
        pages = reference.productPages(1 << 20);
        repeated = java.util.Arrays.copyOf(pages, 1 << 12);
        carts = reference.carts(1 << 14, 10);
    }

    /** One product page: stock signal and four delivery methods. */
    @Benchmark
    @BenchmarkMode({Mode.Throughput})
    @OutputTimeUnit(TimeUnit.SECONDS)
    public ProductPromise productPageThroughput() {
        return reference.atp.productPage(pages[nextPage++ & (pages.length - 1)]);
    }

    /** One product page, latency distribution. */
    @Benchmark
    @BenchmarkMode({Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public ProductPromise productPageLatency() {
        return reference.atp.productPage(pages[nextPage++ & (pages.length - 1)]);
    }

    /**
     * One product page out of a working set of 4,096 questions asked again and again: with the cache on, what a
     * question costs once its plans are known (windows, charges and signal are still computed per call).
     */
    @Benchmark
    @BenchmarkMode({Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public ProductPromise productPageRepeatedLatency() {
        return reference.atp.productPage(repeated[nextRepeated++ & (repeated.length - 1)]);
    }

    /** The same working set, throughput. */
    @Benchmark
    @BenchmarkMode({Mode.Throughput})
    @OutputTimeUnit(TimeUnit.SECONDS)
    public ProductPromise productPageRepeatedThroughput() {
        return reference.atp.productPage(repeated[nextRepeated++ & (repeated.length - 1)]);
    }

    /** One 10-line cart, latency distribution. */
    @Benchmark
    @BenchmarkMode({Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public CartPromise cart10Latency() {
        return reference.atp.cart(carts[nextCart++ & (carts.length - 1)]);
    }
}

package io.omskit.benchmarks.atp;

import io.omskit.atp.CartRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * One side of {@link CartAb}: the {@link AtpReference} of one build with the benchmark's 16k carts, asked in rotation
 * (plan cache off). Loaded by {@link CartAb} from each build's jar, so it must keep its shape across builds.
 */
public final class CartAbSide {

    private final AtpReference reference = new AtpReference(42, Duration.ZERO);
    private final CartRequest[] carts = reference.carts(1 << 14, 10);
    private final ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    private int next;
    private long sink;

    /** The CPU time in ns of each of the next {@code count} carts. */
    public long[] round(int count) {
        long[] out = new long[count];
        for (int k = 0; k < count; k++) {
            long start = bean.getCurrentThreadCpuTime();
            sink += reference.atp.cart(carts[next++ & (carts.length - 1)]).methods().size();
            out[k] = bean.getCurrentThreadCpuTime() - start;
        }
        return out;
    }

    /** What the promises summed to, so that none is optimised away. */
    public long sink() {
        return sink;
    }
}

package io.omskit.benchmarks.atp;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An A/B of fresh 10-line cart promises between builds, in one JVM: each jar (built from this tool's commit on) gets
 * its own class loader and {@link CartAbSide}, and the builds take turns round by round (A B, B A, ...), so that
 * drifts of the machine's speed, which reach a third over a day here, fall on all of them alike. Prints the CPU time
 * per cart (mean and percentiles) of each build over the rounds after the first four. The builds share the caches,
 * so the figures run higher than a build's own; compare them with each other, not with JMH's. Run:
 * <pre>java -Xmx14g -Xms14g -XX:+UseParallelGC -cp oms-benchmarks/target/benchmarks.jar io.omskit.benchmarks.atp.CartAb 40 8000 a.jar b.jar</pre>
 * ({@code rounds}, {@code carts per round}, then the jars; copy each build's benchmarks.jar aside first).
 */
public final class CartAb {

    private CartAb() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        int perRound = Integer.parseInt(args[1]);
        int builds = args.length - 2;
        Object[] sides = new Object[builds];
        Method[] round = new Method[builds];
        ClassLoader[] loaders = new ClassLoader[builds];
        for (int b = 0; b < builds; b++) {
            loaders[b] = new URLClassLoader(new URL[] {Path.of(args[2 + b]).toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            // libraries that find their providers through the context loader (Jollyday) must see the build's own
            Thread.currentThread().setContextClassLoader(loaders[b]);
            Class<?> side = loaders[b].loadClass(CartAbSide.class.getName());
            sides[b] = side.getConstructor().newInstance();
            round[b] = side.getMethod("round", int.class);
        }
        List<List<long[]>> kept = new ArrayList<>();
        for (int b = 0; b < builds; b++) {
            kept.add(new ArrayList<>());
        }
        for (int r = 0; r < rounds; r++) {
            for (int x = 0; x < builds; x++) {
                int b = r % 2 == 0 ? x : builds - 1 - x;
                Thread.currentThread().setContextClassLoader(loaders[b]);
                long[] cpu = (long[]) round[b].invoke(sides[b], perRound);
                if (r >= 4) {
                    kept.get(b).add(cpu);
                }
            }
        }
        for (int b = 0; b < builds; b++) {
            long[] all = kept.get(b).stream().flatMapToLong(Arrays::stream).toArray();
            Arrays.sort(all);
            System.out.printf("%s: %d carts, mean %.1f us, p50 %.1f, p90 %.1f, p99 %.1f, p99.9 %.1f us CPU%n", args[2 + b],
                    all.length, Arrays.stream(all).average().orElse(0) / 1e3, all[all.length / 2] / 1e3,
                    all[(int) (all.length * 0.9)] / 1e3, all[(int) (all.length * 0.99)] / 1e3,
                    all[(int) (all.length * 0.999)] / 1e3);
        }
    }
}

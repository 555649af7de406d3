package io.omskit.benchmarks.journey;

import java.util.SplittableRandom;

/**
 * What one order of {@link JourneyBenchmark#inMemory} keeps on the heap: runs {@code N} journeys (default 20,000)
 * through a fresh in-memory {@link Shop} after a warm-up shop, and prints the heap in use after a full collection,
 * before and after, per order. With a second argument {@code pause}, waits for Enter before the shop is dropped, so
 * that {@code jmap -histo:live <pid>} can show which classes hold it. Run:
 * <pre>
 * java -cp oms-benchmarks/target/benchmarks.jar io.omskit.benchmarks.journey.RetainedPerOrder 20000
 * </pre>
 */
public final class RetainedPerOrder {

    private RetainedPerOrder() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        boolean pause = args.length > 1 && "pause".equals(args[1]);
        run(Shop.inMemory(), n, new SplittableRandom(1), "warm");
        long empty = usedAfterGc();
        Shop shop = Shop.inMemory();
        long fresh = usedAfterGc();
        run(shop, n, new SplittableRandom(2), "measured");
        long full = usedAfterGc();
        System.out.printf("empty shop %,d B; %,d orders retain %,d B: %,d B per order%n", fresh - empty, n,
                full - fresh, (full - fresh) / n);
        if (pause) {
            System.out.println("pid " + ProcessHandle.current().pid() + ": press Enter to finish");
            System.in.read();
        }
        shop.check();
    }

    private static void run(Shop shop, int n, SplittableRandom random, String prefix) {
        for (int i = 0; i < n; i++) {
            shop.journey(prefix + "-" + i, random);
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}

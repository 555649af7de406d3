package io.omskit.testkit.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs a task on several real threads released at the same instant, for concurrency tests of adapters. */
public final class Together {

    /** One thread's work; {@code thread} counts from 0. */
    @FunctionalInterface
    public interface ThreadTask {
        void run(int thread) throws Exception;
    }

    private Together() {
    }

    /**
     * Runs {@code task} on {@code threads} threads started together and waits up to two minutes for all of them.
     *
     * @throws Exception the first failure of any thread (wrapped in an {@link java.util.concurrent.ExecutionException}),
     *                   or a timeout
     */
    public static void run(int threads, ThreadTask task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int n = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    task.run(n);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

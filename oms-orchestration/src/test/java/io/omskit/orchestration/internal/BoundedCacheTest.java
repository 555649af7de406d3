package io.omskit.orchestration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** A full cache makes room for a new key by evicting one; it neither empties nor stops keeping new keys. */
class BoundedCacheTest {

    @Test
    void after_one_key_more_than_it_holds_the_most_recent_keys_are_still_hits() {
        int capacity = 1_000;
        BoundedCache<Integer, String> cache = BoundedCache.ofMaximumSize(capacity);
        for (int k = 0; k <= capacity; k++) {
            cache.put(k, "v" + k);
        }
        assertThat(cache.size()).isEqualTo(capacity);
        for (int k = capacity - 4; k <= capacity; k++) {
            assertThat(cache.get(k)).as("key %d", k).isEqualTo("v" + k);
        }
    }

    @Test
    void a_product_page_asked_again_and_again_stays_kept_while_one_off_questions_stream_past() {
        BoundedCache<String, String> cache = BoundedCache.ofMaximumSize(100);
        cache.put("popular", "plan");
        for (int k = 0; k < 10_000; k++) {
            assertThat(cache.get("popular")).isEqualTo("plan");
            cache.put("once-" + k, "plan " + k);
        }
        assertThat(cache.get("popular")).isEqualTo("plan");
        assertThat(cache.size()).isEqualTo(100);
    }

    @Property(tries = 100)
    void never_holds_more_than_its_maximum_and_always_keeps_the_last_key_put(
            @ForAll @IntRange(min = 1, max = 300) int capacity, @ForAll @IntRange(min = 0, max = 2_000) int keys) {
        BoundedCache<Integer, Integer> cache = BoundedCache.ofMaximumSize(capacity);
        for (int k = 0; k < keys; k++) {
            cache.put(k, k * 2);
            assertThat(cache.get(k)).isEqualTo(k * 2);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(capacity).isEqualTo(Math.min(capacity, keys));
    }

    @Test
    void racing_threads_make_a_missing_value_once() throws Exception {
        BoundedCache<String, Integer> cache = BoundedCache.ofMaximumSize(10);
        AtomicInteger made = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Integer> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                seen.add(cache.computeIfAbsent("berlin", k -> made.incrementAndGet()));
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(made).hasValue(1);
        assertThat(seen).hasSize(8).containsOnly(1);
    }

    @Test
    void a_maximum_below_one_is_refused_naming_the_value() {
        assertThatThrownBy(() -> BoundedCache.ofMaximumSize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maximumSize must be at least 1, was 0");
    }
}

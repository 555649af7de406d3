package io.omskit.core.inmemory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The finished states a store keeps until their retention passes: oldest first, none lost to concurrent offers. */
class FinishedQueueTest {

    @Test
    void hands_out_the_oldest_state_first() {
        FinishedQueue<String> queue = new FinishedQueue<>();
        assertThat(queue.isEmpty()).isTrue();
        assertThat(queue.peek()).isNull();
        queue.offer("first");
        queue.offer("second");

        assertThat(queue.peek()).isEqualTo("first");
        queue.poll();
        assertThat(queue.peek()).isEqualTo("second");
        queue.poll();
        assertThat(queue.isEmpty()).isTrue();
        queue.poll();
        assertThat(queue.peek()).isNull();
    }

    @Test
    void keeps_every_state_offered_by_threads_at_once() throws InterruptedException {
        FinishedQueue<Integer> queue = new FinishedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int base = t * 10_000;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    queue.offer(base + i);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }

        Set<Integer> seen = new HashSet<>();
        for (Integer next = queue.peek(); next != null; next = queue.peek()) {
            seen.add(next);
            queue.poll();
        }
        assertThat(seen).hasSize(40_000);
    }
}

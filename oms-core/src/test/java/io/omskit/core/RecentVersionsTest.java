package io.omskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** What the workflows remember of the work they did per version (events published, stock moved), so that they do not do it again. */
class RecentVersionsTest {

    @Example
    void remembers_the_highest_version_reached() {
        RecentVersions<String> versions = new RecentVersions<>(100);
        versions.record("order-1", 3);
        versions.record("order-1", 2);

        assertThat(versions.reached("order-1", 3)).isTrue();
        assertThat(versions.reached("order-1", 1)).isTrue();
        assertThat(versions.reached("order-1", 4)).isFalse();
        assertThat(versions.reached("order-2", 1)).isFalse();
    }

    @Example
    void forgets_only_what_was_left_alone_for_more_than_its_capacity() {
        RecentVersions<String> versions = new RecentVersions<>(10);
        versions.record("idle", 1);
        versions.record("busy", 1);
        for (int i = 0; i < 30; i++) {
            versions.record("other-" + i, 1);
            assertThat(versions.reached("busy", 1)).isTrue();
        }

        assertThat(versions.reached("idle", 1)).isFalse();
        assertThat(versions.reached("other-29", 1)).isTrue();
    }

    @Example
    void refuses_a_capacity_that_holds_nothing() {
        assertThatThrownBy(() -> new RecentVersions<String>(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("capacity must be >= 2, was 1");
    }

    /** Within its capacity it forgets nothing: it answers exactly as a map of the highest version recorded would. */
    @Property(tries = 100)
    void within_its_capacity_it_answers_as_a_map_of_highest_versions(
            @ForAll @Size(max = 60) List<@IntRange(max = 19) Integer> ids,
            @ForAll @Size(max = 60) List<@IntRange(min = 1, max = 9) Integer> versions) {
        RecentVersions<Integer> remembered = new RecentVersions<>(40);
        Map<Integer, Long> highest = new HashMap<>();
        for (int i = 0; i < Math.min(ids.size(), versions.size()); i++) {
            remembered.record(ids.get(i), versions.get(i));
            highest.merge(ids.get(i), (long) versions.get(i), Math::max);
        }
        for (int id = 0; id < 20; id++) {
            for (long v = 1; v < 10; v++) {
                Long h = highest.get(id);
                assertThat(remembered.reached(id, v)).as("order %s version %s", id, v).isEqualTo(h != null && h >= v);
            }
        }
    }

    @Example
    void threads_recording_at_once_lose_no_version_of_their_own() throws InterruptedException {
        RecentVersions<Integer> versions = new RecentVersions<>(1_000);
        CountDownLatch start = new CountDownLatch(1);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            threads.add(new Thread(() -> {
                try {
                    start.await();
                    for (int v = 1; v <= 2_000; v++) {
                        // each thread owns its 100 ids: every version it recorded must be remembered
                        int id = thread * 100 + v % 100;
                        versions.record(id, v);
                        if (!versions.reached(id, v)) {
                            throw new AssertionError("lost version " + v + " of " + id);
                        }
                    }
                } catch (Throwable e) {
                    failed.compareAndSet(null, e);
                }
            }));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failed.get()).isNull();
    }
}

package io.omskit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.network.LocationId;
import io.omskit.orchestration.spi.CapacityTracker;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link CapacityTracker}. Extend it with one factory method:
 * <pre>{@code
 * class MyCapacityTrackerContractTest extends CapacityTrackerContract {
 *     protected CapacityTracker newTracker() { return new MyCapacityTracker(emptyTestSchema); }
 * }
 * }</pre>
 * Each test's display name starts with the clause it checks. The property runs 100 tries of up to 60 steps, each on a
 * new tracker; a slow adapter annotates its subclass with {@code @PropertyDefaults(tries = 10)}.
 */
@PropertyDefaults(tries = 100)
public abstract class CapacityTrackerContract {

    /** A new tracker that has counted nothing; called before each test and for each try of the property. */
    protected abstract CapacityTracker newTracker();

    protected static final LocationId WH1 = LocationId.of("WH1");
    protected static final LocationId ST1 = LocationId.of("ST1");
    protected static final LocationId ST2 = LocationId.of("ST2");
    protected static final LocalDate MONDAY = LocalDate.of(2030, 1, 7);
    protected static final LocalDate TUESDAY = MONDAY.plusDays(1);

    /** The locations of a network by dense index, for the reads by index. */
    private static final LocationId[] NETWORK = {WH1, ST1, ST2};

    /** The tracker under test, new for each test. */
    protected CapacityTracker tracker;

    @BeforeEach
    void createTracker() {
        tracker = newTracker();
    }

    private static int[] bulk(CapacityTracker t, LocalDate day) {
        int[] out = new int[NETWORK.length];
        t.used(new int[] {0, 1, 2}, NETWORK.length, NETWORK, day, out);
        return out;
    }

    @Test
    @DisplayName("CapacityTracker §1: a new tracker counts nothing anywhere, by location, by index or in bulk")
    void new_tracker_counts_nothing() {
        assertThat(tracker.used(WH1, MONDAY)).isZero();
        assertThat(tracker.used(1, ST1, MONDAY)).isZero();
        assertThat(bulk(tracker, TUESDAY)).containsExactly(0, 0, 0);
    }

    @Test
    @DisplayName("CapacityTracker §2: tryConsume counts while fewer than the capacity are counted, then refuses and"
            + " counts nothing more")
    void consumes_up_to_the_capacity() {
        for (int i = 0; i < 3; i++) {
            assertThat(tracker.tryConsume(ST1, MONDAY, 3)).as("consume %d of 3", i + 1).isTrue();
        }

        assertThat(tracker.tryConsume(ST1, MONDAY, 3)).isFalse();
        assertThat(tracker.used(ST1, MONDAY)).isEqualTo(3);
        assertThat(tracker.tryConsume(ST1, MONDAY, 0)).as("a capacity of 0 takes nothing").isFalse();
        assertThat(tracker.tryConsume(ST1, MONDAY, 4)).as("a larger capacity has room for one more").isTrue();
        assertThat(tracker.used(ST1, MONDAY)).isEqualTo(4);
    }

    @Test
    @DisplayName("CapacityTracker §3: counts are per location and per day")
    void counts_per_location_and_day() {
        tracker.tryConsume(ST1, MONDAY, 5);
        tracker.tryConsume(ST1, MONDAY, 5);
        tracker.tryConsume(ST2, TUESDAY, 5);

        assertThat(tracker.used(ST1, MONDAY)).isEqualTo(2);
        assertThat(tracker.used(ST1, TUESDAY)).isZero();
        assertThat(tracker.used(ST2, MONDAY)).isZero();
        assertThat(tracker.used(ST2, TUESDAY)).isEqualTo(1);
        assertThat(tracker.used(WH1, MONDAY)).isZero();
    }

    @Test
    @DisplayName("CapacityTracker §4: release takes back one counted fulfilment, and does nothing when none is counted")
    void release_takes_back_one_and_never_goes_below_zero() {
        tracker.release(WH1, MONDAY);
        tracker.tryConsume(WH1, MONDAY, 2);
        tracker.tryConsume(WH1, MONDAY, 2);

        tracker.release(WH1, MONDAY);

        assertThat(tracker.used(WH1, MONDAY)).isEqualTo(1);
        tracker.release(WH1, MONDAY);
        tracker.release(WH1, MONDAY);
        assertThat(tracker.used(WH1, MONDAY)).isZero();
        assertThat(tracker.tryConsume(WH1, MONDAY, 2)).isTrue();
        assertThat(tracker.tryConsume(WH1, MONDAY, 2)).isTrue();
        assertThat(tracker.tryConsume(WH1, MONDAY, 2)).as("the release of nothing made no room").isFalse();
    }

    @Test
    @DisplayName("CapacityTracker §5: reads by index and in bulk answer what the read by location answers, after every"
            + " change")
    void reads_by_index_follow_changes() {
        assertThat(tracker.used(1, ST1, MONDAY)).isZero();
        assertThat(bulk(tracker, MONDAY)).containsExactly(0, 0, 0);

        tracker.tryConsume(ST1, MONDAY, 5);
        assertThat(tracker.used(1, ST1, MONDAY)).isEqualTo(1);
        assertThat(bulk(tracker, MONDAY)).containsExactly(0, 1, 0);

        tracker.tryConsume(ST2, MONDAY, 5);
        tracker.tryConsume(ST2, MONDAY, 5);
        tracker.release(ST1, MONDAY);
        assertThat(bulk(tracker, MONDAY)).containsExactly(0, 0, 2);
        assertThat(tracker.used(2, ST2, MONDAY)).isEqualTo(2);
        assertThat(bulk(tracker, TUESDAY)).containsExactly(0, 0, 0);
    }

    @Test
    @DisplayName("CapacityTracker §5: two networks sharing a tracker, one index naming different locations, each get"
            + " their location's count")
    void shared_indexes_answer_by_location() {
        tracker.tryConsume(ST2, MONDAY, 5);
        assertThat(tracker.used(0, WH1, MONDAY)).isZero();

        assertThat(tracker.used(0, ST2, MONDAY)).isEqualTo(1);
        assertThat(tracker.used(0, WH1, MONDAY)).isZero();
        tracker.tryConsume(WH1, MONDAY, 5);
        assertThat(tracker.used(0, WH1, MONDAY)).isEqualTo(1);
        assertThat(tracker.used(0, ST2, MONDAY)).isEqualTo(1);
    }

    @Test
    @DisplayName("CapacityTracker §6: 8 threads consuming one location's capacity of 50 at once count exactly 50, and"
            + " readers by index never see more")
    void concurrent_consumers_never_exceed_the_capacity() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        AtomicBoolean done = new AtomicBoolean();
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<Integer> reader = pool.submit(() -> {
                start.await();
                int most = 0;
                while (!done.get()) {
                    most = Math.max(most, tracker.used(1, ST1, MONDAY));
                    most = Math.max(most, bulk(tracker, MONDAY)[1]);
                }
                return most;
            });
            List<Future<Integer>> consumers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                consumers.add(pool.submit(() -> {
                    start.await();
                    int taken = 0;
                    for (int i = 0; i < 20; i++) {
                        if (tracker.tryConsume(ST1, MONDAY, 50)) {
                            taken++;
                        }
                    }
                    return taken;
                }));
            }
            start.countDown();
            int taken = 0;
            for (Future<Integer> f : consumers) {
                taken += f.get(30, TimeUnit.SECONDS);
            }
            done.set(true);

            assertThat(taken).isEqualTo(50);
            assertThat(tracker.used(ST1, MONDAY)).isEqualTo(50);
            assertThat(tracker.used(1, ST1, MONDAY)).isEqualTo(50);
            assertThat(reader.get(30, TimeUnit.SECONDS)).isLessThanOrEqualTo(50);
        } finally {
            done.set(true);
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("CapacityTracker §6: threads consuming and releasing at once end where they began and never count"
            + " beyond the capacity")
    void concurrent_consume_and_release_balance() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    int most = 0;
                    for (int i = 0; i < 500; i++) {
                        if (tracker.tryConsume(WH1, TUESDAY, 3)) {
                            most = Math.max(most, tracker.used(0, WH1, TUESDAY));
                            tracker.release(WH1, TUESDAY);
                        }
                    }
                    return most;
                }));
            }
            start.countDown();
            int most = 0;
            for (Future<Integer> f : futures) {
                // a thread may find the capacity taken on every try (others hold it): only the bound is the contract's
                int seen = f.get(30, TimeUnit.SECONDS);
                assertThat(seen).as("never beyond the capacity").isLessThanOrEqualTo(3);
                most = Math.max(most, seen);
            }
            assertThat(most).as("some thread consumed").isBetween(1, 3);
        } finally {
            pool.shutdownNow();
        }

        assertThat(tracker.used(WH1, TUESDAY)).isZero();
        assertThat(tracker.used(0, WH1, TUESDAY)).isZero();
    }

    /** One step of the property: consume ({@code capacity} given), release, or read by index, at a location and day. */
    private record Step(int action, int location, boolean tuesday, int capacity) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 2),
                        Arbitraries.of(false, true), Arbitraries.integers().between(0, 4))
                .as(Step::new).list().ofMaxSize(60);
    }

    @Property
    @Label("CapacityTracker §2 §4 §5: any sequence of consumes, releases and reads matches a counter per location and"
            + " day that never exceeds its capacity nor goes below zero")
    void behaves_as_a_bounded_counter(@ForAll("steps") List<Step> steps) {
        CapacityTracker t = newTracker();
        Map<String, Integer> model = new HashMap<>();
        for (Step s : steps) {
            LocationId location = NETWORK[s.location()];
            LocalDate day = s.tuesday() ? TUESDAY : MONDAY;
            String key = location.value() + "@" + day;
            int counted = model.getOrDefault(key, 0);
            switch (s.action()) {
                case 0 -> {
                    boolean room = counted < s.capacity();
                    assertThat(t.tryConsume(location, day, s.capacity()))
                            .as("consume at %s with %d of %d counted", key, counted, s.capacity()).isEqualTo(room);
                    if (room) {
                        model.put(key, counted + 1);
                    }
                }
                case 1 -> {
                    t.release(location, day);
                    model.put(key, Math.max(0, counted - 1));
                }
                default -> {
                    assertThat(t.used(s.location(), location, day)).as("by index at %s", key).isEqualTo(counted);
                    int[] all = bulk(t, day);
                    for (int i = 0; i < NETWORK.length; i++) {
                        assertThat(all[i]).as("bulk at %s", NETWORK[i])
                                .isEqualTo(model.getOrDefault(NETWORK[i].value() + "@" + day, 0));
                    }
                }
            }
            assertThat(t.used(location, day)).as("by location at %s", key).isEqualTo(model.getOrDefault(key, 0));
        }
    }
}

package io.omskit.orchestration.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.network.LocationId;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The in-memory capacity tracker's reads by network index (answered from what was last read at the index) against
 * its reads by location and day and a model of the counts: through consumption, release, other days, and indexes
 * that another location (of another network) was read at.
 */
class CapacityReadsByIndexProperties {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 9);

    @Property(tries = 200)
    void reads_by_index_are_the_counts(@ForAll long seed) {
        readsByIndexAreTheCounts(new SplittableRandom(seed), true);
    }

    /** Without other locations read at an index, the fast path for locations without a counter stays on. */
    @Property(tries = 200)
    void reads_by_index_of_one_network_are_the_counts(@ForAll long seed) {
        readsByIndexAreTheCounts(new SplittableRandom(seed), false);
    }

    private static void readsByIndexAreTheCounts(SplittableRandom random, boolean otherNetworks) {
        InMemoryCapacityTracker tracker = new InMemoryCapacityTracker();
        int locations = 1 + random.nextInt(6);
        Map<String, Integer> model = new HashMap<>();
        for (int step = 0; step < 200; step++) {
            LocationId location = LocationId.of("L" + random.nextInt(locations));
            LocalDate day = MONDAY.plusDays(random.nextInt(3));
            String key = location.value() + "@" + day;
            int capacity = 1 + random.nextInt(3);
            switch (random.nextInt(5)) {
                case 0 -> {
                    boolean counted = tracker.tryConsume(location, day, capacity);
                    int before = model.getOrDefault(key, 0);
                    assertThat(counted).isEqualTo(before < capacity);
                    model.put(key, counted ? before + 1 : before);
                }
                case 1 -> {
                    tracker.release(location, day);
                    model.put(key, Math.max(0, model.getOrDefault(key, 0) - 1));
                }
                case 2 -> {
                    // mostly the location's own index, sometimes one another location was read at
                    int own = Integer.parseInt(location.value().substring(1));
                    int index = otherNetworks && random.nextInt(5) == 0 ? random.nextInt(locations + 2) : own;
                    int expected = model.getOrDefault(key, 0);
                    assertThat(tracker.used(index, location, day)).as("%s at index %d", key, index).isEqualTo(expected);
                    assertThat(tracker.used(location, day)).isEqualTo(expected);
                }
                default -> {
                    // every location of a network at once, on one day (the network of L0..Ln at their own indexes,
                    // or another network's locations at the same indexes)
                    String prefix = otherNetworks && random.nextInt(5) == 0 ? "M" : "L";
                    LocationId[] network = new LocationId[locations];
                    int[] indexes = new int[locations];
                    for (int k = 0; k < locations; k++) {
                        network[k] = LocationId.of(prefix + k);
                        indexes[k] = locations - 1 - k;
                    }
                    int[] out = new int[locations];
                    tracker.used(indexes, locations, network, day, out);
                    for (int k = 0; k < locations; k++) {
                        String at = prefix + indexes[k] + "@" + day;
                        assertThat(out[k]).as("%s read with the others", at).isEqualTo(model.getOrDefault(at, 0));
                    }
                }
            }
        }
    }

    @Example
    void a_read_by_index_sees_fulfilments_counted_by_other_threads() throws InterruptedException {
        InMemoryCapacityTracker tracker = new InMemoryCapacityTracker();
        LocationId store = LocationId.of("S1");
        int total = 20_000;
        AtomicBoolean backwards = new AtomicBoolean();
        AtomicInteger last = new AtomicInteger();
        Thread reader = new Thread(() -> {
            int seen = 0;
            while (seen < total) {
                int now = tracker.used(0, store, MONDAY);
                if (now < seen) {
                    backwards.set(true);
                }
                seen = now;
            }
            last.set(seen);
        });
        reader.start();
        for (int k = 0; k < total; k++) {
            assertThat(tracker.tryConsume(store, MONDAY, total)).isTrue();
        }
        reader.join(60_000);
        assertThat(reader.isAlive()).as("reader still waiting for the last count").isFalse();
        assertThat(backwards).as("a read went backwards").isFalse();
        assertThat(last.get()).isEqualTo(total);
    }
}

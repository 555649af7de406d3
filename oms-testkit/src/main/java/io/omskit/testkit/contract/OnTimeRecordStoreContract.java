package io.omskit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.network.LocationId;
import io.omskit.core.shipping.CarrierService;
import io.omskit.core.shipping.Lane;
import io.omskit.core.shipping.ServiceLevel;
import io.omskit.core.spi.DeliveryObservation;
import io.omskit.core.spi.OnTimeRecordStore;
import io.omskit.core.spi.OnTimeTally;
import io.omskit.orchestration.carrier.OnTimeRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link OnTimeRecordStore}. Extend it with one factory method to check an adapter:
 * <pre>{@code
 * class MyOnTimeRecordStoreContractTest extends OnTimeRecordStoreContract {
 *     protected OnTimeRecordStore newStore() { return new MyOnTimeRecordStore(dataSource); }
 * }
 * }</pre>
 * Each test's display name starts with the clause it checks. Every test uses carriers of its own, so a store shared
 * between tests (one database) is fine, except for §5, which reads every tally and so needs
 * {@link #newStore()} to start empty.
 */
public abstract class OnTimeRecordStoreContract {

    private static final LocationId WH = LocationId.of("WH-1");
    private static final Lane BERLIN = new Lane(WH, "DE", "10");
    private static final Lane MUNICH = new Lane(WH, "DE", "80");
    private static final Lane GERMANY = new Lane(WH, "DE", "");
    private static int counter;

    /** A store, empty for §5; called before each test. */
    protected abstract OnTimeRecordStore newStore();

    /** The store under test. */
    protected OnTimeRecordStore store;
    private String carrier;
    private CarrierService parcel;

    @BeforeEach
    void createStore() {
        store = newStore();
        carrier = "C" + unique();
        parcel = CarrierService.of(carrier, "PARCEL", ServiceLevel.STANDARD);
    }

    private static synchronized String unique() {
        counter++;
        return System.nanoTime() + "-" + counter;
    }

    private DeliveryObservation delivered(Lane lane, boolean onTime) {
        return new DeliveryObservation(UUID.randomUUID(), parcel, lane, onTime);
    }

    private OnTimeTally tally(Lane lane) {
        return store.tally(carrier, "PARCEL", lane);
    }

    @Test
    @DisplayName("OnTimeRecordStore §1: a parcel counts on its lane and on its whole country")
    void counts_on_lane_and_country() {
        assertThat(store.record(delivered(BERLIN, true))).isTrue();
        assertThat(store.record(delivered(BERLIN, false))).isTrue();
        assertThat(store.record(delivered(MUNICH, true))).isTrue();
        assertThat(store.record(delivered(GERMANY, false))).isTrue();

        assertThat(tally(BERLIN)).isEqualTo(new OnTimeTally(carrier, "PARCEL", BERLIN, 1, 1));
        assertThat(tally(MUNICH)).isEqualTo(new OnTimeTally(carrier, "PARCEL", MUNICH, 1, 0));
        assertThat(tally(GERMANY)).isEqualTo(new OnTimeTally(carrier, "PARCEL", GERMANY, 2, 2));
    }

    @Test
    @DisplayName("OnTimeRecordStore §2: recording an observation id again changes nothing, whatever it says")
    void recording_again_changes_nothing() {
        DeliveryObservation first = delivered(BERLIN, true);
        store.record(first);

        assertThat(store.record(first)).isFalse();
        assertThat(store.record(new DeliveryObservation(first.id(), parcel, MUNICH, false))).isFalse();

        assertThat(tally(BERLIN)).isEqualTo(new OnTimeTally(carrier, "PARCEL", BERLIN, 1, 0));
        assertThat(tally(MUNICH).parcels()).isZero();
        assertThat(tally(GERMANY)).isEqualTo(new OnTimeTally(carrier, "PARCEL", GERMANY, 1, 0));
    }

    @Test
    @DisplayName("OnTimeRecordStore §3: of concurrent recordings of one id exactly one counts; different ids all count")
    void concurrent_recordings() throws Exception {
        int threads = 8;
        DeliveryObservation shared = delivered(BERLIN, false);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    int counted = store.record(shared) ? 1 : 0;
                    for (int i = 0; i < 10; i++) {
                        store.record(delivered(BERLIN, true));
                    }
                    return counted;
                }));
            }
            start.countDown();
            int counted = 0;
            for (Future<Integer> r : results) {
                counted += r.get(60, TimeUnit.SECONDS);
            }

            assertThat(counted).as("recordings of the shared id that counted").isEqualTo(1);
            assertThat(tally(BERLIN)).isEqualTo(new OnTimeTally(carrier, "PARCEL", BERLIN, threads * 10L, 1));
            assertThat(tally(GERMANY)).isEqualTo(new OnTimeTally(carrier, "PARCEL", GERMANY, threads * 10L, 1));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("OnTimeRecordStore §4: a tally is of exactly the lane and service asked; one never recorded is zero")
    void tallies_are_exact() {
        store.record(delivered(BERLIN, true));

        assertThat(tally(MUNICH)).isEqualTo(new OnTimeTally(carrier, "PARCEL", MUNICH, 0, 0));
        assertThat(store.tally(carrier, "EXPRESS", BERLIN).parcels()).isZero();
        assertThat(store.tally(carrier + "X", "PARCEL", BERLIN).parcels()).isZero();
        assertThat(tally(new Lane(LocationId.of("WH-2"), "DE", "10")).parcels()).isZero();
        assertThatThrownBy(() -> store.record(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    @DisplayName("OnTimeRecordStore §5: tallies lists every tally with parcels, by carrier, service, origin, country, area")
    void lists_tallies_in_order() {
        CarrierService express = CarrierService.of(carrier, "EXPRESS", ServiceLevel.EXPRESS);
        store.record(new DeliveryObservation(UUID.randomUUID(), express, MUNICH, true));
        store.record(delivered(MUNICH, false));
        store.record(delivered(new Lane(WH, "AT", ""), true));

        assertThat(store.tallies()).extracting(t -> t.service() + " " + t.lane().destination() + " " + t.onTime()
                + "/" + t.late())
                .containsExactly("EXPRESS DE 1/0", "EXPRESS DE-80 1/0", "PARCEL AT 1/0", "PARCEL DE 0/1",
                        "PARCEL DE-80 0/1");
    }

    @Test
    @DisplayName("OnTimeRecordStore §6: a record loaded from the store agrees with the one that counted, to the last "
            + "parcel and probability")
    void a_loaded_record_agrees_with_the_one_that_counted() {
        for (long seed = 1; seed <= 5; seed++) {
            Random random = new Random(seed);
            String run = carrier + "-" + seed;
            List<CarrierService> services = List.of(CarrierService.of(run, "A", ServiceLevel.STANDARD),
                    CarrierService.of(run, "B", ServiceLevel.EXPRESS));
            List<Lane> lanes = List.of(BERLIN, MUNICH, GERMANY, new Lane(LocationId.of("WH-2"), "FR", "75"));
            OnTimeRecord counting = OnTimeRecord.create().keptIn(store);
            OnTimeRecord inMemory = OnTimeRecord.create();
            Map<String, Long> expected = new HashMap<>();
            List<DeliveryObservation> seen = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                DeliveryObservation o = !seen.isEmpty() && random.nextInt(4) == 0
                        ? seen.get(random.nextInt(seen.size()))
                        : new DeliveryObservation(UUID.randomUUID(), services.get(random.nextInt(2)),
                                lanes.get(random.nextInt(lanes.size())), random.nextInt(5) > 0);
                boolean first = !seen.contains(o);
                seen.add(o);
                assertThat(counting.record(o)).as("observation %d counted", i).isEqualTo(first);
                inMemory.record(o);
                expected.merge(o.service().service() + o.lane(), first ? 1L : 0L, Long::sum);
            }

            OnTimeRecord loaded = OnTimeRecord.create().keptIn(store);

            for (CarrierService s : services) {
                for (Lane lane : lanes) {
                    assertThat(loaded.tally(s, lane)).as("%s on %s", s, lane).isEqualTo(counting.tally(s, lane))
                            .isEqualTo(inMemory.tally(s, lane));
                    assertThat(loaded.onTimeProbability(s, lane)).as("%s on %s", s, lane)
                            .isEqualTo(counting.onTimeProbability(s, lane))
                            .isEqualTo(inMemory.onTimeProbability(s, lane));
                    if (!lane.postalArea().isEmpty()) {
                        assertThat(loaded.tally(s, lane).parcels()).isEqualTo(expected.getOrDefault(s.service() + lane, 0L));
                    }
                }
            }
        }
    }
}

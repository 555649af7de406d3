package io.omskit.atp;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.atp.calendar.Berlin;
import io.omskit.atp.calendar.PickupSchedule;
import io.omskit.core.catalog.Sku;
import io.omskit.core.channel.Channel;
import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.orchestration.SourcingEngine;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rules.CapabilityFilter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Pickup points asked from several threads at once answer what one thread alone answers (its kept timings are shared). */
class ConcurrentPickupPointsTest {

    @Test
    void eight_threads_asking_at_once_get_the_answers_one_thread_gets() throws Exception {
        Random random = new Random(7);
        List<Location> locations = new ArrayList<>();
        for (int w = 0; w < 5; w++) {
            locations.add(Berlin.warehouse("W" + w, GeoPoint.of(52.3 + random.nextDouble() * 0.4, 13.1 + random.nextDouble() * 0.6)).build());
        }
        for (int s = 0; s < 40; s++) {
            locations.add(Berlin.store("S" + s, GeoPoint.of(52.3 + random.nextDouble() * 0.4, 13.1 + random.nextDouble() * 0.6)).build());
        }
        Network network = Network.of(locations);
        Instant now = Berlin.local("2026-11-26T10:00");
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        InMemoryInventoryStore store = InMemoryInventoryStore.create(clock);
        for (int k = 0; k < 20; k++) {
            for (Location l : locations) {
                if (random.nextInt(4) == 0) {
                    store.load(Sku.of("P" + k), l.id(), 1 + random.nextInt(4));
                }
            }
        }
        PromiseCalendar calendar = PromiseCalendar.builder(network).holidays(Berlin.HOLIDAYS)
                .pickup(LocationType.WAREHOUSE, PickupSchedule.weekdaysAt(LocalTime.of(17, 0))).build();
        SourcingEngine engine = SourcingEngine.builder().network(network).clock(clock).inventory(store)
                .rules(RuleBook.of(RuleSet.builder("any").filter(new CapabilityFilter()).build())).build();
        List<PickupPointsRequest> questions = new ArrayList<>();
        for (int q = 0; q < 200; q++) {
            List<CartLine> lines = new ArrayList<>();
            for (int k = 0; k < 1 + random.nextInt(5); k++) {
                lines.add(CartLine.of("L" + k, Sku.of("P" + random.nextInt(20)), 1 + random.nextInt(2)));
            }
            questions.add(PickupPointsRequest.of(Channel.WEB, lines,
                    GeoPoint.of(52.3 + random.nextDouble() * 0.4, 13.1 + random.nextDouble() * 0.6)).withinKm(15));
        }
        Atp alone = Atp.builder().engine(engine).inventory(store).clock(clock).calendar(calendar).build();
        List<PickupPoints> expected = new ArrayList<>();
        for (PickupPointsRequest q : questions) {
            expected.add(alone.pickupPoints(q));
        }
        Atp shared = Atp.builder().engine(engine).inventory(store).clock(clock).calendar(calendar).build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<PickupPoints>>> answers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t * 25;
                answers.add(pool.submit(() -> {
                    start.await();
                    List<PickupPoints> got = new ArrayList<>(questions.size());
                    for (int q = 0; q < questions.size(); q++) {
                        got.add(shared.pickupPoints(questions.get((q + offset) % questions.size())));
                    }
                    return got;
                }));
            }
            start.countDown();
            for (int t = 0; t < 8; t++) {
                List<PickupPoints> got = answers.get(t).get(60, TimeUnit.SECONDS);
                for (int q = 0; q < questions.size(); q++) {
                    assertThat(got.get(q)).isEqualTo(expected.get((q + t * 25) % questions.size()));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected).anySatisfy(p -> assertThat(p.complete()).isNotEmpty());
        assertThat(expected).anySatisfy(p -> assertThat(p.points()).anySatisfy(pp -> assertThat(pp.express().missingLines()).isNotEmpty()));
    }
}

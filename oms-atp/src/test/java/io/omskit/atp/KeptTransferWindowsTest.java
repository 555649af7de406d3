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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Pickup points keep the transfer windows of earlier questions (per store, timing class and transit, for the dispatch
 * they were computed for). As the clock crosses openings, cut-offs, carrier pickups, weekends and holidays, an Atp that
 * has answered every earlier question must answer exactly what a fresh one answers.
 */
class KeptTransferWindowsTest {

    @Test
    void answers_with_kept_windows_equal_fresh_answers_while_the_clock_crosses_cut_offs_days_and_holidays() {
        Random random = new Random(11);
        List<Location> locations = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            locations.add(Berlin.warehouse("W" + w, GeoPoint.of(50 + random.nextDouble() * 4, 8 + random.nextDouble() * 6)).build());
        }
        for (int s = 0; s < 30; s++) {
            locations.add(Berlin.store("S" + s, GeoPoint.of(52.3 + random.nextDouble() * 0.4, 13.1 + random.nextDouble() * 0.6)).build());
        }
        Network network = Network.of(locations);
        // from Wednesday before Christmas (two holidays) into the next week
        MutableClock clock = new MutableClock(Berlin.local("2026-12-23T06:10"));
        InMemoryInventoryStore store = InMemoryInventoryStore.create(clock);
        for (int k = 0; k < 12; k++) {
            for (Location l : locations) {
                if (random.nextInt(3) == 0) {
                    store.load(Sku.of("P" + k), l.id(), 1 + random.nextInt(3));
                }
            }
        }
        PromiseCalendar calendar = PromiseCalendar.builder(network).holidays(Berlin.HOLIDAYS)
                .pickup(LocationType.WAREHOUSE, PickupSchedule.weekdaysAt(LocalTime.of(17, 0))).build();
        SourcingEngine engine = SourcingEngine.builder().network(network).clock(clock).inventory(store)
                .rules(RuleBook.of(RuleSet.builder("any").filter(new CapabilityFilter()).build())).build();
        Atp kept = Atp.builder().engine(engine).inventory(store).clock(clock).calendar(calendar).build();
        int transfers = 0;
        int asked = 0;
        for (Instant t = clock.instant(); t.isBefore(Berlin.local("2026-12-30T06:10")); t = t.plus(Duration.ofMinutes(47))) {
            clock.set(t);
            Atp fresh = Atp.builder().engine(engine).inventory(store).clock(clock).calendar(calendar).build();
            for (int q = 0; q < 3; q++) {
                List<CartLine> lines = new ArrayList<>();
                for (int k = 0; k < 1 + random.nextInt(4); k++) {
                    lines.add(CartLine.of("L" + k, Sku.of("P" + random.nextInt(12)), 1 + random.nextInt(3)));
                }
                PickupPointsRequest question = PickupPointsRequest.of(Channel.WEB, lines,
                        GeoPoint.of(52.3 + random.nextDouble() * 0.4, 13.1 + random.nextDouble() * 0.6)).withinKm(20);
                PickupPoints answer = kept.pickupPoints(question);
                assertThat(answer).as("at %s: %s", t, question).isEqualTo(fresh.pickupPoints(question));
                asked++;
                for (PickupPoint p : answer.points()) {
                    if (!p.shipToStore().transferFrom().isEmpty()) {
                        transfers++;
                    }
                }
            }
        }
        assertThat(asked).isGreaterThan(600);
        assertThat(transfers).as("ship-to-store offers with transfers among the answers").isGreaterThan(500);
    }
}

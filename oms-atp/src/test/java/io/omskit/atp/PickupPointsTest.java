package io.omskit.atp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.atp.calendar.Berlin;
import io.omskit.atp.calendar.PickupSchedule;
import io.omskit.core.catalog.Sku;
import io.omskit.core.channel.Channel;
import io.omskit.core.common.ValidationException;
import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.network.Capability;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.HolidayCalendar;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.orchestration.SourcingEngine;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rules.CapabilityFilter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** "Which stores near me can give me this cart, from when": express collection from the shelf, ship-to-store. */
class PickupPointsTest {

    // Thursday 26 November 2026, 10:00 in Berlin
    private static final Instant NOW = Berlin.local("2026-11-26T10:00");
    private static final GeoPoint SHOPPER = GeoPoint.of(52.5219, 13.4132);
    private static final Sku A = Sku.of("A");
    private static final Sku B = Sku.of("B");
    private static final LocationId WAREHOUSE = LocationId.of("WH-BERLIN");
    private static final LocationId MITTE = LocationId.of("ST-MITTE");
    private static final LocationId KREUZBERG = LocationId.of("ST-KREUZBERG");
    private static final LocationId CLOSED = LocationId.of("ST-CLOSED");
    private static final LocationId SPANDAU = LocationId.of("ST-SPANDAU");
    private static final LocationId POTSDAM = LocationId.of("ST-POTSDAM");
    private static final LocationId OUTLET = LocationId.of("ST-OUTLET");
    private static final LocationId MUNICH = LocationId.of("ST-MUNICH");

    private final Network network = Network.of(List.of(
            Berlin.warehouse("WH-BERLIN").build(),
            Berlin.store("ST-MITTE", GeoPoint.of(52.5200, 13.4050)).build(),
            Berlin.store("ST-KREUZBERG", GeoPoint.of(52.4990, 13.4180)).build(),
            // closed today for a stock-take: its shelf holds the cart, ready tomorrow
            Berlin.store("ST-CLOSED", GeoPoint.of(52.5300, 13.3900))
                    .holidays(new HolidayCalendar("DE", "be", Set.of(LocalDate.of(2026, 11, 26)))).build(),
            Berlin.store("ST-SPANDAU", GeoPoint.of(52.5360, 13.2000)).build(),
            Berlin.store("ST-POTSDAM", GeoPoint.of(52.3900, 13.0650)).build(),
            Berlin.store("ST-OUTLET", GeoPoint.of(52.4600, 13.3300))
                    .capabilities(Set.of(Capability.SHIP, Capability.PICKUP)).build(),
            Berlin.store("ST-MUNICH", GeoPoint.of(48.14, 11.58)).build()));
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryInventoryStore store = InMemoryInventoryStore.create(clock);
    private final Atp atp;

    PickupPointsTest() {
        RuleSet any = RuleSet.builder("any").filter(new CapabilityFilter()).build();
        SourcingEngine engine = SourcingEngine.builder().network(network).clock(clock).inventory(store)
                .rules(RuleBook.of(any)).build();
        atp = Atp.builder().engine(engine).inventory(store).clock(clock)
                .calendar(PromiseCalendar.builder(network).holidays(Berlin.HOLIDAYS)
                        .pickup(LocationType.WAREHOUSE, PickupSchedule.weekdaysAt(LocalTime.of(17, 0))).build())
                .build();
        store.load(A, WAREHOUSE, 20);
        store.load(B, WAREHOUSE, 20);
        store.load(A, MITTE, 2);
        store.load(B, MITTE, 1);
        store.load(A, KREUZBERG, 5);
        store.load(A, CLOSED, 3);
        store.load(B, CLOSED, 3);
        store.load(A, SPANDAU, 2);
        store.load(B, SPANDAU, 1);
        store.load(A, OUTLET, 2);
        store.load(A, MUNICH, 9);
        store.load(B, MUNICH, 9);
    }

    private static List<CartLine> cart() {
        return List.of(CartLine.of("L1", A, 2), CartLine.of("L2", B, 1));
    }

    private PickupPoints ask(double km) {
        return atp.pickupPoints(PickupPointsRequest.of(Channel.WEB, cart(), SHOPPER).withinKm(km));
    }

    private static PickupPoint at(PickupPoints answer, LocationId store) {
        return answer.points().stream().filter(p -> p.store().equals(store)).findFirst().orElseThrow();
    }

    @Test
    void a_store_holding_the_cart_on_its_shelf_is_ready_after_its_pick_time() {
        PickupPoint mitte = at(ask(50), MITTE);

        assertThat(mitte.express().isComplete()).isTrue();
        assertThat(mitte.express().missingLines()).isEmpty();
        // open at 10:00, one hour to pick
        assertThat(mitte.express().readyAt()).isEqualTo(Berlin.local("2026-11-26T11:00"));
        assertThat(mitte.shipToStore().transferFrom()).as("the shelf holds it all: no transfer").isEmpty();
        assertThat(mitte.shipToStore().readyAt()).isEqualTo(Berlin.local("2026-11-26T11:00"));
        assertThat(mitte.distanceKm()).isCloseTo(SHOPPER.distanceKm(GeoPoint.of(52.52, 13.405)), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void a_store_missing_a_line_names_it_and_offers_ship_to_store_from_its_shelf_and_a_transfer() {
        PickupPoint kreuzberg = at(ask(50), KREUZBERG);

        assertThat(kreuzberg.express().isComplete()).isFalse();
        assertThat(kreuzberg.express().missingLines()).containsExactly("L2");
        assertThat(kreuzberg.express().readyAt()).as("what it has is ready in an hour")
                .isEqualTo(Berlin.local("2026-11-26T11:00"));
        assertThat(kreuzberg.shipToStore().isComplete()).isTrue();
        assertThat(kreuzberg.shipToStore().transferFrom()).containsExactly(WAREHOUSE);
        // the calendar's transfer: the warehouse releases at 10:00, is ready at 14:00, the carrier takes it at 17:00,
        // it arrives at the store's next opening and is received within the day
        LegTiming transfer = atp.calendar().transfer(network.indexOf(WAREHOUSE), network.indexOf(KREUZBERG), NOW);
        assertThat(kreuzberg.shipToStore().window()).isEqualTo(transfer.window());
        assertThat(kreuzberg.readyAt()).isEqualTo(transfer.window().earliest());
        assertThat(kreuzberg.readyAt()).isAfter(Berlin.local("2026-11-27T09:00"));
    }

    @Test
    void a_closed_store_is_ready_at_its_next_opening_plus_pick_time() {
        PickupPoint closed = at(ask(50), CLOSED);

        assertThat(closed.express().isComplete()).isTrue();
        assertThat(closed.express().readyAt()).isEqualTo(Berlin.local("2026-11-27T10:00"));
    }

    @Test
    void ranks_by_ready_day_then_distance_and_part_carts_last() {
        PickupPoints answer = ask(50);

        // Mitte and Spandau give the cart from their shelves today, Mitte nearer; tomorrow the closed store (its shelf),
        // Kreuzberg and Potsdam (shelf and transfer, or transfer only), nearer first; the outlet receives no transfers
        // and lacks B: it comes last
        assertThat(answer.points()).extracting(PickupPoint::store)
                .containsExactly(MITTE, SPANDAU, CLOSED, KREUZBERG, POTSDAM, OUTLET);
        PickupPoint first = answer.points().get(0);
        for (int k = 1; k < answer.points().size(); k++) {
            PickupPoint p = answer.points().get(k);
            PickupPoint before = answer.points().get(k - 1);
            if (p.givesAll() && before.givesAll()) {
                assertThat(before.readyDay()).isBeforeOrEqualTo(p.readyDay());
                if (before.readyDay().equals(p.readyDay())) {
                    assertThat(before.distanceKm()).isLessThanOrEqualTo(p.distanceKm());
                }
            }
        }
        assertThat(first.best()).hasValueSatisfying(o -> assertThat(o.method()).isEqualTo(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT));
        PickupPoint outlet = at(answer, OUTLET);
        assertThat(outlet.givesAll()).isFalse();
        assertThat(outlet.express().missingLines()).containsExactly("L2");
        assertThat(outlet.shipToStore().problem()).isEqualTo("ST-OUTLET cannot receive transfers");
        assertThat(answer.complete()).extracting(PickupPoint::store).doesNotContain(OUTLET);
    }

    @Test
    void a_far_store_is_left_out_unless_the_shopper_reaches_that_far_and_then_ranks_after_nearer_ones() {
        assertThat(ask(50).points()).extracting(PickupPoint::store).doesNotContain(MUNICH);

        PickupPoints wide = ask(1_000);

        PickupPoint munich = at(wide, MUNICH);
        assertThat(munich.distanceKm()).isGreaterThan(400);
        assertThat(munich.express().isComplete()).isTrue();
        List<LocationId> readyToday = wide.points().stream()
                .filter(p -> p.givesAll() && p.readyDay().equals(LocalDate.of(2026, 11, 26)))
                .map(PickupPoint::store).toList();
        assertThat(readyToday).containsExactly(MITTE, SPANDAU, MUNICH);
    }

    @Test
    void transfers_from_several_locations_when_none_holds_all_and_is_ready_when_the_last_arrives() {
        Sku c = Sku.of("C");
        Sku d = Sku.of("D");
        store.load(c, MUNICH, 4);
        store.load(d, WAREHOUSE, 4);
        List<CartLine> lines = List.of(CartLine.of("L1", d, 1), CartLine.of("L2", c, 1), CartLine.of("L3", Sku.of("NOWHERE"), 1));

        PickupPoint kreuzberg = at(atp.pickupPoints(PickupPointsRequest.of(Channel.WEB, lines, SHOPPER)), KREUZBERG);

        assertThat(kreuzberg.express().missingLines()).containsExactly("L1", "L2", "L3");
        assertThat(kreuzberg.express().window()).isNull();
        assertThat(kreuzberg.shipToStore().missingLines()).containsExactly("L3");
        assertThat(kreuzberg.shipToStore().transferFrom()).containsExactly(WAREHOUSE, MUNICH);
        LegTiming fromWarehouse = atp.calendar().transfer(network.indexOf(WAREHOUSE), network.indexOf(KREUZBERG), NOW);
        LegTiming fromMunich = atp.calendar().transfer(network.indexOf(MUNICH), network.indexOf(KREUZBERG), NOW);
        Instant last = fromWarehouse.window().earliest().isAfter(fromMunich.window().earliest())
                ? fromWarehouse.window().earliest() : fromMunich.window().earliest();
        assertThat(kreuzberg.shipToStore().readyAt()).isEqualTo(last);
        assertThat(kreuzberg.givesAll()).isFalse();
        assertThat(kreuzberg.readyAt()).isNull();
    }

    @Test
    void prefers_one_transfer_from_a_location_holding_everything_the_shelf_lacks() {
        Sku c = Sku.of("C");
        store.load(c, MUNICH, 4);
        List<CartLine> lines = List.of(CartLine.of("L1", B, 1), CartLine.of("L2", c, 1), CartLine.of("L3", Sku.of("NOWHERE"), 1));

        PickupPoint kreuzberg = at(atp.pickupPoints(PickupPointsRequest.of(Channel.WEB, lines, SHOPPER)), KREUZBERG);

        // only the Munich store holds both B and C; nobody holds the third line
        assertThat(kreuzberg.shipToStore().transferFrom()).containsExactly(MUNICH);
        assertThat(kreuzberg.shipToStore().missingLines()).containsExactly("L3");
        assertThat(kreuzberg.shipToStore().window())
                .isEqualTo(atp.calendar().transfer(network.indexOf(MUNICH), network.indexOf(KREUZBERG), NOW).window());
    }

    @Test
    void counts_the_shelf_after_safety_stock() {
        store.setSafetyStock(B, MITTE, 1);
        atp.index().refresh(B);

        PickupPoint mitte = at(ask(50), MITTE);

        assertThat(mitte.express().missingLines()).containsExactly("L2");
        assertThat(mitte.shipToStore().transferFrom()).containsExactly(WAREHOUSE);
    }

    @Test
    void lists_at_most_the_stores_asked_for() {
        PickupPoints two = atp.pickupPoints(PickupPointsRequest.of(Channel.WEB, cart(), SHOPPER).atMost(2));

        assertThat(two.points()).extracting(PickupPoint::store).containsExactly(MITTE, SPANDAU);
    }

    @Test
    void rejects_a_bad_question_naming_every_field() {
        assertThatThrownBy(() -> new PickupPointsRequest(List.of(), Channel.WEB, null, -1, 0, null))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("lines").hasMessageContaining("near").hasMessageContaining("maxKm")
                .hasMessageContaining("-1.0").hasMessageContaining("limit");
    }
}

package io.omskit.core.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.catalog.Sku;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.inventory.AllocationRequest;
import io.omskit.core.inventory.AllocationLine;
import io.omskit.core.inventory.MovementKey;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.inventory.ReservationLine;
import io.omskit.core.inventory.ReservationRequest;
import io.omskit.core.inventory.ReservationStatus;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.inventory.StockMovement;
import io.omskit.core.inventory.StockPosition;
import io.omskit.core.network.LocationId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Edge cases of the compact storage of the in-memory store: bulk loads, opening balances, large stripes, retention. */
class InMemoryInventoryStoreTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private static final Sku SKU = Sku.of("SKU-1");

    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    private final InMemoryInventoryStore store = InMemoryInventoryStore.create(clock);

    private static List<LocationId> locations(int n) {
        List<LocationId> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(LocationId.of("L" + i));
        }
        return ids;
    }

    @Test
    void bulk_load_seeds_positions_shown_as_one_opening_balance_entry() {
        List<LocationId> at = locations(3);
        store.load(SKU, at, new int[] {5, 0, 7});

        assertThat(store.positions(SKU)).extracting(StockPosition::onHand).containsExactly(5, 0, 7);
        assertThat(store.networkAvailable(SKU)).isEqualTo(12);
        List<StockMovement> ledger = store.movements(SKU, at.get(0));
        assertThat(ledger).singleElement().satisfies(m -> {
            assertThat(m.reason()).isEqualTo(MovementReason.OPENING_BALANCE);
            assertThat(m.onHandDelta()).isEqualTo(5);
            assertThat(m.at()).isEqualTo(T0);
        });
        assertThat(store.movements(SKU, at.get(1))).as("nothing loaded, nothing to show").isEmpty();
    }

    @Test
    void opening_balance_comes_before_movements_and_keeps_the_ledger_balanced() {
        LocationId l = LocationId.of("WH");
        store.load(SKU, l, 10);
        store.load(SKU, l, 5);
        store.adjust(StockAdjustment.of("d1", SKU, l, MovementReason.DAMAGE, 4, ""));

        List<StockMovement> ledger = store.movements(SKU, l);
        assertThat(ledger).extracting(StockMovement::reason)
                .containsExactly(MovementReason.OPENING_BALANCE, MovementReason.DAMAGE);
        assertThat(ledger.get(0).quantity()).isEqualTo(15);
        assertThat(ledger.stream().mapToInt(StockMovement::onHandDelta).sum()).isEqualTo(11)
                .isEqualTo(store.position(SKU, l).onHand());
    }

    @Test
    void loading_after_a_movement_is_refused() {
        LocationId l = LocationId.of("WH");
        store.adjust(StockAdjustment.of("r1", SKU, l, MovementReason.RECEIPT, 4, ""));

        assertThatThrownBy(() -> store.load(SKU, l, 3)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("WH");
        assertThatThrownBy(() -> store.load(SKU, locations(2), new int[] {1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.load(SKU, LocationId.of("X"), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.position(SKU, l).onHand()).isEqualTo(4);
    }

    @Test
    void a_sku_stocked_at_hundreds_of_locations_finds_each_position() {
        List<LocationId> at = locations(700);
        int[] onHand = new int[at.size()];
        for (int i = 0; i < onHand.length; i++) {
            onHand[i] = i % 4;
        }
        store.load(SKU, at.subList(0, 350), java.util.Arrays.copyOf(onHand, 350));
        for (int i = 350; i < at.size(); i++) {
            store.load(SKU, at.get(i), onHand[i]);
        }

        for (int i = 0; i < at.size(); i += 7) {
            assertThat(store.position(SKU, at.get(i)).onHand()).as("position %s", i).isEqualTo(i % 4);
        }
        assertThat(store.positions(SKU)).hasSize(700);
        assertThat(store.reserve(new ReservationRequest(ReservationKey.of("c"), "",
                List.of(ReservationLine.at(SKU, at.get(699), 3)), null)).isReserved()).isTrue();
        assertThat(store.position(SKU, at.get(699)).reserved()).isEqualTo(3);
        assertThat(store.networkAvailable(SKU)).isEqualTo(1050 - 3);
    }

    @Test
    void locations_never_seen_hold_nothing() {
        store.load(SKU, LocationId.of("WH"), 3);

        assertThat(store.position(SKU, LocationId.of("nowhere"))).isEqualTo(StockPosition.empty(SKU, LocationId.of("nowhere")));
        assertThat(store.reserve(new ReservationRequest(ReservationKey.of("c"), "",
                List.of(ReservationLine.at(SKU, LocationId.of("nowhere"), 1)), null)).isReserved()).isFalse();
        assertThat(store.positions(Sku.of("unknown"))).isEmpty();
        assertThat(store.movements(Sku.of("unknown"), LocationId.of("WH"))).isEmpty();
        assertThat(store.networkAvailable(Sku.of("unknown"))).isZero();
    }

    @Test
    void finished_reservations_are_forgotten_after_the_retention() {
        MovingClock moving = new MovingClock();
        InMemoryInventoryStore s = InMemoryInventoryStore.builder().clock(moving)
                .keepFinished(Duration.ofHours(1)).build();
        s.load(SKU, LocationId.of("WH"), 10);
        ReservationRequest cart = new ReservationRequest(ReservationKey.of("c"), "", List.of(ReservationLine.anywhere(SKU, 2)), null);
        s.reserve(cart);
        s.release(ReservationKey.of("c"));

        moving.now = T0.plus(Duration.ofMinutes(59));
        s.expireReservations(moving.now);
        assertThat(s.findReservation(ReservationKey.of("c"))).map(r -> r.status()).contains(ReservationStatus.RELEASED);

        moving.now = T0.plus(Duration.ofMinutes(61));
        s.expireReservations(moving.now);
        assertThat(s.findReservation(ReservationKey.of("c"))).isEmpty();
        assertThat(s.reserve(cart).isReserved()).as("the key is free again").isTrue();
        assertThat(s.networkReserved(SKU)).isEqualTo(2);
    }

    @Test
    void an_allocation_with_nothing_left_open_is_forgotten_after_the_retention() {
        MovingClock moving = new MovingClock();
        InMemoryInventoryStore s = InMemoryInventoryStore.builder().clock(moving).keepFinished(Duration.ofHours(1)).build();
        LocationId wh = LocationId.of("WH");
        s.load(SKU, wh, 10);
        AllocationKey shipped = AllocationKey.of("shipped");
        AllocationKey partly = AllocationKey.of("partly");
        s.allocate(new AllocationRequest(shipped, "", List.of(AllocationLine.of(SKU, wh, 3)), null));
        s.allocate(new AllocationRequest(partly, "", List.of(AllocationLine.of(SKU, wh, 3)), null));
        s.ship(shipped, SKU, wh, 2, MovementKey.of("m1"));
        s.deallocate(shipped, SKU, wh, 1);
        s.ship(partly, SKU, wh, 2, MovementKey.of("m2"));

        moving.now = T0.plus(Duration.ofMinutes(59));
        s.expireReservations(moving.now);
        assertThat(s.findAllocation(shipped)).as("still within the retention").isPresent();

        moving.now = T0.plus(Duration.ofMinutes(61));
        s.expireReservations(moving.now);
        assertThat(s.findAllocation(shipped)).isEmpty();
        assertThat(s.findAllocation(partly)).as("one unit still open").isPresent();
        assertThat(s.ship(shipped, SKU, wh, 2, MovementKey.of("m1")).quantity()).as("a shipment retry still replays")
                .isEqualTo(2);
        assertThat(s.position(SKU, wh).onHand()).isEqualTo(6);
        assertThat(s.position(SKU, wh).allocated()).isEqualTo(1);
    }

    @Test
    void zero_retention_forgets_a_released_reservation_at_once() {
        InMemoryInventoryStore s = InMemoryInventoryStore.builder().clock(clock)
                .keepFinished(Duration.ZERO).build();
        s.load(SKU, LocationId.of("WH"), 10);
        s.reserve(new ReservationRequest(ReservationKey.of("c"), "", List.of(ReservationLine.anywhere(SKU, 2)), null));

        assertThat(s.release(ReservationKey.of("c"))).map(r -> r.status()).contains(ReservationStatus.RELEASED);
        assertThat(s.findReservation(ReservationKey.of("c"))).isEmpty();
    }

    @Test
    void shipment_reason_is_not_an_adjustment() {
        assertThatThrownBy(() -> store.adjust(StockAdjustment.of("s", SKU, LocationId.of("WH"), MovementReason.SHIPMENT, 1, "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ship()");
    }

    @Test
    void builder_requires_a_clock() {
        assertThatThrownBy(() -> InMemoryInventoryStore.builder().build()).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("clock");
    }

    private static final class MovingClock extends Clock {
        volatile Instant now = T0;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

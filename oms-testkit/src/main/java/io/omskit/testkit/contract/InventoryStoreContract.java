package io.omskit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.omskit.core.catalog.Sku;
import io.omskit.core.inmemory.RecordingEventPublisher;
import io.omskit.core.inventory.AdjustmentResult;
import io.omskit.core.inventory.Allocation;
import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.inventory.AllocationLine;
import io.omskit.core.inventory.AllocationRequest;
import io.omskit.core.inventory.AllocationResult;
import io.omskit.core.inventory.HeldStock;
import io.omskit.core.inventory.InboundSupply;
import io.omskit.core.inventory.InventoryEvent;
import io.omskit.core.inventory.MovementKey;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.Reservation;
import io.omskit.core.inventory.ReservationChange;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.inventory.ReservationLine;
import io.omskit.core.inventory.ReservationRequest;
import io.omskit.core.inventory.ReservationResult;
import io.omskit.core.inventory.ReservationStatus;
import io.omskit.core.inventory.Shortage;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.inventory.StockLevel;
import io.omskit.core.inventory.StockMovement;
import io.omskit.core.inventory.StockPosition;
import io.omskit.core.inventory.StockThresholds;
import io.omskit.core.inventory.ThresholdPolicy;
import io.omskit.core.network.LocationId;
import io.omskit.core.spi.EventPublisher;
import io.omskit.core.spi.InventoryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;
import net.jqwik.api.state.ActionChain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link InventoryStore}, clause by clause (§1 to §12 of its Javadoc). An adapter passes the TCK
 * when a subclass implementing {@link #newStore(Clock, EventPublisher)} runs green:
 *
 * <pre>{@code
 * class MyInventoryStoreContractTest extends InventoryStoreContract {
 *     protected InventoryStore newStore(Clock clock, EventPublisher publisher) {
 *         return new MyInventoryStore(dataSource, clock, publisher);
 *     }
 * }
 * }</pre>
 *
 * <p>The stores must start empty, use the given clock and publisher, and apply the default thresholds
 * ({@link StockThresholds#defaults()}: low at 5 units, no overstock). The threshold clauses that need other
 * thresholds call {@link #newStore(Clock, EventPublisher, ThresholdPolicy)}, which an adapter overrides.
 * The stateful property runs {@code tries = 100} chains of up to 40 actions; a slow adapter annotates its subclass
 * with {@code @PropertyDefaults(tries = 10)}.
 */
@PropertyDefaults(tries = 100)
public abstract class InventoryStoreContract {

    protected static final Sku A = Sku.of("SKU-A");
    protected static final Sku B = Sku.of("SKU-B");
    protected static final Sku C = Sku.of("SKU-C");
    protected static final LocationId WH1 = LocationId.of("WH1");
    protected static final LocationId WH2 = LocationId.of("WH2");
    protected static final LocationId ST1 = LocationId.of("ST1");
    protected static final Instant START = Instant.parse("2030-01-01T10:00:00Z");

    protected ContractClock clock;
    protected RecordingEventPublisher events;
    protected InventoryStore store;
    private final AtomicInteger keys = new AtomicInteger();

    /** A new, empty store using {@code clock}, publishing to {@code publisher}, with the default thresholds. */
    protected abstract InventoryStore newStore(Clock clock, EventPublisher publisher);

    /**
     * A new, empty store with the given thresholds. Override it to run the clauses on custom thresholds.
     *
     * @throws UnsupportedOperationException unless overridden
     */
    protected InventoryStore newStore(Clock clock, EventPublisher publisher, ThresholdPolicy thresholds) {
        throw new UnsupportedOperationException(
                "override newStore(Clock, EventPublisher, ThresholdPolicy) to run the threshold clauses");
    }

    @BeforeEach
    void newStoreForEachTest() {
        clock = new ContractClock(START);
        events = new RecordingEventPublisher();
        store = newStore(clock, events);
    }

    // ---------------------------------------------------------------- fixtures

    /** Receives {@code quantity} units (a RECEIPT) and forgets the events it raised. */
    protected void stock(Sku sku, LocationId location, int quantity) {
        AdjustmentResult r = store.adjust(adjustment(sku, location, MovementReason.RECEIPT, quantity));
        assertThat(r.isApplied()).as("receipt of %s %s at %s", quantity, sku, location).isTrue();
        events.clear();
    }

    protected StockAdjustment adjustment(Sku sku, LocationId location, MovementReason reason, int quantity) {
        return StockAdjustment.of("mv-" + keys.incrementAndGet(), sku, location, reason, quantity, "test");
    }

    protected ReservationRequest cart(String key, ReservationLine... lines) {
        return new ReservationRequest(ReservationKey.of(key), "cart " + key, List.of(lines), null);
    }

    protected ReservationResult reserve(String key, ReservationLine... lines) {
        return store.reserve(cart(key, lines));
    }

    protected static ReservationLine anywhere(Sku sku, int quantity) {
        return ReservationLine.anywhere(sku, quantity);
    }

    protected static ReservationLine at(Sku sku, LocationId location, int quantity) {
        return ReservationLine.at(sku, location, quantity);
    }

    protected AllocationResult allocate(String key, String reservation, AllocationLine... lines) {
        return store.allocate(new AllocationRequest(AllocationKey.of(key), "order " + key, List.of(lines),
                reservation == null ? null : ReservationKey.of(reservation)));
    }

    protected static AllocationLine line(Sku sku, LocationId location, int quantity) {
        return AllocationLine.of(sku, location, quantity);
    }

    protected static int ledgerOnHand(List<StockMovement> movements) {
        int sum = 0;
        for (StockMovement m : movements) {
            sum += m.onHandDelta();
        }
        return sum;
    }

    private static Reservation reserved(ReservationResult r) {
        assertThat(r.isReserved()).as("reserved: %s", r).isTrue();
        return ((ReservationResult.Reserved) r).reservation();
    }

    private static List<Shortage> shortages(ReservationResult r) {
        assertThat(r.isReserved()).as("insufficient: %s", r).isFalse();
        return ((ReservationResult.Insufficient) r).shortages();
    }

    private static Allocation allocated(AllocationResult r) {
        assertThat(r.isAllocated()).as("allocated: %s", r).isTrue();
        return ((AllocationResult.Allocated) r).allocation();
    }

    // ---------------------------------------------------------------- §1 never oversells

    @Test
    @DisplayName("InventoryStore §1: a pinned reservation needs available to sell at its location")
    void pinned_reservation_needs_stock_at_its_location() {
        stock(A, WH1, 3);
        stock(A, WH2, 10);

        assertThat(shortages(reserve("c1", at(A, WH1, 4)))).containsExactly(new Shortage(A, WH1, 4, 3));
        reserved(reserve("c2", at(A, WH1, 3)));

        assertThat(store.position(A, WH1).reserved()).isEqualTo(3);
        assertThat(store.position(A, WH1).availableToSell()).isZero();
        assertThat(store.networkAvailable(A)).isEqualTo(10);
    }

    @Test
    @DisplayName("InventoryStore §1: a network-wide reservation draws on the sum of every position's available to sell")
    void network_wide_reservation_draws_on_the_whole_network() {
        stock(A, WH1, 3);
        stock(A, ST1, 4);

        reserved(reserve("c1", anywhere(A, 6)));

        assertThat(store.networkReserved(A)).isEqualTo(6);
        assertThat(store.networkAvailable(A)).isEqualTo(1);
        assertThat(store.position(A, WH1).reserved()).as("network-wide units are not pinned").isZero();
        assertThat(shortages(reserve("c2", anywhere(A, 2)))).containsExactly(new Shortage(A, null, 2, 1));
    }

    @Test
    @DisplayName("InventoryStore §1: network-wide reservations limit what a pinned reservation can take")
    void network_wide_reservations_limit_pinned_ones() {
        stock(A, WH1, 5);
        stock(A, WH2, 5);
        reserved(reserve("c1", anywhere(A, 8)));

        List<Shortage> s = shortages(reserve("c2", at(A, WH1, 3)));

        assertThat(s).containsExactly(new Shortage(A, null, 3, 2));
        reserved(reserve("c3", at(A, WH1, 2)));
        assertThat(store.networkAvailable(A)).isZero();
    }

    @Test
    @DisplayName("InventoryStore §1: safety stock is kept back from sale")
    void safety_stock_is_kept_back() {
        stock(A, WH1, 10);
        store.setSafetyStock(A, WH1, 4);

        assertThat(store.position(A, WH1).availableToSell()).isEqualTo(6);
        assertThat(store.networkAvailable(A)).isEqualTo(6);
        assertThat(shortages(reserve("c1", at(A, WH1, 7)))).containsExactly(new Shortage(A, WH1, 7, 6));
    }

    @Test
    @DisplayName("InventoryStore §1: safety stock that would uncover network-wide reservations is refused")
    void safety_stock_cannot_uncover_network_reservations() {
        stock(A, WH1, 10);
        reserved(reserve("c1", anywhere(A, 8)));

        assertThatThrownBy(() -> store.setSafetyStock(A, WH1, 3)).isInstanceOf(IllegalStateException.class);

        assertThat(store.position(A, WH1).safetyStock()).isZero();
        store.setSafetyStock(A, WH1, 2);
        assertThat(store.networkAvailable(A)).isZero();
    }

    @Test
    @DisplayName("InventoryStore §1: 8 threads rushing a hot SKU of 100 units get exactly 100 reservations")
    void hot_sku_rush_never_oversells() throws Exception {
        stock(A, WH1, 60);
        stock(A, WH2, 40);
        int threads = 8;
        int attempts = 50;
        AtomicInteger succeeded = new AtomicInteger();
        runConcurrently(threads, t -> {
            for (int i = 0; i < attempts; i++) {
                ReservationLine line = i % 2 == 0 ? anywhere(A, 1) : at(A, t % 2 == 0 ? WH1 : WH2, 1);
                if (store.reserve(cart("hot-" + t + "-" + i, line)).isReserved()) {
                    succeeded.incrementAndGet();
                }
            }
        });

        assertThat(succeeded.get()).isEqualTo(100);
        assertNeverOversold(A);
        assertThat(store.networkAvailable(A)).isZero();
    }

    @Test
    @DisplayName("InventoryStore §1: bundle carts drawing twice on one SKU never oversell under concurrency")
    void bundle_carts_never_oversell() throws Exception {
        stock(A, WH1, 31);
        stock(B, WH1, 1000);
        int threads = 8;
        AtomicInteger succeeded = new AtomicInteger();
        runConcurrently(threads, t -> {
            for (int i = 0; i < 20; i++) {
                ReservationResult r = store.reserve(cart("bundle-" + t + "-" + i,
                        at(A, WH1, 1), anywhere(B, 1), anywhere(A, 1)));
                if (r.isReserved()) {
                    succeeded.incrementAndGet();
                }
            }
        });

        assertThat(succeeded.get()).as("31 units, 2 per cart").isEqualTo(15);
        assertNeverOversold(A);
        StockPosition a = store.position(A, WH1);
        assertThat(a.reserved() + store.networkReserved(A)).isEqualTo(30);
        assertThat(store.networkReserved(B)).isEqualTo(15);
    }

    @Test
    @DisplayName("InventoryStore §1: carts naming the same SKUs in opposite orders never deadlock")
    void opposite_order_carts_do_not_deadlock() {
        stock(A, WH1, 1_000_000);
        stock(B, WH1, 1_000_000);
        stock(C, WH1, 1_000_000);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> runConcurrently(4, t -> {
            for (int i = 0; i < 500; i++) {
                String key = "x-" + t + "-" + i;
                ReservationResult r = t % 2 == 0
                        ? store.reserve(cart(key, at(A, WH1, 1), anywhere(B, 1), at(C, WH1, 1)))
                        : store.reserve(cart(key, at(C, WH1, 1), at(B, WH1, 1), anywhere(A, 1)));
                assertThat(r.isReserved()).isTrue();
                if (i % 3 == 0) {
                    store.allocate(new AllocationRequest(AllocationKey.of(key), "o", List.of(
                            line(B, WH1, 1), line(A, WH1, 1), line(C, WH1, 1)), ReservationKey.of(key)));
                } else {
                    store.release(ReservationKey.of(key));
                }
            }
        }));
        assertNeverOversold(A);
        assertNeverOversold(B);
        assertNeverOversold(C);
        assertThat(store.networkReserved(A) + store.networkReserved(B) + store.networkReserved(C)).isZero();
    }

    /** Checks clause §1 for every position of {@code sku}. */
    protected void assertNeverOversold(Sku sku) {
        int sumAts = 0;
        for (StockPosition p : store.positions(sku)) {
            assertThat(p.onHand()).as("on hand of %s", p).isGreaterThanOrEqualTo(p.reserved() + p.allocated());
            sumAts += p.availableToSell();
        }
        assertThat(store.networkReserved(sku)).as("network reservations of %s", sku).isLessThanOrEqualTo(sumAts);
    }

    /** A task run by one of several threads; {@code t} is the thread number. */
    @FunctionalInterface
    protected interface ThreadTask extends Together.ThreadTask {
    }

    /** Runs {@code task} on {@code threads} threads started together; rethrows the first failure. */
    protected static void runConcurrently(int threads, ThreadTask task) throws Exception {
        Together.run(threads, task);
    }

    // ---------------------------------------------------------------- §2 ledger

    @Test
    @DisplayName("InventoryStore §2: every applied adjustment is a ledger entry, and on hand is the ledger's sum")
    void ledger_sums_to_on_hand() {
        store.adjust(adjustment(A, WH1, MovementReason.RECEIPT, 20));
        store.adjust(adjustment(A, WH1, MovementReason.DAMAGE, 3));
        store.adjust(adjustment(A, WH1, MovementReason.COUNT_GAIN, 2));
        store.adjust(adjustment(A, WH1, MovementReason.QUARANTINE, 4));
        store.adjust(adjustment(A, WH1, MovementReason.RELEASE_FROM_QUARANTINE, 1));

        List<StockMovement> ledger = store.movements(A, WH1);
        assertThat(ledger).extracting(StockMovement::reason).containsExactly(MovementReason.RECEIPT,
                MovementReason.DAMAGE, MovementReason.COUNT_GAIN, MovementReason.QUARANTINE,
                MovementReason.RELEASE_FROM_QUARANTINE);
        StockPosition p = store.position(A, WH1);
        assertThat(p.onHand()).isEqualTo(16).isEqualTo(ledgerOnHand(ledger));
        assertThat(p.quarantine()).isEqualTo(3);
        assertThat(ledger).allSatisfy(m -> assertThat(m.at()).isEqualTo(START));
    }

    @Test
    @DisplayName("InventoryStore §2: shipping writes a SHIPMENT movement and keeps the ledger balanced")
    void shipping_is_a_ledger_entry() {
        stock(A, WH1, 10);
        allocated(allocate("f1", null, line(A, WH1, 4)));

        StockMovement m = store.ship(AllocationKey.of("f1"), A, WH1, 3, MovementKey.of("ship-1"));

        assertThat(m.reason()).isEqualTo(MovementReason.SHIPMENT);
        assertThat(m.onHandDelta()).isEqualTo(-3);
        StockPosition p = store.position(A, WH1);
        assertThat(p.onHand()).isEqualTo(7).isEqualTo(ledgerOnHand(store.movements(A, WH1)));
        assertThat(p.allocated()).isEqualTo(1);
        assertThat(store.findAllocation(AllocationKey.of("f1")).orElseThrow().open()).containsExactly(line(A, WH1, 1));
    }

    @Test
    @DisplayName("InventoryStore §2: an adjustment that would take a bucket below zero is refused and changes nothing")
    void adjustment_below_zero_is_refused() {
        stock(A, WH1, 2);

        AdjustmentResult damage = store.adjust(adjustment(A, WH1, MovementReason.DAMAGE, 3));
        AdjustmentResult writeOff = store.adjust(adjustment(A, WH1, MovementReason.QUARANTINE_WRITE_OFF, 1));
        AdjustmentResult cancel = store.adjust(adjustment(A, WH1, MovementReason.INBOUND_CANCELLED, 1));

        assertThat(List.of(damage, writeOff, cancel)).allSatisfy(r -> {
            assertThat(r.isApplied()).isFalse();
            assertThat(((AdjustmentResult.Refused) r).reason()).isNotBlank();
        });
        assertThat(store.position(A, WH1).onHand()).isEqualTo(2);
        assertThat(store.movements(A, WH1)).hasSize(1);
        assertThat(events.events()).isEmpty();
    }

    @Test
    @DisplayName("InventoryStore §2: an adjustment that would leave reserved or allocated units without stock is refused")
    void adjustment_under_held_units_is_refused() {
        stock(A, WH1, 10);
        reserved(reserve("c1", at(A, WH1, 4)));
        allocated(allocate("f1", null, line(A, WH1, 3)));

        AdjustmentResult r = store.adjust(adjustment(A, WH1, MovementReason.SHRINKAGE, 4));

        assertThat(r.isApplied()).isFalse();
        assertThat(store.adjust(adjustment(A, WH1, MovementReason.SHRINKAGE, 3)).isApplied()).isTrue();
        assertThat(store.position(A, WH1).onHand()).isEqualTo(7);
    }

    @Test
    @DisplayName("InventoryStore §2: an adjustment that would leave network-wide reservations uncovered is refused")
    void adjustment_uncovering_network_reservations_is_refused() {
        stock(A, WH1, 5);
        stock(A, WH2, 5);
        reserved(reserve("c1", anywhere(A, 8)));

        assertThat(store.adjust(adjustment(A, WH2, MovementReason.COUNT_LOSS, 3)).isApplied()).isFalse();
        assertThat(store.adjust(adjustment(A, WH2, MovementReason.QUARANTINE, 2)).isApplied()).isTrue();
        assertNeverOversold(A);
    }

    @Test
    @DisplayName("InventoryStore §2: inbound supply is kept with its ETA and received by reference first, else earliest ETA")
    void inbound_supply_is_consumed_by_reference_then_eta() {
        Instant soon = START.plus(Duration.ofDays(2));
        Instant later = START.plus(Duration.ofDays(9));
        store.adjust(new StockAdjustment(MovementKey.of("po-2"), A, WH1, MovementReason.INBOUND_EXPECTED, 5, later, "PO-2"));
        store.adjust(new StockAdjustment(MovementKey.of("po-1"), A, WH1, MovementReason.INBOUND_EXPECTED, 4, soon, "PO-1"));
        store.adjust(new StockAdjustment(MovementKey.of("po-3"), A, WH2, MovementReason.INBOUND_EXPECTED, 7, soon, "PO-3"));
        assertThat(store.inbound(A)).extracting(InboundSupply::reference).containsExactly("PO-1", "PO-3", "PO-2");

        store.adjust(StockAdjustment.of("rcv-1", A, WH1, MovementReason.INBOUND_RECEIVED, 3, "PO-2"));
        store.adjust(StockAdjustment.of("rcv-2", A, WH1, MovementReason.INBOUND_RECEIVED, 5, "no such PO"));

        assertThat(store.inbound(A)).containsExactly(new InboundSupply(A, WH2, 7, soon, "PO-3"),
                new InboundSupply(A, WH1, 1, later, "PO-2"));
        StockPosition p = store.position(A, WH1);
        assertThat(p.inbound()).isEqualTo(1);
        assertThat(p.onHand()).isEqualTo(8);
        assertThat(store.adjust(StockAdjustment.of("cancel", A, WH1, MovementReason.INBOUND_CANCELLED, 2, "")).isApplied())
                .as("only 1 unit is still expected").isFalse();
    }

    @Test
    @DisplayName("InventoryStore §2: receiving all of the supply named by the reference leaves no supply behind")
    void inbound_supply_received_in_full_by_reference() {
        Instant eta = START.plus(Duration.ofDays(3));
        store.adjust(new StockAdjustment(MovementKey.of("po-1"), A, WH1, MovementReason.INBOUND_EXPECTED, 3, eta, "PO-1"));

        AdjustmentResult received = store.adjust(StockAdjustment.of("rcv-1", A, WH1, MovementReason.INBOUND_RECEIVED, 3,
                "PO-1"));

        assertThat(received.isApplied()).isTrue();
        assertThat(store.inbound(A)).isEmpty();
        assertThat(store.position(A, WH1)).isEqualTo(new StockPosition(A, WH1, 3, 0, 0, 0, 0, 0, 0));
    }

    @Test
    @DisplayName("InventoryStore §2: returns in transit and quarantine move between buckets as their reasons say")
    void returns_move_between_buckets() {
        store.adjust(adjustment(A, WH1, MovementReason.RETURN_EXPECTED, 3));
        store.adjust(adjustment(A, WH1, MovementReason.RETURN_RESTOCKED, 1));
        store.adjust(adjustment(A, WH1, MovementReason.RETURN_TO_QUARANTINE, 2));
        store.adjust(adjustment(A, WH1, MovementReason.QUARANTINE_WRITE_OFF, 1));
        store.adjust(adjustment(A, WH1, MovementReason.RETURN_EXPECTED, 2));
        store.adjust(adjustment(A, WH1, MovementReason.RETURN_CANCELLED, 2));

        StockPosition p = store.position(A, WH1);
        assertThat(p).isEqualTo(new StockPosition(A, WH1, 1, 0, 0, 0, 0, 0, 1));
        assertThat(ledgerOnHand(store.movements(A, WH1))).isEqualTo(1);
    }

    // ---------------------------------------------------------------- §3 all-or-nothing

    @Test
    @DisplayName("InventoryStore §3: a reservation is all-or-nothing: one short line holds nothing and lists the shortage")
    void reservation_is_all_or_nothing() {
        stock(A, WH1, 5);
        stock(B, WH1, 1);

        List<Shortage> s = shortages(reserve("c1", at(A, WH1, 2), anywhere(B, 2), anywhere(C, 1)));

        assertThat(s).containsExactlyInAnyOrder(new Shortage(B, null, 2, 1), new Shortage(C, null, 1, 0));
        assertThat(store.position(A, WH1).reserved()).isZero();
        assertThat(store.networkReserved(B)).isZero();
        assertThat(store.findReservation(ReservationKey.of("c1"))).isEmpty();
        assertThat(events.events()).isEmpty();
    }

    @Test
    @DisplayName("InventoryStore §3: lines repeating a SKU are added up before checking")
    void repeated_skus_are_added_up() {
        stock(A, WH1, 3);

        List<Shortage> s = shortages(reserve("c1", at(A, WH1, 2), at(A, WH1, 2)));
        assertThat(s).containsExactly(new Shortage(A, WH1, 4, 3));

        List<Shortage> mixed = shortages(reserve("c2", at(A, WH1, 2), anywhere(A, 2)));
        assertThat(mixed).containsExactly(new Shortage(A, null, 4, 3));

        Reservation r = reserved(reserve("c3", anywhere(A, 1), at(A, WH1, 1), anywhere(A, 1)));
        assertThat(r.heldQuantity(A)).isEqualTo(3);
        assertThat(store.networkAvailable(A)).isZero();
    }

    @Test
    @DisplayName("InventoryStore §3: an allocation is all-or-nothing")
    void allocation_is_all_or_nothing() {
        stock(A, WH1, 5);
        stock(B, WH2, 1);

        AllocationResult r = allocate("f1", null, line(A, WH1, 5), line(B, WH2, 2), line(C, WH1, 1));

        assertThat(r.isAllocated()).isFalse();
        assertThat(((AllocationResult.Insufficient) r).shortages()).containsExactlyInAnyOrder(
                new Shortage(B, WH2, 2, 1), new Shortage(C, WH1, 1, 0));
        assertThat(store.position(A, WH1).allocated()).isZero();
        assertThat(store.findAllocation(AllocationKey.of("f1"))).isEmpty();
    }

    @Test
    @DisplayName("InventoryStore §3: a short allocation leaves the reservation it would have drawn on untouched")
    void short_allocation_keeps_reservation() {
        stock(A, WH1, 2);
        stock(A, WH2, 1);
        reserved(reserve("c1", anywhere(A, 2), at(A, WH2, 1)));

        AllocationResult r = allocate("f1", "c1", line(A, WH2, 3));

        assertThat(r.isAllocated()).isFalse();
        Reservation c1 = store.findReservation(ReservationKey.of("c1")).orElseThrow();
        assertThat(c1.status()).isEqualTo(ReservationStatus.ACTIVE);
        assertThat(c1.heldQuantity(A)).isEqualTo(3);
        assertThat(store.position(A, WH2)).isEqualTo(new StockPosition(A, WH2, 1, 1, 0, 0, 0, 0, 0));
        assertThat(store.networkReserved(A)).isEqualTo(2);
    }

    // ---------------------------------------------------------------- §4 idempotency

    @Test
    @DisplayName("InventoryStore §4: reserving again with the same key replays the first reservation and holds nothing more")
    void reservation_replay_holds_nothing_more() {
        stock(A, WH1, 10);
        Reservation first = reserved(reserve("c1", at(A, WH1, 4)));

        ReservationResult again = reserve("c1", at(A, WH1, 4));

        assertThat(again).isEqualTo(new ReservationResult.Reserved(first, true));
        assertThat(store.position(A, WH1).reserved()).isEqualTo(4);
    }

    @Test
    @DisplayName("InventoryStore §4: a replay returns the reservation whatever its status now")
    void replay_returns_released_reservation() {
        stock(A, WH1, 10);
        reserved(reserve("c1", anywhere(A, 4)));
        store.release(ReservationKey.of("c1"));

        ReservationResult again = reserve("c1", anywhere(A, 4));

        assertThat(again.isReserved()).isTrue();
        assertThat(((ReservationResult.Reserved) again).replayed()).isTrue();
        assertThat(((ReservationResult.Reserved) again).reservation().status()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(store.networkReserved(A)).isZero();
    }

    @Test
    @DisplayName("InventoryStore §4: a reservation key reused with other lines is refused, naming the key")
    void reservation_key_reuse_is_refused() {
        stock(A, WH1, 10);
        reserved(reserve("c1", anywhere(A, 4)));

        assertThatThrownBy(() -> reserve("c1", anywhere(A, 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("c1");
        assertThat(store.networkReserved(A)).isEqualTo(4);
    }

    @Test
    @DisplayName("InventoryStore §4: a refused attempt does not use up its key")
    void insufficient_attempt_leaves_key_free() {
        assertThat(reserve("c1", anywhere(A, 4)).isReserved()).isFalse();
        stock(A, WH1, 10);

        ReservationResult r = reserve("c1", anywhere(A, 4));

        assertThat(r.isReserved()).isTrue();
        assertThat(((ReservationResult.Reserved) r).replayed()).isFalse();
    }

    @Test
    @DisplayName("InventoryStore §4: allocating again with the same key replays; reusing it for other lines is refused")
    void allocation_replay() {
        stock(A, WH1, 10);
        Allocation first = allocated(allocate("f1", null, line(A, WH1, 4)));

        AllocationResult again = allocate("f1", null, line(A, WH1, 4));

        assertThat(again).isEqualTo(new AllocationResult.Allocated(first, true));
        assertThat(store.position(A, WH1).allocated()).isEqualTo(4);
        assertThatThrownBy(() -> allocate("f1", null, line(A, WH1, 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("f1");
    }

    @Test
    @DisplayName("InventoryStore §4: the first used of several allocation keys is found, in the order the keys are given")
    void first_allocation_of_several_keys() {
        stock(A, WH1, 10);
        Allocation second = allocated(allocate("f-2", null, line(A, WH1, 2)));
        Allocation third = allocated(allocate("f-3", null, line(A, WH1, 3)));

        assertThat(store.findFirstAllocation(List.of(AllocationKey.of("f-1"), AllocationKey.of("f-2"), AllocationKey.of("f-3"))))
                .contains(second);
        assertThat(store.findFirstAllocation(List.of(AllocationKey.of("f-3"), AllocationKey.of("f-2")))).contains(third);
        assertThat(store.findFirstAllocation(List.of(AllocationKey.of("f-1"), AllocationKey.of("f-4")))).isEmpty();
        assertThat(store.findFirstAllocation(List.of())).isEmpty();
    }

    @Test
    @DisplayName("InventoryStore §4: adjusting again with the same movement key changes nothing; other content is refused")
    void adjustment_replay() {
        StockAdjustment receipt = StockAdjustment.of("rcv-1", A, WH1, MovementReason.RECEIPT, 5, "PO-1");
        AdjustmentResult first = store.adjust(receipt);

        AdjustmentResult again = store.adjust(receipt);

        assertThat(again.isApplied()).isTrue();
        AdjustmentResult.Applied replay = (AdjustmentResult.Applied) again;
        assertThat(replay.replayed()).isTrue();
        assertThat(replay.movement()).isEqualTo(((AdjustmentResult.Applied) first).movement());
        assertThat(store.position(A, WH1).onHand()).isEqualTo(5);
        assertThat(store.movements(A, WH1)).hasSize(1);
        assertThatThrownBy(() -> store.adjust(StockAdjustment.of("rcv-1", A, WH1, MovementReason.RECEIPT, 6, "PO-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rcv-1");
    }

    @Test
    @DisplayName("InventoryStore §4: shipping again with the same movement key changes nothing")
    void shipment_replay() {
        stock(A, WH1, 10);
        allocated(allocate("f1", null, line(A, WH1, 4)));
        StockMovement first = store.ship(AllocationKey.of("f1"), A, WH1, 2, MovementKey.of("ship-1"));

        StockMovement again = store.ship(AllocationKey.of("f1"), A, WH1, 2, MovementKey.of("ship-1"));

        assertThat(again).isEqualTo(first);
        assertThat(store.position(A, WH1).onHand()).isEqualTo(8);
        assertThat(store.position(A, WH1).allocated()).isEqualTo(2);
    }

    // ---------------------------------------------------------------- §5 release, expiry, allocation, shipping

    @Test
    @DisplayName("InventoryStore §5: release lets go of everything held and is idempotent")
    void release_is_complete_and_idempotent() {
        stock(A, WH1, 10);
        stock(B, WH2, 10);
        reserved(reserve("c1", at(A, WH1, 3), anywhere(B, 2), anywhere(A, 1)));

        Reservation released = store.release(ReservationKey.of("c1")).orElseThrow();
        Reservation again = store.release(ReservationKey.of("c1")).orElseThrow();

        assertThat(released.status()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(released.held()).isEmpty();
        assertThat(again).isEqualTo(released);
        assertThat(store.position(A, WH1).reserved()).isZero();
        assertThat(store.networkAvailable(A)).isEqualTo(10);
        assertThat(store.networkAvailable(B)).isEqualTo(10);
        assertThat(store.release(ReservationKey.of("never"))).isEmpty();
    }

    @Test
    @DisplayName("InventoryStore §5: partial release lets go of network-wide units first")
    void partial_release_network_wide_first() {
        stock(A, WH1, 10);
        reserved(reserve("c1", at(A, WH1, 3), anywhere(A, 2)));

        Reservation r = store.release(ReservationKey.of("c1"), A, 3).orElseThrow();

        assertThat(r.status()).isEqualTo(ReservationStatus.ACTIVE);
        assertThat(r.held()).containsExactly(at(A, WH1, 2));
        assertThat(store.networkReserved(A)).isZero();
        assertThat(store.position(A, WH1).reserved()).isEqualTo(2);
        assertThat(store.networkAvailable(A)).isEqualTo(8);
    }

    @Test
    @DisplayName("InventoryStore §5: partial release of everything held ends the reservation; of more is refused")
    void partial_release_to_nothing() {
        stock(A, WH1, 10);
        stock(B, WH1, 10);
        reserved(reserve("c1", anywhere(A, 2), anywhere(B, 1)));

        assertThatThrownBy(() -> store.release(ReservationKey.of("c1"), A, 3)).isInstanceOf(IllegalArgumentException.class);
        store.release(ReservationKey.of("c1"), A, 2);
        assertThat(store.findReservation(ReservationKey.of("c1")).orElseThrow().status()).isEqualTo(ReservationStatus.ACTIVE);
        Reservation r = store.release(ReservationKey.of("c1"), B, 1).orElseThrow();

        assertThat(r.status()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(r.held()).isEmpty();
        assertThat(store.networkReserved(A) + store.networkReserved(B)).isZero();
    }

    @Test
    @DisplayName("InventoryStore §5: expiry frees the units of the reservations whose expiry has passed, and only those")
    void expiry_frees_lapsed_reservations() {
        stock(A, WH1, 10);
        Instant in15 = START.plus(Duration.ofMinutes(15));
        Instant in30 = START.plus(Duration.ofMinutes(30));
        store.reserve(new ReservationRequest(ReservationKey.of("c15"), "", List.of(anywhere(A, 2)), in15));
        store.reserve(new ReservationRequest(ReservationKey.of("c30"), "", List.of(at(A, WH1, 3)), in30));
        store.reserve(new ReservationRequest(ReservationKey.of("forever"), "", List.of(anywhere(A, 1)), null));

        clock.advance(Duration.ofMinutes(15));
        List<Reservation> expired = store.expireReservations(in15);

        assertThat(expired).extracting(Reservation::key).containsExactly(ReservationKey.of("c15"));
        assertThat(expired.get(0).status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(store.networkReserved(A)).isEqualTo(1);
        assertThat(store.position(A, WH1).reserved()).isEqualTo(3);
        assertThat(store.expireReservations(in15)).isEmpty();
        assertThat(store.expireReservations(in30.plusSeconds(3600))).extracting(Reservation::key)
                .containsExactly(ReservationKey.of("c30"));
        assertThat(store.networkAvailable(A)).isEqualTo(9);
    }

    @Test
    @DisplayName("InventoryStore §5: concurrent expiry sweeps expire each lapsed hold once, skip released ones and keep later ones")
    void concurrent_expiry_sweeps_expire_each_lapsed_hold_once() throws Exception {
        stock(A, WH1, 1000);
        int holds = 300;
        for (int i = 0; i < holds; i++) {
            Instant expiry = START.plus(Duration.ofMinutes(1 + i % 30));
            store.reserve(new ReservationRequest(ReservationKey.of("h" + i), "",
                    List.of(i % 2 == 0 ? anywhere(A, 1) : at(A, WH1, 1)), expiry));
        }
        for (int i = 0; i < holds; i += 3) {
            store.release(ReservationKey.of("h" + i));
        }
        Instant sweepAt = START.plus(Duration.ofMinutes(20));
        clock.advance(Duration.ofMinutes(20));
        java.util.Queue<ReservationKey> expired = new java.util.concurrent.ConcurrentLinkedQueue<>();

        runConcurrently(4, t -> {
            for (Reservation r : store.expireReservations(sweepAt)) {
                expired.add(r.key());
            }
        });

        List<ReservationKey> due = new java.util.ArrayList<>();
        for (int i = 0; i < holds; i++) {
            if (i % 3 != 0 && 1 + i % 30 <= 20) {
                due.add(ReservationKey.of("h" + i));
            }
        }
        assertThat(expired).as("each due hold expired once").containsExactlyInAnyOrderElementsOf(due);
        int stillHeld = 0;
        for (int i = 0; i < holds; i++) {
            java.util.Optional<Reservation> r = store.findReservation(ReservationKey.of("h" + i));
            if (i % 3 != 0 && 1 + i % 30 > 20) {
                assertThat(r.orElseThrow().status()).isEqualTo(ReservationStatus.ACTIVE);
                stillHeld++;
            }
        }
        assertThat(store.networkAvailable(A)).isEqualTo(1000 - stillHeld);
        assertNeverOversold(A);
    }

    @Test
    @DisplayName("InventoryStore §5: an allocation converts units its reservation holds at the same location")
    void allocation_converts_pinned_units() {
        stock(A, WH1, 4);
        reserved(reserve("c1", at(A, WH1, 4)));

        Allocation a = allocated(allocate("f1", "c1", line(A, WH1, 4)));

        assertThat(a.open()).containsExactly(line(A, WH1, 4));
        assertThat(a.reservation()).isEqualTo(ReservationKey.of("c1"));
        assertThat(store.position(A, WH1)).isEqualTo(new StockPosition(A, WH1, 4, 0, 4, 0, 0, 0, 0));
        assertThat(store.findReservation(ReservationKey.of("c1")).orElseThrow().status())
                .isEqualTo(ReservationStatus.CONSUMED);
    }

    @Test
    @DisplayName("InventoryStore §5: an allocation converts network-wide units when the target location has them")
    void allocation_converts_network_units() {
        stock(A, WH1, 3);
        stock(A, WH2, 3);
        reserved(reserve("c1", anywhere(A, 6)));

        Allocation a = allocated(allocate("f1", "c1", line(A, WH1, 3), line(A, WH2, 2)));

        assertThat(a.open()).containsExactlyInAnyOrder(line(A, WH1, 3), line(A, WH2, 2));
        assertThat(store.networkReserved(A)).isEqualTo(1);
        assertThat(store.networkAvailable(A)).isZero();
        Reservation c1 = store.findReservation(ReservationKey.of("c1")).orElseThrow();
        assertThat(c1.status()).isEqualTo(ReservationStatus.ACTIVE);
        assertThat(c1.held()).containsExactly(anywhere(A, 1));
    }

    @Test
    @DisplayName("InventoryStore §5: a network-wide reservation cannot be allocated where the units are not")
    void network_units_must_be_at_target() {
        stock(A, WH1, 3);
        stock(A, WH2, 1);
        reserved(reserve("c1", anywhere(A, 3)));

        AllocationResult r = allocate("f1", "c1", line(A, WH2, 3));

        assertThat(((AllocationResult.Insufficient) r).shortages()).containsExactly(new Shortage(A, WH2, 3, 1));
        assertThat(store.networkReserved(A)).isEqualTo(3);
    }

    @Test
    @DisplayName("InventoryStore §5: units pinned elsewhere are let go and must be available at the target")
    void pinned_elsewhere_units_move() {
        stock(A, ST1, 2);
        stock(A, WH1, 5);
        reserved(reserve("c1", at(A, ST1, 2)));

        Allocation a = allocated(allocate("f1", "c1", line(A, WH1, 2)));

        assertThat(a.open()).containsExactly(line(A, WH1, 2));
        assertThat(store.position(A, ST1).reserved()).isZero();
        assertThat(store.position(A, WH1).allocated()).isEqualTo(2);
        assertThat(store.networkAvailable(A)).isEqualTo(5);
        assertThat(store.findReservation(ReservationKey.of("c1")).orElseThrow().status())
                .isEqualTo(ReservationStatus.CONSUMED);
    }

    @Test
    @DisplayName("InventoryStore §5: allocating beyond what the reservation holds needs fresh stock, network-wide too")
    void allocation_beyond_reservation_needs_fresh_stock() {
        stock(A, WH1, 5);
        reserved(reserve("c1", at(A, WH1, 2)));
        reserved(reserve("c2", anywhere(A, 2)));

        AllocationResult tooMuch = allocate("f1", "c1", line(A, WH1, 5));
        Allocation ok = allocated(allocate("f2", "c1", line(A, WH1, 3)));

        assertThat(((AllocationResult.Insufficient) tooMuch).shortages()).as("3 fresh units would uncover c2")
                .containsExactly(new Shortage(A, null, 3, 1));
        assertThat(ok.open()).containsExactly(line(A, WH1, 3));
        assertThat(store.position(A, WH1)).isEqualTo(new StockPosition(A, WH1, 5, 0, 3, 0, 0, 0, 0));
        assertThat(store.networkReserved(A)).isEqualTo(2);
        assertNeverOversold(A);
    }

    @Test
    @DisplayName("InventoryStore §5: deallocating returns units to availability; shipping consumes them")
    void deallocate_and_ship() {
        stock(A, WH1, 10);
        allocated(allocate("f1", null, line(A, WH1, 6)));

        Allocation after = store.deallocate(AllocationKey.of("f1"), A, WH1, 2);
        store.ship(AllocationKey.of("f1"), A, WH1, 4, MovementKey.of("s1"));

        assertThat(after.open()).containsExactly(line(A, WH1, 4));
        assertThat(store.position(A, WH1)).isEqualTo(new StockPosition(A, WH1, 6, 0, 0, 0, 0, 0, 0));
        assertThat(store.findAllocation(AllocationKey.of("f1")).orElseThrow().open()).isEmpty();
        assertThatThrownBy(() -> store.deallocate(AllocationKey.of("f1"), A, WH1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.ship(AllocationKey.of("f1"), A, WH1, 1, MovementKey.of("s2")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.deallocate(AllocationKey.of("nope"), A, WH1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.ship(AllocationKey.of("f1"), A, WH1, 4, MovementKey.of("s1")).quantity())
                .as("the failed attempts did not use key s2, and s1 still replays").isEqualTo(4);
    }

    // ---------------------------------------------------------------- §6 thresholds

    @Test
    @DisplayName("InventoryStore §6: falling into low stock raises one alert; movements within low raise none")
    void low_stock_once_per_crossing() {
        stock(A, WH2, 100);
        stock(A, WH1, 10);
        store.adjust(adjustment(A, WH1, MovementReason.DAMAGE, 5));
        store.adjust(adjustment(A, WH1, MovementReason.DAMAGE, 1));
        store.adjust(adjustment(A, WH1, MovementReason.DAMAGE, 1));

        assertThat(levelChanges(WH1)).containsExactly(StockLevel.NORMAL + ">" + StockLevel.LOW);
        assertThat(levelChanges(null)).isEmpty();
    }

    @Test
    @DisplayName("InventoryStore §6: out of stock and back in stock raise one alert each, per position and network")
    void out_of_stock_and_back() {
        stock(A, WH1, 20);
        reserved(reserve("c1", at(A, WH1, 20)));
        store.release(ReservationKey.of("c1"), A, 20);

        assertThat(levelChanges(WH1)).containsExactly("NORMAL>OUT_OF_STOCK", "OUT_OF_STOCK>NORMAL");
        assertThat(levelChanges(null)).containsExactly("NORMAL>OUT_OF_STOCK", "OUT_OF_STOCK>NORMAL");
        assertThat(events.events(InventoryEvent.StockLevelChanged.class)).filteredOn(
                InventoryEvent.StockLevelChanged::isBackInStock).hasSize(2)
                .allSatisfy(e -> assertThat(e.availableToSell()).isEqualTo(20));
    }

    @Test
    @DisplayName("InventoryStore §6: the first stock of a position raises its level change from out of stock")
    void first_receipt_is_back_in_stock() {
        store.adjust(adjustment(A, WH1, MovementReason.RECEIPT, 3));
        store.adjust(adjustment(A, WH1, MovementReason.RECEIPT, 3));
        store.adjust(adjustment(A, WH1, MovementReason.RECEIPT, 3));

        assertThat(levelChanges(WH1)).containsExactly("OUT_OF_STOCK>LOW", "LOW>NORMAL");
    }

    @Test
    @DisplayName("InventoryStore §6: overstock is raised once when on hand reaches the threshold")
    void overstock_once() {
        store = newStore(clock, events, ThresholdPolicy.uniform(new StockThresholds(2, 50)));
        stock(A, WH1, 40);
        store.adjust(adjustment(A, WH1, MovementReason.RECEIPT, 10));
        store.adjust(adjustment(A, WH1, MovementReason.RECEIPT, 10));
        store.adjust(adjustment(A, WH1, MovementReason.DAMAGE, 30));

        assertThat(levelChanges(WH1)).containsExactly("NORMAL>OVERSTOCK", "OVERSTOCK>NORMAL");
    }

    private List<String> levelChanges(LocationId location) {
        List<String> changes = new ArrayList<>();
        for (InventoryEvent.StockLevelChanged e : events.events(InventoryEvent.StockLevelChanged.class)) {
            if (java.util.Objects.equals(e.location(), location)) {
                changes.add(e.from() + ">" + e.to());
            }
        }
        return changes;
    }

    // ---------------------------------------------------------------- §7 events

    @Test
    @DisplayName("InventoryStore §7: a reservation publishes one StockReserved per SKU, once")
    void reservation_events() {
        stock(A, WH1, 100);
        stock(B, WH1, 100);
        reserved(reserve("c1", at(A, WH1, 1), anywhere(B, 2), anywhere(A, 1)));
        reserve("c1", at(A, WH1, 1), anywhere(B, 2), anywhere(A, 1));

        List<InventoryEvent.StockReserved> reservedEvents = events.events(InventoryEvent.StockReserved.class);
        assertThat(reservedEvents).hasSize(2);
        assertThat(reservedEvents).allSatisfy(e -> {
            assertThat(e.key()).isEqualTo(ReservationKey.of("c1"));
            assertThat(e.occurredAt()).isEqualTo(START);
            assertThat(e.lines()).allSatisfy(l -> assertThat(l.sku()).isEqualTo(e.sku()));
        });
        assertThat(reservedEvents).filteredOn(e -> e.sku().equals(A)).singleElement()
                .satisfies(e -> assertThat(e.lines()).extracting(ReservationLine::quantity).containsExactlyInAnyOrder(1, 1));
        assertThat(events.events()).extracting(e -> e.eventId()).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("InventoryStore §7: release, expiry and allocation publish ReservationReleased with their cause")
    void release_events_carry_cause() {
        stock(A, WH1, 100);
        reserved(reserve("r", anywhere(A, 1)));
        // lapses a minute from now: a hold whose expiry has come lapses at the store's next call (§11)
        store.reserve(new ReservationRequest(ReservationKey.of("e"), "", List.of(anywhere(A, 2)), START.plusSeconds(60)));
        reserved(reserve("c", at(A, WH1, 3)));
        events.clear();

        store.release(ReservationKey.of("r"));
        store.expireReservations(START.plusSeconds(60));
        allocated(allocate("f", "c", line(A, WH1, 3)));

        assertThat(events.events(InventoryEvent.ReservationReleased.class))
                .extracting(e -> e.key().value() + ":" + e.cause() + ":" + e.lines())
                .containsExactly("r:RELEASED:" + List.of(anywhere(A, 1)), "e:EXPIRED:" + List.of(anywhere(A, 2)),
                        "c:CONSUMED:" + List.of(at(A, WH1, 3)));
    }

    @Test
    @DisplayName("InventoryStore §7: allocation, deallocation, adjustment and shipment publish their events")
    void allocation_and_movement_events() {
        stock(A, WH1, 100);
        allocated(allocate("f", null, line(A, WH1, 5)));
        store.deallocate(AllocationKey.of("f"), A, WH1, 1);
        StockMovement shipped = store.ship(AllocationKey.of("f"), A, WH1, 4, MovementKey.of("s"));
        AdjustmentResult damage = store.adjust(adjustment(A, WH1, MovementReason.DAMAGE, 1));

        assertThat(events.events()).filteredOn(e -> !(e instanceof InventoryEvent.StockLevelChanged))
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("StockAllocated", "StockDeallocated", "StockMoved", "StockMoved");
        assertThat(events.events(InventoryEvent.StockAllocated.class).get(0).lines()).containsExactly(line(A, WH1, 5));
        assertThat(events.events(InventoryEvent.StockDeallocated.class).get(0).line()).isEqualTo(line(A, WH1, 1));
        assertThat(events.events(InventoryEvent.StockMoved.class)).extracting(InventoryEvent.StockMoved::movement)
                .containsExactly(shipped, ((AdjustmentResult.Applied) damage).movement());
    }

    @Test
    @DisplayName("InventoryStore §7: refused operations and replays publish nothing")
    void refusals_and_replays_are_silent() {
        stock(A, WH1, 5);
        StockAdjustment receipt = adjustment(A, WH1, MovementReason.RECEIPT, 1);
        store.adjust(receipt);
        reserved(reserve("c1", anywhere(A, 1)));
        events.clear();

        reserve("c1", anywhere(A, 1));
        reserve("c2", anywhere(A, 100));
        store.adjust(receipt);
        store.adjust(adjustment(A, WH1, MovementReason.DAMAGE, 100));
        allocate("f1", null, line(A, WH1, 100));

        assertThat(events.events()).isEmpty();
    }

    @Test
    @DisplayName("InventoryStore §7: events are published after the change is visible in the store")
    void events_follow_the_change() {
        List<Integer> seen = new ArrayList<>();
        InventoryStore[] holder = new InventoryStore[1];
        holder[0] = newStore(clock, published -> {
            for (Object e : published) {
                if (e instanceof InventoryEvent.StockReserved) {
                    seen.add(holder[0].networkReserved(A));
                }
            }
        });
        holder[0].adjust(adjustment(A, WH1, MovementReason.RECEIPT, 10));

        holder[0].reserve(cart("c1", anywhere(A, 3)));

        assertThat(seen).containsExactly(3);
    }

    // ---------------------------------------------------------------- §8 §9 what each reference holds

    /** Reserves {@code lines} under {@code key} for {@code reference}, lapsing at {@code expiresAt} (null: never). */
    protected Reservation reserveFor(String reference, String key, Instant expiresAt, ReservationLine... lines) {
        return reserved(store.reserve(new ReservationRequest(ReservationKey.of(key), reference, List.of(lines), expiresAt)));
    }

    /** Allocates {@code lines} under {@code key} for {@code reference}, drawing on {@code reservation} (null: none). */
    protected Allocation allocateFor(String reference, String key, String reservation, AllocationLine... lines) {
        return allocated(store.allocate(new AllocationRequest(AllocationKey.of(key), reference, List.of(lines),
                reservation == null ? null : ReservationKey.of(reservation))));
    }

    @Test
    @DisplayName("InventoryStore §8: heldFor lists exactly the active reservations and open allocations of a reference")
    void held_for_lists_what_the_reference_still_holds() {
        stock(A, WH1, 100);
        stock(B, WH2, 100);
        String order = "order-1";
        reserveFor(order, "z-first", null, at(A, WH1, 2));
        clock.advance(Duration.ofMinutes(1));
        reserveFor(order, "a-partly-released", null, anywhere(A, 3), at(B, WH2, 1));
        store.release(ReservationKey.of("a-partly-released"), A, 3);
        reserveFor(order, "released", null, anywhere(A, 1));
        store.release(ReservationKey.of("released"));
        reserveFor(order, "expired", START.plus(Duration.ofMinutes(1)), at(A, WH1, 1));
        store.expireReservations(clock.instant());
        reserveFor(order, "consumed", null, at(A, WH1, 2));
        clock.advance(Duration.ofMinutes(1));
        allocateFor(order, "f-partly-shipped", "consumed", line(A, WH1, 2), line(B, WH2, 2));
        store.ship(AllocationKey.of("f-partly-shipped"), A, WH1, 2, MovementKey.of("s1"));
        allocateFor(order, "f-shipped", null, line(A, WH1, 1));
        store.ship(AllocationKey.of("f-shipped"), A, WH1, 1, MovementKey.of("s2"));
        allocateFor(order, "f-deallocated", null, line(B, WH2, 2));
        store.deallocate(AllocationKey.of("f-deallocated"), B, WH2, 2);
        clock.advance(Duration.ofMinutes(1));
        allocateFor(order, "f-later", null, line(B, WH2, 1));
        for (String other : List.of("order-10", "ORDER-1", "order-")) {
            reserveFor(other, "r " + other, null, anywhere(A, 1));
            allocateFor(other, "f " + other, null, line(B, WH2, 1));
        }

        HeldStock held = store.heldFor(order);

        assertThat(held.reference()).isEqualTo(order);
        assertThat(held.reservations()).as("active reservations, oldest first, as findReservation gives them")
                .containsExactly(found("z-first"), found("a-partly-released"));
        assertThat(held.reservations().get(1).held()).containsExactly(at(B, WH2, 1));
        assertThat(held.allocations()).as("allocations with open units, oldest first, as findAllocation gives them")
                .containsExactly(foundAllocation("f-partly-shipped"), foundAllocation("f-later"));
        assertThat(held.allocations().get(0).open()).containsExactly(line(B, WH2, 2));
        assertThat(store.heldFor("nobody")).isEqualTo(new HeldStock("nobody", List.of(), List.of()));
    }

    @Test
    @DisplayName("InventoryStore §8: heldFor follows units from a reservation into the allocation drawing on it")
    void held_for_follows_a_reservation_into_its_allocation() {
        stock(A, WH1, 10);
        reserveFor("order-7", "c7", null, at(A, WH1, 3));

        allocateFor("order-7", "f7", "c7", line(A, WH1, 2));
        HeldStock partly = store.heldFor("order-7");
        allocateFor("order-7", "f7b", "c7", line(A, WH1, 1));
        HeldStock fully = store.heldFor("order-7");

        assertThat(partly.reservations()).extracting(Reservation::held).containsExactly(List.of(at(A, WH1, 1)));
        assertThat(partly.allocations()).extracting(Allocation::open).containsExactly(List.of(line(A, WH1, 2)));
        assertThat(fully.reservations()).as("c7 was consumed").isEmpty();
        assertThat(fully.allocations()).extracting(a -> a.key().value()).containsExactly("f7", "f7b");
    }

    private Reservation found(String key) {
        return store.findReservation(ReservationKey.of(key)).orElseThrow();
    }

    private Allocation foundAllocation(String key) {
        return store.findAllocation(AllocationKey.of(key)).orElseThrow();
    }

    @Test
    @DisplayName("InventoryStore §9: holders pages through the references in ascending String order, each once")
    void holders_page_in_ascending_order() {
        stock(A, WH1, 100);
        reserveFor("o-1", "o-1 cart", null, anywhere(A, 1));
        reserveFor("o-1", "o-1 cart again", null, at(A, WH1, 1));
        allocateFor("o-1", "o-1 fulfilment", null, line(A, WH1, 1));
        allocateFor("o-3", "o-3 fulfilment", null, line(A, WH1, 1));
        reserveFor("o-2", "o-2 cart", null, anywhere(A, 1));
        reserveFor("o-10", "o-10 cart", null, anywhere(A, 1));
        allocateFor("O-9", "O-9 fulfilment", null, line(A, WH1, 1));
        Instant now = clock.instant();

        List<String> all = store.holders(now, null, 100);
        List<String> pages = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String after = null;
        for (List<String> page = store.holders(now, null, 2); !page.isEmpty(); page = store.holders(now, after, 2)) {
            pages.addAll(page);
            sizes.add(page.size());
            after = page.get(page.size() - 1);
        }

        assertThat(all).as("ascending by String.compareTo, whatever a database's collation")
                .containsExactly("O-9", "o-1", "o-10", "o-2", "o-3");
        assertThat(pages).isEqualTo(all);
        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(store.holders(now, null, 2)).as("o-1 holds under three keys, and counts once towards the limit")
                .containsExactly("O-9", "o-1");
        assertThat(store.holders(now, "O-9", 2)).containsExactly("o-1", "o-10");
        assertThat(store.holders(now, "o-0", 100)).as("after need not be a holder").containsExactly("o-1", "o-10", "o-2", "o-3");
        assertThat(store.holders(now, "o-3", 100)).isEmpty();
    }

    @Test
    @DisplayName("InventoryStore §9: holders leaves out references whose stock was all released, expired, consumed, shipped or deallocated")
    void holders_leave_out_references_holding_nothing() {
        stock(A, WH1, 100);
        reserveFor("released", "r1", null, anywhere(A, 1));
        store.release(ReservationKey.of("r1"));
        reserveFor("expired", "r2", START, at(A, WH1, 1));
        store.expireReservations(START);
        reserveFor("consumed", "r3", null, at(A, WH1, 2));
        allocateFor("shipped", "f3", "r3", line(A, WH1, 2));
        store.ship(AllocationKey.of("f3"), A, WH1, 2, MovementKey.of("s3"));
        allocateFor("deallocated", "f4", null, line(A, WH1, 2));
        store.deallocate(AllocationKey.of("f4"), A, WH1, 2);
        reserveFor("partly released", "r5", null, anywhere(A, 2));
        store.release(ReservationKey.of("r5"), A, 1);
        allocateFor("partly shipped", "f6", null, line(A, WH1, 2));
        store.ship(AllocationKey.of("f6"), A, WH1, 1, MovementKey.of("s6"));

        assertThat(store.holders(clock.instant(), null, 100)).containsExactly("partly released", "partly shipped");
    }

    @Test
    @DisplayName("InventoryStore §9: holders lists a reference only for stock it holds under keys made at or before madeAtOrBefore")
    void holders_respect_made_at_or_before() {
        stock(A, WH1, 100);
        reserveFor("early", "e1", null, anywhere(A, 1));
        reserveFor("mixed", "m1", null, anywhere(A, 1));
        store.release(ReservationKey.of("m1"));
        clock.advance(Duration.ofMinutes(10));
        Instant later = clock.instant();
        allocateFor("late", "l1", null, line(A, WH1, 1));
        reserveFor("mixed", "m2", null, at(A, WH1, 1));
        reserveFor("early", "e2", null, at(A, WH1, 1));

        assertThat(store.holders(START.minusSeconds(1), null, 100)).isEmpty();
        assertThat(store.holders(START, null, 100)).as("mixed's early key holds nothing any more").containsExactly("early");
        assertThat(store.holders(later.minusSeconds(1), null, 100)).containsExactly("early");
        assertThat(store.holders(later, null, 100)).as("at or before: inclusive").containsExactly("early", "late", "mixed");
    }

    // ---------------------------------------------------------------- §10 §11 §12 holds that change, lapse and move over

    /** Changes {@code key} in place under {@code changeKey} to hold {@code lines} until {@code expiresAt}. */
    protected ReservationResult change(String key, String changeKey, Instant expiresAt, ReservationLine... lines) {
        return store.change(new ReservationChange(ReservationKey.of(key), changeKey, "cart " + key, List.of(lines),
                expiresAt));
    }

    @Test
    @DisplayName("InventoryStore §10: a change grows a hold counting the units it holds as its own, with the new expiry")
    void a_change_grows_a_hold_counting_its_own_units() {
        stock(A, WH1, 10);
        reserveFor("cart c1", "c1", START.plus(Duration.ofMinutes(15)), anywhere(A, 4));
        reserveFor("cart c2", "c2", null, anywhere(A, 3));

        Reservation grown = reserved(change("c1", "e1", START.plus(Duration.ofMinutes(30)), anywhere(A, 7)));

        assertThat(grown.held()).containsExactly(anywhere(A, 7));
        assertThat(grown.expiresAt()).isEqualTo(START.plus(Duration.ofMinutes(30)));
        assertThat(found("c1")).isEqualTo(grown);
        assertThat(store.networkAvailable(A)).isZero();
        assertThat(store.networkReserved(A)).isEqualTo(10);
    }

    @Test
    @DisplayName("InventoryStore §10: a change short of stock lists the shortage and leaves the hold exactly as it was")
    void a_refused_change_leaves_the_hold_as_it_was() {
        stock(A, WH1, 10);
        stock(B, WH1, 2);
        Reservation before = reserveFor("cart c1", "c1", START.plus(Duration.ofMinutes(15)), anywhere(A, 4), at(B, WH1, 1));
        reserveFor("cart c2", "c2", null, anywhere(A, 3));
        events.clear();

        List<Shortage> short1 = shortages(change("c1", "e1", START.plus(Duration.ofMinutes(30)), anywhere(A, 8),
                at(B, WH1, 1)));

        assertThat(short1).containsExactly(new Shortage(A, null, 8, 7));
        assertThat(found("c1")).isEqualTo(before);
        assertThat(store.networkAvailable(A)).isEqualTo(3);
        assertThat(store.position(B, WH1).reserved()).isEqualTo(1);
        assertThat(events.events()).as("a refused change publishes nothing").isEmpty();
    }

    @Test
    @DisplayName("InventoryStore §10: shrinking and replacing lines give the old units back at once")
    void a_change_shrinks_and_replaces_lines() {
        stock(A, WH1, 10);
        stock(B, WH1, 5);
        reserveFor("cart c1", "c1", null, anywhere(A, 6));

        reserved(change("c1", "e1", null, anywhere(A, 2)));
        assertThat(store.networkAvailable(A)).isEqualTo(8);

        Reservation replaced = reserved(change("c1", "e2", null, at(B, WH1, 3)));
        assertThat(replaced.held()).containsExactly(at(B, WH1, 3));
        assertThat(store.networkAvailable(A)).isEqualTo(10);
        assertThat(store.position(B, WH1).reserved()).isEqualTo(3);
        assertThat(store.networkReserved(A)).isZero();
    }

    @Test
    @DisplayName("InventoryStore §10: a change of a released or unknown key holds anew under that key")
    void a_change_of_a_released_or_unknown_key_holds_anew() {
        stock(A, WH1, 10);
        reserveFor("cart c1", "c1", null, anywhere(A, 4));
        store.release(ReservationKey.of("c1"));

        Reservation again = reserved(change("c1", "e1", null, anywhere(A, 5)));
        Reservation fresh = reserved(change("c9", "e1", null, at(A, WH1, 2)));

        assertThat(again.status()).isEqualTo(ReservationStatus.ACTIVE);
        assertThat(again.held()).containsExactly(anywhere(A, 5));
        assertThat(fresh.held()).containsExactly(at(A, WH1, 2));
        assertThat(store.networkAvailable(A)).isEqualTo(3);
    }

    @Test
    @DisplayName("InventoryStore §10: a change of a released key refused for want of stock leaves it released, holding nothing")
    void a_refused_change_of_a_released_key_leaves_it_released() {
        stock(A, WH1, 10);
        reserveFor("cart c1", "c1", null, anywhere(A, 4));
        store.release(ReservationKey.of("c1"));

        ReservationResult refused = change("c1", "e1", null, anywhere(A, 11));

        assertThat(refused.isReserved()).isFalse();
        assertThat(found("c1").status()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(found("c1").held()).isEmpty();
        assertThat(store.networkAvailable(A)).isEqualTo(10);
        assertThatThrownBy(() -> store.release(ReservationKey.of("c1"), A, 1))
                .isInstanceOf(IllegalArgumentException.class);
        Reservation again = reserved(change("c1", "e2", null, anywhere(A, 10)));
        assertThat(again.held()).containsExactly(anywhere(A, 10));
        assertThat(store.networkAvailable(A)).isZero();
    }

    @Test
    @DisplayName("InventoryStore §10: a change retried with a change key already applied replays and changes nothing")
    void a_retried_change_replays() {
        stock(A, WH1, 10);
        reserved(change("c1", "e1", null, anywhere(A, 3)));
        reserved(change("c1", "e2", null, anywhere(A, 5)));

        ReservationResult retried = change("c1", "e1", null, anywhere(A, 3));

        assertThat(retried).isInstanceOf(ReservationResult.Reserved.class);
        assertThat(((ReservationResult.Reserved) retried).replayed()).isTrue();
        assertThat(found("c1").held()).containsExactly(anywhere(A, 5));
        assertThat(store.networkAvailable(A)).isEqualTo(5);
    }

    @Test
    @DisplayName("InventoryStore §10: concurrent changes of one hold leave exactly one of them held")
    void concurrent_changes_of_one_hold_leave_one_of_them() throws Exception {
        stock(A, WH1, 100);
        stock(B, WH1, 100);
        reserved(change("c1", "e0", null, anywhere(A, 1)));
        int threads = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int q = t + 2;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        reserved(change("c1", "e-" + q + "-" + i, null, anywhere(A, q), at(B, WH1, q)));
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        int q = found("c1").heldQuantity(A);
        assertThat(found("c1").held()).containsExactlyInAnyOrder(anywhere(A, q), at(B, WH1, q));
        assertThat(store.networkReserved(A)).isEqualTo(q);
        assertThat(store.position(B, WH1).reserved()).isEqualTo(q);
    }

    @Test
    @DisplayName("InventoryStore §11: a hold stops counting the moment it lapses, on every read, without a sweep")
    void a_lapsed_hold_stops_counting_without_a_sweep() {
        stock(A, WH1, 10);
        reserveFor("cart c1", "c1", START.plus(Duration.ofMinutes(10)), at(A, WH1, 4));
        reserveFor("cart c2", "c2", START.plus(Duration.ofMinutes(10)), anywhere(A, 6));
        assertThat(store.networkAvailable(A)).isZero();

        clock.advance(Duration.ofMinutes(10));

        assertThat(store.position(A, WH1).reserved()).isZero();
        assertThat(store.positions(A)).extracting(StockPosition::reserved).containsOnly(0);
        assertThat(store.networkReserved(A)).isZero();
        assertThat(store.networkAvailable(A)).isEqualTo(10);
        assertThat(found("c1").status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(found("c1").held()).isEmpty();
        assertThat(store.heldFor("cart c2").reservations()).isEmpty();
        reserveFor("cart c3", "c3", null, anywhere(A, 10));
        store.expireReservations(clock.instant());
        assertThat(store.networkAvailable(A)).as("the sweep frees nothing twice").isZero();
        assertThat(store.networkReserved(A)).isEqualTo(10);
    }

    @Test
    @DisplayName("InventoryStore §11: a lapsed hold's units go to the next reservation, and an allocation drawing on it takes fresh stock")
    void a_lapsed_hold_is_taken_by_others_at_once() {
        stock(A, WH1, 5);
        reserveFor("cart c1", "c1", START.plus(Duration.ofMinutes(10)), anywhere(A, 5));
        assertThat(reserve("c2", anywhere(A, 1)).isReserved()).isFalse();

        clock.advance(Duration.ofMinutes(11));

        reserved(reserve("c2", anywhere(A, 2)));
        Allocation a = allocated(allocate("o1", "c1", line(A, WH1, 3)));
        assertThat(a.open()).containsExactly(line(A, WH1, 3));
        assertThat(store.position(A, WH1).allocated()).isEqualTo(3);
        assertThat(store.networkAvailable(A)).isZero();
    }

    @Test
    @DisplayName("InventoryStore §11: a change before the expiry keeps the hold; after it the hold is taken anew if stock allows")
    void an_extension_keeps_the_hold_and_a_late_one_holds_anew() {
        stock(A, WH1, 5);
        reserveFor("cart c1", "c1", START.plus(Duration.ofMinutes(10)), anywhere(A, 3));
        clock.advance(Duration.ofMinutes(9));
        reserved(change("c1", "e1", clock.instant().plus(Duration.ofMinutes(10)), anywhere(A, 3)));
        clock.advance(Duration.ofMinutes(9));
        assertThat(found("c1").isActive()).isTrue();
        assertThat(store.networkAvailable(A)).isEqualTo(2);

        clock.advance(Duration.ofMinutes(2));
        assertThat(found("c1").status()).isEqualTo(ReservationStatus.EXPIRED);
        reserveFor("cart c2", "c2", null, anywhere(A, 4));
        assertThat(shortages(change("c1", "e2", clock.instant().plus(Duration.ofMinutes(10)), anywhere(A, 3))))
                .containsExactly(new Shortage(A, null, 3, 1));
        assertThat(found("c1").status()).isEqualTo(ReservationStatus.EXPIRED);
    }

    @Test
    @DisplayName("InventoryStore §12: a reservation drawing on a cart's hold takes its units even when nothing else is for sale")
    void a_reservation_drawing_on_a_hold_takes_its_units() {
        stock(A, WH1, 5);
        stock(B, WH1, 5);
        reserveFor("cart c1", "c1", START.plus(Duration.ofMinutes(10)), anywhere(A, 3), at(B, WH1, 1));
        reserveFor("cart c2", "c2", null, anywhere(A, 2));
        assertThat(reserve("o0", anywhere(A, 3)).isReserved()).isFalse();

        Reservation order = reserved(store.reserve(new ReservationRequest(ReservationKey.of("o1"), "order o1",
                List.of(anywhere(A, 3)), null, ReservationKey.of("c1"))));

        assertThat(order.held()).containsExactly(anywhere(A, 3));
        assertThat(found("c1").held()).as("what the order did not take stays held").containsExactly(at(B, WH1, 1));
        assertThat(store.networkReserved(A)).isEqualTo(5);
        assertThat(store.networkAvailable(A)).isZero();
    }

    @Test
    @DisplayName("InventoryStore §12: drawing on a hold takes the rest from stock for sale, and consumes the hold it empties")
    void a_reservation_drawing_beyond_the_hold_takes_fresh_stock() {
        stock(A, WH1, 10);
        reserveFor("cart c1", "c1", null, anywhere(A, 3));

        reserved(store.reserve(new ReservationRequest(ReservationKey.of("o1"), "order o1", List.of(anywhere(A, 5)), null,
                ReservationKey.of("c1"))));

        assertThat(found("c1").status()).isEqualTo(ReservationStatus.CONSUMED);
        assertThat(store.networkReserved(A)).isEqualTo(5);
        assertThat(store.networkAvailable(A)).isEqualTo(5);
    }

    @Test
    @DisplayName("InventoryStore §12: a refused reservation drawing on a hold leaves the hold as it was")
    void a_refused_reservation_drawing_on_a_hold_leaves_it() {
        stock(A, WH1, 5);
        Reservation cart = reserveFor("cart c1", "c1", null, at(A, WH1, 3));

        List<Shortage> s = shortages(store.reserve(new ReservationRequest(ReservationKey.of("o1"), "order o1",
                List.of(anywhere(A, 6)), null, ReservationKey.of("c1"))));

        assertThat(s).containsExactly(new Shortage(A, null, 6, 5));
        assertThat(found("c1")).isEqualTo(cart);
        assertThat(store.position(A, WH1).reserved()).isEqualTo(3);
        assertThat(store.findReservation(ReservationKey.of("o1"))).isEmpty();
    }

    /**
     * Many carts changed, released and lapsing while orders take them over, are allocated and give units back, on
     * real threads: at every moment a position holds no more than its on hand less safety stock, and at the end
     * every unit held is accounted for by a reservation or an allocation.
     */
    @Property(tries = 8)
    @Label("InventoryStore §1 §10 §11 §12: concurrent cart edits, lapses and orders never oversell and lose no unit")
    void concurrent_cart_edits_and_orders_never_oversell(@ForAll long seed,
                                                         @ForAll @net.jqwik.api.constraints.IntRange(min = 2, max = 4) int threads)
            throws Exception {
        ContractClock c = new ContractClock(START);
        InventoryStore s = newStore(c, EventPublisher.none());
        Sku[] skus = {A, B};
        for (Sku sku : skus) {
            assertThat(s.adjust(StockAdjustment.of("in-" + sku, sku, WH1, MovementReason.RECEIPT, 20, "po")).isApplied())
                    .isTrue();
            s.setSafetyStock(sku, WH1, 2);
        }
        java.util.Set<ReservationKey> reservationKeys = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.Set<AllocationKey> allocationKeys = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.Queue<String> broken = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread checker = new Thread(() -> {
            while (running.get()) {
                for (Sku sku : skus) {
                    StockPosition p = s.position(sku, WH1);
                    if (p.reserved() + p.allocated() > p.onHand() - p.safetyStock()) {
                        broken.add("oversold " + p);
                    }
                }
            }
        });
        checker.start();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int worker = t;
                done.add(pool.submit(() -> {
                    java.util.Random random = new java.util.Random(seed * 31 + worker);
                    for (int i = 0; i < 40; i++) {
                        ReservationKey cartKey = ReservationKey.of("cart-" + random.nextInt(6));
                        switch (random.nextInt(6)) {
                            case 0, 1 -> {
                                List<ReservationLine> lines = new ArrayList<>();
                                for (Sku sku : skus) {
                                    if (random.nextBoolean()) {
                                        int q = 1 + random.nextInt(6);
                                        lines.add(random.nextBoolean() ? anywhere(sku, q) : at(sku, WH1, q));
                                    }
                                }
                                if (lines.isEmpty()) {
                                    lines.add(anywhere(A, 1));
                                }
                                if (s.change(new ReservationChange(cartKey, "e-" + worker + "-" + i, "cart", lines,
                                        c.instant().plus(Duration.ofMinutes(1 + random.nextInt(3))))).isReserved()) {
                                    reservationKeys.add(cartKey);
                                }
                            }
                            case 2 -> s.release(cartKey);
                            case 3 -> {
                                ReservationKey order = ReservationKey.of("order-" + worker + "-" + i);
                                Sku sku = skus[random.nextInt(2)];
                                int q = 1 + random.nextInt(4);
                                if (s.reserve(new ReservationRequest(order, "order", List.of(anywhere(sku, q)), null,
                                        cartKey)).isReserved()) {
                                    reservationKeys.add(order);
                                    AllocationKey alloc = AllocationKey.of("alloc-" + worker + "-" + i);
                                    if (s.allocate(new AllocationRequest(alloc, "order", List.of(line(sku, WH1, q)),
                                            order)).isAllocated()) {
                                        allocationKeys.add(alloc);
                                    }
                                }
                            }
                            case 4 -> {
                                for (AllocationKey alloc : allocationKeys) {
                                    Optional<Allocation> a = s.findAllocation(alloc);
                                    if (a.isPresent() && !a.get().open().isEmpty() && random.nextInt(3) == 0) {
                                        AllocationLine open = a.get().open().get(0);
                                        try {
                                            s.deallocate(alloc, open.sku(), open.location(), 1);
                                        } catch (IllegalArgumentException givenBackMeanwhile) {
                                            // another worker gave the last unit back first
                                        }
                                        break;
                                    }
                                }
                            }
                            default -> c.advance(Duration.ofSeconds(20));
                        }
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get(120, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            running.set(false);
            checker.join();
        }
        assertThat(broken).as("positions oversold while the workers ran").isEmpty();
        for (Sku sku : skus) {
            long held = 0;
            for (ReservationKey k : reservationKeys) {
                held += s.findReservation(k).filter(Reservation::isActive).map(r -> r.heldQuantity(sku)).orElse(0);
            }
            long open = 0;
            for (AllocationKey k : allocationKeys) {
                open += s.findAllocation(k).map(a -> a.open().stream().filter(l -> l.sku().equals(sku))
                        .mapToLong(AllocationLine::quantity).sum()).orElse(0L);
            }
            StockPosition p = s.position(sku, WH1);
            assertThat(p.onHand()).as("no unit of %s created or lost", sku).isEqualTo(20);
            assertThat(held).as("units of %s held by active reservations", sku)
                    .isEqualTo((long) p.reserved() + s.networkReserved(sku));
            assertThat(open).as("units of %s open in allocations", sku).isEqualTo(p.allocated());
            assertThat((long) p.reserved() + p.allocated() + s.networkReserved(sku)).as("never oversold: %s", p)
                    .isLessThanOrEqualTo(p.onHand() - p.safetyStock());
        }
    }

    // ---------------------------------------------------------------- stateful property

    @Property
    @Label("InventoryStore §1 §2 §5: any sequence of operations never oversells and never creates or loses a unit")
    void random_operations_keep_the_invariants(@ForAll("operations") ActionChain<InventoryModel> chain) {
        chain.withInvariant("§1 on hand >= reserved + allocated, network reservations covered", InventoryModel::checkNeverOversold)
                .withInvariant("§2 ledger sums to on hand", InventoryModel::checkLedger)
                .withInvariant("§2 §5 units in = units out + units held", InventoryModel::checkConservation)
                .run();
    }

    @Provide
    Arbitrary<ActionChain<InventoryModel>> operations() {
        return ActionChain.<InventoryModel>startWith(() -> {
                    ContractClock c = new ContractClock(START);
                    return new InventoryModel(newStore(c, EventPublisher.none()), c);
                })
                .withAction(InventoryActions.receive())
                .withAction(InventoryActions.reserve())
                .withAction(InventoryActions.release())
                .withAction(InventoryActions.releasePartly())
                .withAction(InventoryActions.allocate())
                .withAction(InventoryActions.deallocate())
                .withAction(InventoryActions.ship())
                .withAction(InventoryActions.adjust())
                .withAction(InventoryActions.expire())
                .withAction(InventoryActions.safetyStock())
                .withAction(InventoryActions.change())
                .withAction(InventoryActions.lapse())
                .withAction(InventoryActions.reserveDrawingOn())
                .withMaxTransformations(40);
    }
}

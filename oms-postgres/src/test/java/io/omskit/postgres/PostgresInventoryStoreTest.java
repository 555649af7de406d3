package io.omskit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.omskit.core.catalog.Sku;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.Reservation;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.inventory.ReservationLine;
import io.omskit.core.inventory.ReservationRequest;
import io.omskit.core.inventory.ReservationResult;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.network.LocationId;
import io.omskit.core.spi.SpiException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the PostgreSQL store adds to the contract: rows, constraints, concurrency across connections, failures. */
class PostgresInventoryStoreTest {

    private static final Sku A = Sku.of("A");
    private static final Sku B = Sku.of("B");
    private static final LocationId WH = LocationId.of("WH");

    private PostgresInventoryStore store;

    @BeforeEach
    void cleanDatabase() {
        TestDatabase.clean();
        store = PostgresInventoryStore.builder(TestDatabase.dataSource()).build();
        store.adjust(StockAdjustment.of("a", A, WH, MovementReason.RECEIPT, 10, ""));
        store.adjust(StockAdjustment.of("b", B, WH, MovementReason.RECEIPT, 1, ""));
    }

    @Test
    void a_refused_multi_line_reservation_leaves_no_row_behind() throws SQLException {
        long outboxBefore = count("select count(*) from oms_outbox");

        ReservationResult r = store.reserve(new ReservationRequest(ReservationKey.of("cart"), "",
                List.of(ReservationLine.at(A, WH, 3), ReservationLine.anywhere(B, 2)), null));

        assertThat(r.isReserved()).isFalse();
        assertThat(count("select count(*) from inv_reservation")).isZero();
        assertThat(count("select count(*) from oms_outbox")).isEqualTo(outboxBefore);
        assertThat(count("select sum(reserved) from inv_position")).isZero();
        assertThat(count("select sum(network_reserved) from inv_sku")).isZero();
    }

    @Test
    void concurrent_requests_with_one_key_hold_stock_once() throws Exception {
        ReservationRequest request = new ReservationRequest(ReservationKey.of("same"), "",
                List.of(ReservationLine.anywhere(A, 4), ReservationLine.at(A, WH, 1)), null);
        ConcurrentLinkedQueue<ReservationResult> results = new ConcurrentLinkedQueue<>();

        runConcurrently(8, t -> results.add(store.reserve(request)));

        assertThat(results).hasSize(8).allMatch(ReservationResult::isReserved);
        assertThat(results).filteredOn(r -> !((ReservationResult.Reserved) r).replayed()).hasSize(1);
        assertThat(store.networkReserved(A)).isEqualTo(4);
        assertThat(store.position(A, WH).reserved()).isEqualTo(1);
    }

    @Test
    void a_reservation_that_fits_beside_a_lapsed_hold_lets_the_hold_lapse_first() throws Exception {
        Instant start = Instant.parse("2020-01-01T00:00:00Z");
        io.omskit.testkit.contract.ContractClock clock = new io.omskit.testkit.contract.ContractClock(start);
        PostgresInventoryStore store = PostgresInventoryStore.builder(TestDatabase.dataSource()).clock(clock).build();
        store.reserve(new ReservationRequest(ReservationKey.of("cart"), "", List.of(ReservationLine.anywhere(A, 2)),
                start.plusSeconds(60)));
        clock.advance(java.time.Duration.ofSeconds(61));

        ReservationResult r = store.reserve(new ReservationRequest(ReservationKey.of("order"), "",
                List.of(ReservationLine.anywhere(A, 1)), null));

        assertThat(r.isReserved()).isTrue();
        assertThat(count("select count(*) from inv_reservation where reservation_key = 'cart' and status = 'EXPIRED'"))
                .as("the lapsed hold, expired by the reservation").isEqualTo(1);
        assertThat(count("select network_reserved from inv_sku where sku = 'A'")).isEqualTo(1);
    }

    @Test
    void an_allocation_drawing_on_a_reservation_lets_a_lapsed_hold_lapse_first() throws Exception {
        Instant start = Instant.parse("2020-01-01T00:00:00Z");
        io.omskit.testkit.contract.ContractClock clock = new io.omskit.testkit.contract.ContractClock(start);
        PostgresInventoryStore store = PostgresInventoryStore.builder(TestDatabase.dataSource()).clock(clock).build();
        store.reserve(new ReservationRequest(ReservationKey.of("cart"), "", List.of(ReservationLine.anywhere(A, 2)),
                start.plusSeconds(60)));
        store.reserve(new ReservationRequest(ReservationKey.of("order"), "order", List.of(ReservationLine.anywhere(A, 1)), null));
        clock.advance(java.time.Duration.ofSeconds(61));

        io.omskit.core.inventory.AllocationResult a = store.allocate(new io.omskit.core.inventory.AllocationRequest(
                io.omskit.core.inventory.AllocationKey.of("f"), "order",
                List.of(io.omskit.core.inventory.AllocationLine.of(A, WH, 1)), ReservationKey.of("order")));

        assertThat(a.isAllocated()).isTrue();
        assertThat(count("select count(*) from inv_reservation where reservation_key = 'cart' and status = 'EXPIRED'"))
                .as("the lapsed hold, expired by the allocation").isEqualTo(1);
        assertThat(count("select count(*) from inv_reservation where reservation_key = 'order' and status = 'CONSUMED'"))
                .as("the reservation drawn on").isEqualTo(1);
        assertThat(count("select network_reserved from inv_sku where sku = 'A'")).isZero();
        assertThat(count("select allocated from inv_position where sku = 'A'")).isEqualTo(1);
    }

    @Test
    void a_reservation_on_the_fast_path_hands_its_outbox_row_to_the_relay_of_this_process() throws Exception {
        io.omskit.postgres.internal.OutboxHandoff handoff = new io.omskit.postgres.internal.OutboxHandoff();
        PostgresInventoryStore store = PostgresInventoryStore.builder(TestDatabase.dataSource()).handoff(handoff).build();

        assertThat(store.reserve(new ReservationRequest(ReservationKey.of("order"), "",
                List.of(ReservationLine.anywhere(A, 1)), null)).isReserved()).isTrue();

        long row = count("select max(id) from oms_outbox");
        assertThat(handoff.peek(row)).as("the events of outbox row " + row).isNotNull()
                .singleElement().isInstanceOf(io.omskit.core.inventory.InventoryEvent.StockReserved.class);
    }

    @Test
    void concurrent_expiry_sweeps_expire_each_reservation_once() throws Exception {
        store.adjust(StockAdjustment.of("more", A, WH, MovementReason.RECEIPT, 1000, ""));
        Instant lapsed = Instant.parse("2020-01-01T00:00:00Z");
        // the store's clock stands before the expiry, or each call would let the holds already due lapse (§11)
        PostgresInventoryStore store = PostgresInventoryStore.builder(TestDatabase.dataSource())
                .clock(java.time.Clock.fixed(lapsed.minusSeconds(3600), java.time.ZoneOffset.UTC)).build();
        for (int i = 0; i < 250; i++) {
            store.reserve(new ReservationRequest(ReservationKey.of("c" + i), "", List.of(ReservationLine.anywhere(A, 1)), lapsed));
        }
        ConcurrentLinkedQueue<Reservation> expired = new ConcurrentLinkedQueue<>();

        runConcurrently(4, t -> expired.addAll(store.expireReservations(lapsed.plusSeconds(1))));

        assertThat(expired).hasSize(250).extracting(Reservation::key).doesNotHaveDuplicates();
        assertThat(store.networkReserved(A)).isZero();
        assertThat(count("select count(*) from oms_outbox, json_array_elements(payload) e"
                + " where e ->> 'type' = 'inventory.reservation-released'"))
                .isEqualTo(250);
    }

    @Test
    void a_database_that_cannot_be_reached_surfaces_as_a_retryable_spi_exception() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1");
        config.setConnectionTimeout(250);
        config.setInitializationFailTimeout(-1);
        try (HikariDataSource unreachable = new HikariDataSource(config)) {
            PostgresInventoryStore broken = PostgresInventoryStore.builder(unreachable).build();

            assertThatThrownBy(() -> broken.reserve(new ReservationRequest(ReservationKey.of("c"), "",
                    List.of(ReservationLine.anywhere(A, 1)), null)))
                    .isInstanceOf(SpiException.class)
                    .hasMessageContaining("reserve c")
                    .satisfies(e -> assertThat(((SpiException) e).retryable()).isTrue());
            assertThatThrownBy(() -> broken.position(A, WH)).isInstanceOf(SpiException.class);
        }
    }

    @Test
    void a_connection_lost_mid_transaction_leaves_nothing_half_done() throws Exception {
        List<Long> killed = new ArrayList<>();
        PostgresInventoryStore killing = PostgresInventoryStore.builder(TestDatabase.dataSource()).afterCommit(() -> { })
                .build();
        // a second session terminates the backend holding the SKU lock while it waits for a row lock
        try (Connection holder = TestDatabase.dataSource().getConnection(); Statement s = holder.createStatement()) {
            holder.setAutoCommit(false);
            s.execute("select * from inv_sku where sku = 'A' for update");
            Thread victim = new Thread(() -> {
                try {
                    killing.reserve(new ReservationRequest(ReservationKey.of("victim"), "",
                            List.of(ReservationLine.anywhere(B, 1), ReservationLine.at(A, WH, 2)), null));
                } catch (SpiException expected) {
                    killed.add(1L);
                }
            });
            victim.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            long waiting = 0;
            while (waiting == 0 && System.nanoTime() < deadline) {
                waiting = count("select count(*) from pg_stat_activity where wait_event_type = 'Lock'");
            }
            assertThat(waiting).as("the reservation waits for the SKU lock").isPositive();
            count("select count(pg_terminate_backend(pid)) from pg_stat_activity where wait_event_type = 'Lock'");
            holder.rollback();
            victim.join(TimeUnit.SECONDS.toMillis(20));
        }

        assertThat(killed).as("the caller was told with an SpiException").hasSize(1);
        assertThat(store.findReservation(ReservationKey.of("victim"))).isEmpty();
        assertThat(store.networkReserved(B)).isZero();
        assertThat(store.position(A, WH).reserved()).isZero();
    }

    @Test
    void the_one_statement_release_gives_back_pinned_and_network_units_once() throws SQLException {
        store.adjust(StockAdjustment.of("more", A, WH, MovementReason.RECEIPT, 90, ""));
        store.reserve(new ReservationRequest(ReservationKey.of("cart"), "",
                List.of(ReservationLine.at(A, WH, 2), ReservationLine.anywhere(A, 3)), null));
        long outboxBefore = count("select count(*) from oms_outbox");

        assertThat(tryRelease("r.held_skus, r.held_locations, r.held_quantities")).isEqualTo("released");

        assertThat(store.position(A, WH).reserved()).isZero();
        assertThat(store.networkReserved(A)).isZero();
        assertThat(count("select positions_ats from inv_sku where sku = 'A'")).isEqualTo(100);
        assertThat(store.findReservation(ReservationKey.of("cart")).orElseThrow().held()).isEmpty();
        assertThat(count("select count(*) from inv_reservation where status = 'RELEASED'")).isEqualTo(1);
        assertThat(count("select count(*) from oms_outbox")).isEqualTo(outboxBefore + 1);
        assertThat(tryRelease("r.held_skus, r.held_locations, r.held_quantities")).as("a second release").isEqualTo("stale");
        assertThat(count("select count(*) from oms_outbox")).isEqualTo(outboxBefore + 1);
    }

    @Test
    void the_one_statement_release_refuses_lines_other_than_those_held() throws SQLException {
        store.adjust(StockAdjustment.of("more", A, WH, MovementReason.RECEIPT, 90, ""));
        store.reserve(new ReservationRequest(ReservationKey.of("cart"), "",
                List.of(ReservationLine.at(A, WH, 2), ReservationLine.anywhere(A, 3)), null));

        assertThat(tryRelease("r.held_skus, r.held_locations, array[2, 2]")).isEqualTo("stale");

        assertThat(store.position(A, WH).reserved()).isEqualTo(2);
        assertThat(store.networkReserved(A)).isEqualTo(3);
        assertThat(store.findReservation(ReservationKey.of("cart")).orElseThrow().isActive()).isTrue();
    }

    @Test
    void a_release_that_moves_an_alert_level_takes_the_transactional_path_and_raises_it() throws SQLException {
        store.reserve(new ReservationRequest(ReservationKey.of("all"), "", List.of(ReservationLine.at(A, WH, 10)), null));
        assertThat(count("select count(*) from inv_position where level = 'OUT_OF_STOCK'")).isEqualTo(1);
        long lastOutboxRow = count("select max(id) from oms_outbox");

        assertThatThrownBy(() -> tryRelease("r.held_skus, r.held_locations, r.held_quantities"))
                .isInstanceOf(SQLException.class).hasMessageContaining("inv_try_release: level of A at WH changes");
        assertThat(store.position(A, WH).reserved()).as("nothing written").isEqualTo(10);

        Reservation released = store.release(ReservationKey.of("all")).orElseThrow();

        assertThat(released.held()).isEmpty();
        assertThat(store.position(A, WH).reserved()).isZero();
        assertThat(count("select count(*) from inv_position where level = 'OUT_OF_STOCK'")).isZero();
        assertThat(count("select count(*) from oms_outbox where id > " + lastOutboxRow
                + " and payload::text like '%inventory.level-changed%'")).as("the release raised the level change").isEqualTo(1);
    }

    /** Calls the release function on the one reservation there is, with the given held arrays and default thresholds. */
    private static String tryRelease(String heldArrays) throws SQLException {
        io.omskit.core.inventory.StockThresholds t = io.omskit.core.inventory.StockThresholds.defaults();
        String sql = "select inv_try_release(r.reservation_key, " + heldArrays + ", array['A'], array[" + t.low() + "], array["
                + t.overstock() + "], array_fill(" + t.low() + ", array[cardinality(r.held_skus)]), array_fill("
                + t.overstock() + ", array[cardinality(r.held_skus)]), 'A', 1, now(), '[{\"test\": 1}]'::json)"
                + " from inv_reservation r";
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as("one reservation").isTrue();
            return rs.getString(1);
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void runConcurrently(int threads, io.omskit.testkit.contract.Together.ThreadTask task) throws Exception {
        io.omskit.testkit.contract.Together.run(threads, task);
    }
}

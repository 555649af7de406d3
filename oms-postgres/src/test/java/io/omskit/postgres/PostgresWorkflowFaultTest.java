package io.omskit.postgres;

import com.zaxxer.hikari.HikariDataSource;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.inmemory.InMemoryFulfilmentRepository;
import io.omskit.core.inmemory.RecordingEventPublisher;
import io.omskit.core.jackson.OmsJacksonModule;
import io.omskit.core.spi.EventPublisher;
import io.omskit.postgres.internal.JsonCodec;
import io.omskit.testkit.workflow.StorageDisturbance;
import io.omskit.testkit.workflow.WorkflowAdapters;
import io.omskit.testkit.workflow.WorkflowFaultContract;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The workflow contract on PostgreSQL: the order repository (events in the outbox) and the inventory store on the
 * test database, a second node on a pool of its own; during the load a random backend of the database is killed every
 * 5 ms (see {@link BackendKiller}).
 */
class PostgresWorkflowFaultTest extends WorkflowFaultContract {

    private static final JsonCodec CODEC = new JsonCodec(new OmsJacksonModule());
    /** The second nodes open now, by the adapters they were handed out as. */
    private final Map<WorkflowAdapters, PostgresOms> nodes = new ConcurrentHashMap<>();
    // until the PostgreSQL fulfilment repository exists, fulfilments live in memory, shared by both nodes
    private InMemoryFulfilmentRepository fulfilments;

    @Override
    protected WorkflowAdapters newAdapters(Clock clock) {
        TestDatabase.clean();
        DataSource db = TestDatabase.dataSource();
        fulfilments = new InMemoryFulfilmentRepository();
        // order events go through the outbox; fulfilment events, kept in memory, to this publisher
        RecordingEventPublisher fulfilmentEvents = new RecordingEventPublisher();
        return new WorkflowAdapters(new PostgresOrderRepository(db, new OmsJacksonModule(), clock, () -> { }), fulfilments,
                PostgresInventoryStore.builder(db).clock(clock).build(), fulfilmentEvents, () -> {
                    List<DomainEvent> all = new java.util.ArrayList<>(outboxEvents(db));
                    all.addAll(fulfilmentEvents.events());
                    return all;
                });
    }

    @Override
    protected WorkflowAdapters secondNode(WorkflowAdapters first, Clock clock) {
        // no relay: the contract reads the outbox, whoever wrote it
        PostgresOms node = PostgresOms.builder().jdbcUrl(TestDatabase.jdbcUrl(), "postgres", "postgres").clock(clock)
                .poolSize(4).publishSynchronously(false).pollInterval(null).start();
        WorkflowAdapters adapters = new WorkflowAdapters(node.orderRepository(), first.fulfilments(), node.inventoryStore(),
                first.events(), first.published());
        nodes.put(adapters, node);
        return adapters;
    }

    @Override
    protected void closeSecondNode(WorkflowAdapters node) {
        PostgresOms pg = nodes.remove(node);
        if (pg != null) {
            pg.close();
        }
    }

    @Override
    protected StorageDisturbance disturbStorage() {
        List<HikariDataSource> pools = new ArrayList<>();
        pools.add(unwrap(TestDatabase.dataSource()));
        nodes.values().forEach(node -> pools.add(unwrap(node.dataSource())));
        return BackendKiller.start(Duration.ofMillis(5), pools);
    }

    private static HikariDataSource unwrap(DataSource pool) {
        try {
            return pool.unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            throw new IllegalStateException("not a HikariCP pool: " + pool, e);
        }
    }

    /** Every event written to the outbox so far, published or not, in the order written. */
    private static List<DomainEvent> outboxEvents(DataSource db) {
        List<DomainEvent> events = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select payload::text from oms_outbox order by id")) {
            while (rs.next()) {
                events.addAll(CODEC.eventsFromJsonArray(rs.getString(1)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the outbox", e);
        }
        return events;
    }
}

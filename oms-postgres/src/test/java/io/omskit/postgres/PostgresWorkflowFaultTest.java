package io.omskit.postgres;

import com.zaxxer.hikari.HikariDataSource;
import io.omskit.core.jackson.OmsJacksonModule;
import io.omskit.core.spi.EventPublisher;
import io.omskit.testkit.workflow.StorageDisturbance;
import io.omskit.testkit.workflow.WorkflowAdapters;
import io.omskit.testkit.workflow.WorkflowFaultContract;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The workflow contract on PostgreSQL: the order and fulfilment repositories (events in the outbox) and the inventory
 * store on the test database, a second node on a pool of its own; during the load a random backend of the database is
 * killed every 5 ms (see {@link BackendKiller}).
 */
class PostgresWorkflowFaultTest extends WorkflowFaultContract {

    /** The second nodes open now, by the adapters they were handed out as. */
    private final Map<WorkflowAdapters, PostgresOms> nodes = new ConcurrentHashMap<>();

    @Override
    protected WorkflowAdapters newAdapters(Clock clock) {
        TestDatabase.clean();
        DataSource db = TestDatabase.dataSource();
        return new WorkflowAdapters(new PostgresOrderRepository(db, new OmsJacksonModule(), clock, () -> { }),
                new PostgresFulfilmentRepository(db, new OmsJacksonModule(), clock, () -> { }),
                PostgresInventoryStore.builder(db).clock(clock).build(), EventPublisher.none(), TestDatabase::outboxEvents);
    }

    @Override
    protected WorkflowAdapters secondNode(WorkflowAdapters first, Clock clock) {
        // no relay: the contract reads the outbox, whoever wrote it
        PostgresOms node = PostgresOms.builder().jdbcUrl(TestDatabase.jdbcUrl(), "postgres", "postgres").clock(clock)
                .poolSize(4).publishSynchronously(false).pollInterval(null).start();
        WorkflowAdapters adapters = new WorkflowAdapters(node.orderRepository(), node.fulfilmentRepository(),
                node.inventoryStore(), EventPublisher.none(), first.published());
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
}

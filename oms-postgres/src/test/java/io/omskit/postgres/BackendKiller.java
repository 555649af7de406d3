package io.omskit.postgres;

import com.zaxxer.hikari.HikariDataSource;
import io.omskit.testkit.workflow.StorageDisturbance;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Terminates a random client backend of the test database at every tick, from a connection of its own, until closed;
 * then evicts what the given pools still hold, so that no broken connection is handed out afterwards. It spares the
 * last four backends, so that it never kills connections faster than the pools can open new ones (which would starve
 * every caller rather than test its retries), however slow the machine is.
 */
final class BackendKiller implements StorageDisturbance {

    private static final int SPARED = 4;
    private static final String KILL_ONE = "select pg_terminate_backend(pid) from (select pid, count(*) over () as alive"
            + " from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()"
            + " and backend_type = 'client backend') b where alive > " + SPARED + " order by random() limit 1";

    private final List<HikariDataSource> pools;
    private final AtomicLong killed = new AtomicLong();
    private final Thread thread;
    private volatile boolean stopped;
    private volatile Exception failure;

    private BackendKiller(Connection connection, Duration tick, List<HikariDataSource> pools) {
        this.pools = List.copyOf(pools);
        this.thread = new Thread(() -> kill(connection, tick.toNanos()), "backend-killer");
        thread.setDaemon(true);
    }

    /** Starts killing a backend every {@code tick}; {@link #close()} stops it and evicts the connections of {@code pools}. */
    static BackendKiller start(Duration tick, List<HikariDataSource> pools) {
        try {
            Connection c = DriverManager.getConnection(TestDatabase.jdbcUrl(), "postgres", "postgres");
            BackendKiller killer = new BackendKiller(c, tick, pools);
            killer.thread.start();
            return killer;
        } catch (SQLException e) {
            throw new IllegalStateException("the backend killer cannot connect", e);
        }
    }

    private void kill(Connection connection, long tickNanos) {
        try (connection; Statement s = connection.createStatement()) {
            while (!stopped) {
                try (ResultSet rs = s.executeQuery(KILL_ONE)) {
                    if (rs.next() && rs.getBoolean(1)) {
                        killed.incrementAndGet();
                    }
                }
                LockSupport.parkNanos(tickNanos);
            }
        } catch (SQLException e) {
            failure = e;
        }
    }

    @Override
    public Map<String, Long> figures() {
        return Map.of("backends killed", killed.get());
    }

    @Override
    public void close() {
        stopped = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (HikariDataSource pool : pools) {
            pool.getHikariPoolMXBean().softEvictConnections();
        }
        if (failure != null) {
            throw new IllegalStateException("the backend killer failed; it killed " + killed.get() + " backends", failure);
        }
    }
}

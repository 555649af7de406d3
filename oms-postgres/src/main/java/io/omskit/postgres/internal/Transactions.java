package io.omskit.postgres.internal;

import io.omskit.core.spi.SpiException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs units of work in READ COMMITTED transactions (reads that must agree with each other in read-only REPEATABLE
 * READ ones), retrying the ones PostgreSQL aborted because of a serialization failure or a deadlock, and turning
 * every other database failure into an {@link SpiException}.
 * A unit of work that throws leaves nothing behind: its transaction is rolled back.
 */
public final class Transactions {

    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

    private final DataSource dataSource;
    private final int maxAttempts;

    /**
     * @param dataSource  where connections come from
     * @param maxAttempts how often a transaction aborted by a serialization failure or deadlock is tried in all, at least 1
     */
    public Transactions(DataSource dataSource, int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
        this.dataSource = dataSource;
        this.maxAttempts = maxAttempts;
    }

    /** The data source the transactions run on. */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Runs {@code work} in one transaction and commits it.
     *
     * @param operation names the operation in error messages
     * @throws SpiException when the database failed, or kept aborting the transaction; nothing was committed
     */
    public <T> T inTransaction(String operation, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                boolean autoCommit = c.getAutoCommit();
                if (autoCommit) {
                    c.setAutoCommit(false);
                }
                T result;
                try {
                    result = work.run(c);
                    c.commit();
                } catch (SQLException | RuntimeException | Error e) {
                    // a connection the server closed fails these too: keep the first failure, which says why
                    rollbackQuietly(c, e);
                    if (autoCommit) {
                        restoreAutoCommitQuietly(c, e);
                    }
                    throw e;
                }
                if (autoCommit) {
                    c.setAutoCommit(true);
                }
                return result;
            } catch (SQLException e) {
                if (isTransientConflict(e) && attempt < maxAttempts) {
                    LOG.debug("{}: transaction aborted ({}), attempt {} of {}", operation, e.getSQLState(), attempt, maxAttempts);
                    backOff(attempt);
                    continue;
                }
                throw failure(operation, e, attempt);
            }
        }
    }

    /**
     * Runs the reads of {@code work} in one read-only REPEATABLE READ transaction, so that they all see the database
     * as of one moment: a change committed between two of them is seen by both or by neither.
     *
     * @throws SpiException when the database failed
     */
    public <T> T readOnly(String operation, Work<T> work) {
        return inTransaction(operation, c -> {
            try (Statement s = c.createStatement()) {
                s.execute("set transaction isolation level repeatable read, read only");
            }
            return work.run(c);
        });
    }

    /**
     * Runs {@code work} on a connection in auto-commit mode: each statement is its own transaction. For reads, and
     * for a single statement that must write all or nothing on its own (a database function).
     *
     * @throws SpiException when the database failed
     */
    public <T> T autoCommit(String operation, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw failure(operation, e, 1);
        }
    }

    /** Whether PostgreSQL aborted the transaction because of a concurrent one: serialization failure or deadlock. */
    public static boolean isTransientConflict(SQLException e) {
        String state = e.getSQLState();
        return "40001".equals(state) || "40P01".equals(state);
    }

    private static SpiException failure(String operation, SQLException e, int attempts) {
        String state = e.getSQLState();
        boolean retryable = state == null || state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                || state.startsWith("57");
        LOG.warn("{} failed after {} attempt(s): SQLSTATE {}: {}", operation, attempts, state, e.getMessage());
        return new SpiException(operation + " failed (SQLSTATE " + state + "): " + e.getMessage(), e, retryable);
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void restoreAutoCommitQuietly(Connection c, Throwable cause) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void backOff(int attempt) {
        long maxMicros = Math.min(20_000L, 500L << Math.min(attempt, 6));
        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(ThreadLocalRandom.current().nextLong(maxMicros / 2, maxMicros)));
    }

    /** A unit of work on an open connection. */
    @FunctionalInterface
    public interface Work<T> {
        /** Does the work; the caller commits or rolls back. */
        T run(Connection connection) throws SQLException;
    }
}

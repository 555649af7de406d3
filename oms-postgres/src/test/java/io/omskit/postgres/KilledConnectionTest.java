package io.omskit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.omskit.core.spi.SpiException;
import io.omskit.postgres.internal.Transactions;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** A database backend killed under a call (an administrator, a failover, a proxy) fails it as a retryable SpiException. */
class KilledConnectionTest {

    private final Transactions tx = new Transactions(TestDatabase.dataSource(), 3);

    /** Work whose connection's server process terminates itself, as an administrator's kill would. */
    private static final Transactions.Work<Void> KILLS_ITS_BACKEND = c -> {
        try (Statement s = c.createStatement()) {
            s.execute("select pg_terminate_backend(pg_backend_pid())");
        }
        return null;
    };

    @Test
    void a_backend_killed_inside_a_transaction_fails_the_call_as_retryable_and_names_the_kill() {
        SpiException e = catchThrowableOfType(SpiException.class, () -> tx.inTransaction("work", KILLS_ITS_BACKEND));

        assertThat(e.retryable()).isTrue();
        assertThat(e).hasMessageContaining("SQLSTATE 57P01");
    }

    @Test
    void a_backend_killed_under_an_auto_commit_statement_fails_the_call_as_retryable_and_names_the_kill() {
        SpiException e = catchThrowableOfType(SpiException.class, () -> tx.autoCommit("read", KILLS_ITS_BACKEND));

        assertThat(e.retryable()).isTrue();
        assertThat(e).hasMessageContaining("SQLSTATE 57P01");
    }
}

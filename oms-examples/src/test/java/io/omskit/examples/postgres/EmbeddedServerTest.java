package io.omskit.examples.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.LocationId;
import io.omskit.postgres.PostgresOms;
import org.junit.jupiter.api.Test;

/** The demo's own PostgreSQL server, as the {@code --postgres} demo and the load command use it. */
class EmbeddedServerTest {

    @Test
    void wires_the_adapters_on_a_server_of_its_own_and_stops_it_on_close() throws Exception {
        String url;
        try (EmbeddedServer server = EmbeddedServer.start();
             PostgresOms pg = server.connect(PostgresOms.builder()).start()) {
            url = pg.jdbcUrl();
            assertThat(url).isEqualTo(server.jdbcUrl());
            Sku sku = Sku.of("EMBEDDED-1");
            pg.inventoryStore().load(sku, LocationId.of("WH"), 3);
            assertThat(pg.inventoryStore().networkAvailable(sku)).isEqualTo(3);
        }
        assertThat(url).startsWith("jdbc:postgresql://");
        int port = Integer.parseInt(url.replaceAll(".*:(\\d+)/.*", "$1"));
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            throw new AssertionError("the embedded server still accepts connections on port " + socket.getPort());
        } catch (java.io.IOException expected) {
            // closed
        }
    }
}

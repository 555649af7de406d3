package io.omskit.postgres;

import com.zaxxer.hikari.HikariDataSource;
import io.omskit.core.spi.EventPublisher;
import java.time.Clock;
import java.time.Duration;

/**
 * A second application node for {@link MultiNodeStockRushTest}: a separate JVM with its own pool, store and outbox
 * relay on the same database, running {@link CartRush}. Prints one line per key ({@code R key}, {@code I key}) and
 * per failure ({@code F ...}), then {@code DONE}.
 *
 * <p>Arguments: JDBC URL, node name, threads, carts per thread, seed.
 */
public final class RushNode {

    private RushNode() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String node = args[1];
        int threads = Integer.parseInt(args[2]);
        int carts = Integer.parseInt(args[3]);
        long seed = Long.parseLong(args[4]);
        try (HikariDataSource ds = TestDatabase.newPool(url, threads + 2);
             OutboxRelay relay = new OutboxRelay(ds, EventPublisher.none(), Clock.systemUTC()).start(Duration.ofMillis(50))) {
            PostgresInventoryStore store = PostgresInventoryStore.builder(ds).afterCommit(relay::wakeUp).build();
            CartRush.Outcome outcome = CartRush.run(store, node, threads, carts, seed);
            StringBuilder out = new StringBuilder();
            outcome.reserved.forEach(k -> out.append("R ").append(k).append('\n'));
            outcome.refused.forEach(k -> out.append("I ").append(k).append('\n'));
            outcome.failures.forEach(f -> out.append("F ").append(f.replace('\n', ' ')).append('\n'));
            out.append("DONE\n");
            System.out.print(out);
            System.out.flush();
        }
    }
}

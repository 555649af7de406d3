package io.omskit.benchmarks.journey;

import io.omskit.postgres.PostgresOms;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the server spends on each kind of SQL statement of the {@link Shop#journey whole journey}, per order: the shop of
 * {@code JourneyBenchmark.postgres} (background relay) on an embedded server with {@code pg_stat_statements}, warmed up
 * with 1,500 journeys, then {@code orders} journeys on one thread. Prints, most expensive first, how often each
 * statement runs per order, its execution and planning time per call (a statement whose plans equal its calls is
 * planned afresh every time), rows and buffers per call; and the totals per order. {@link JourneyStatements} counts the
 * same statements without timing them. Timings depend on the load of the machine; calls per order do not. Run:
 * <pre>
 * java -cp oms-benchmarks/target/benchmarks.jar io.omskit.benchmarks.journey.JourneyStatementCosts [orders]
 * </pre>
 */
public final class JourneyStatementCosts {

    private JourneyStatementCosts() {
    }

    public static void main(String[] args) throws IOException, SQLException, InterruptedException {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        try (EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track", "all")
                .setServerConfig("pg_stat_statements.track_planning", "on").start()) {
            LongAdder events = new LongAdder();
            try (PostgresOms pg = PostgresOms.builder().jdbcUrl(server.getJdbcUrl("postgres", "postgres"), "postgres", "postgres")
                    .publishSynchronously(false).publisher(Shop.counting(events)).start()) {
                Shop shop = Shop.on(events, pg.orderRepository(), pg.fulfilmentRepository(), pg.inventoryStore());
                SplittableRandom random = new SplittableRandom(42);
                for (int i = 0; i < 1500; i++) {
                    shop.journey("WARM-" + i, random);
                }
                Thread.sleep(500);
                try (Connection c = pg.dataSource().getConnection(); Statement s = c.createStatement()) {
                    s.execute("create extension if not exists pg_stat_statements");
                    s.execute("select pg_stat_statements_reset()");
                }
                long start = System.nanoTime();
                for (int i = 0; i < orders; i++) {
                    shop.journey("COST-" + i, random);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                Thread.sleep(1000);
                System.out.printf("%,d orders in %.1f s on one thread: %.0f orders/s%n", orders, seconds, orders / seconds);
                print(pg, orders);
                shop.check();
            }
        }
    }

    private static void print(PostgresOms pg, int orders) throws SQLException {
        String query = "select calls, total_exec_time, total_plan_time, plans, rows, shared_blks_hit + shared_blks_read,"
                + " regexp_replace(query, '\\s+', ' ', 'g') from pg_stat_statements"
                + " where query not like '%pg_stat_statements%' order by total_exec_time + total_plan_time desc";
        StringBuilder lines = new StringBuilder();
        long calls = 0;
        double exec = 0;
        double plan = 0;
        try (Connection c = pg.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                long n = rs.getLong(1);
                calls += n;
                exec += rs.getDouble(2);
                plan += rs.getDouble(3);
                String text = rs.getString(7);
                lines.append(String.format("%6.2f %8.1f %8.1f %6d %6.1f %6.0f  %s%n", n / (double) orders,
                        rs.getDouble(2) * 1000 / n, rs.getDouble(3) * 1000 / n, rs.getLong(4), rs.getLong(5) / (double) n,
                        rs.getLong(6) / (double) n, text.length() > 140 ? text.substring(0, 140) : text));
            }
        }
        System.out.printf("per order: %.1f statements, %.0f µs executing, %.0f µs planning%n", calls / (double) orders,
                exec * 1000 / orders, plan * 1000 / orders);
        System.out.printf("%6s %8s %8s %6s %6s %6s  %s%n", "/order", "exec µs", "plan µs", "plans", "rows", "blocks", "statement");
        System.out.print(lines);
    }
}

package io.omskit.benchmarks.journey;

import io.omskit.postgres.PostgresOms;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the SQL statements of the {@link Shop#journey whole journey} on PostgreSQL, per order and by kind: the same
 * shop as {@code JourneyBenchmark.postgres} (background relay), on an embedded server that logs every statement
 * ({@code log_statement=all}). A warm-up, then {@code orders} journeys on one thread between two markers; the
 * statements between the markers are grouped by their first line and printed per order, most frequent first. With
 * {@code drained} the relay does not run during the journeys and publishes everything in one go at the end, so that
 * the figures are the callers' own statements; with {@code background} (the default) the relay runs as in the
 * benchmark, and how often it wakes (one batch after each burst of commits) depends on the machine's speed. Run:
 * <pre>
 * java -cp oms-benchmarks/target/benchmarks.jar io.omskit.benchmarks.journey.JourneyStatements [orders] [background|drained]
 * </pre>
 */
public final class JourneyStatements {

    private static final Pattern LOGGED = Pattern.compile("LOG:  (?:execute [^:]+|statement): (.*)");
    private static final String START = "select 'journey-statements-start'";
    private static final String END = "select 'journey-statements-end'";

    private JourneyStatements() {
    }

    public static void main(String[] args) throws IOException, SQLException, InterruptedException {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        boolean drained = args.length > 1 && "drained".equals(args[1]);
        Path log = Files.createTempFile("journey-statements", ".log");
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("log_statement", "all")
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile())).start()) {
            LongAdder events = new LongAdder();
            try (PostgresOms pg = PostgresOms.builder().jdbcUrl(server.getJdbcUrl("postgres", "postgres"), "postgres", "postgres")
                    .publishSynchronously(false).pollInterval(drained ? null : java.time.Duration.ofSeconds(1))
                    .publisher(Shop.counting(events)).start()) {
                Shop shop = Shop.on(events, pg.orderRepository(), pg.fulfilmentRepository(), pg.inventoryStore());
                SplittableRandom random = new SplittableRandom(42);
                for (int i = 0; i < 100; i++) {
                    shop.journey("WARM-" + i, random);
                }
                if (drained) {
                    pg.outboxRelay().publishPending();
                } else {
                    Thread.sleep(500);
                }
                mark(pg, START);
                for (int i = 0; i < orders; i++) {
                    shop.journey("COUNT-" + i, random);
                }
                if (drained) {
                    pg.outboxRelay().publishPending();
                } else {
                    Thread.sleep(1500);
                }
                mark(pg, END);
                System.out.println(shop.summary());
                shop.check();
            }
        }
        print(count(Files.readAllLines(log)), orders);
        Files.deleteIfExists(log);
    }

    private static void mark(PostgresOms pg, String marker) throws SQLException {
        try (Connection c = pg.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(marker);
        }
    }

    private static Map<String, Integer> count(List<String> lines) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        boolean counting = false;
        for (String line : lines) {
            Matcher m = LOGGED.matcher(line);
            if (!m.find()) {
                continue;
            }
            String statement = m.group(1).trim().replaceAll("\\s+", " ");
            if (statement.startsWith(START)) {
                counting = true;
            } else if (statement.startsWith(END)) {
                counting = false;
            } else if (counting) {
                String kind = statement.length() > 110 ? statement.substring(0, 110) : statement;
                counts.merge(kind, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static void print(Map<String, Integer> counts, int orders) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("%n%.1f statements per order (%d in %d orders)%n", total / (double) orders, total, orders);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> System.out.printf("%6.2f  %s%n", e.getValue() / (double) orders, e.getKey()));
    }
}

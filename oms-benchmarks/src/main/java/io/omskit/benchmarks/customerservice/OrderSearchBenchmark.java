package io.omskit.benchmarks.customerservice;

import io.omskit.core.catalog.Sku;
import io.omskit.core.channel.Channel;
import io.omskit.core.jackson.OmsJson;
import io.omskit.core.order.Address;
import io.omskit.core.order.CustomerRef;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.ExternalOrderRef;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineRequest;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.spi.OrderPage;
import io.omskit.core.spi.OrderQuery;
import io.omskit.postgres.PostgresOms;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A customer's last 20 orders among {@code orders} orders on PostgreSQL (the customer service agent's first screen),
 * and the next page of a popular SKU's recent orders. The orders are loaded once per trial by one bulk
 * {@code insert ... select generate_series} into {@code oms_order} and {@code oms_order_sku}: a small one-line
 * document per order, {@code customers} customers, placed one a second. Sample time, so the report shows the p99.
 * <pre>
 * java -jar oms-benchmarks/target/benchmarks.jar OrderSearchBenchmark            # 1,000,000 orders
 * java -jar oms-benchmarks/target/benchmarks.jar OrderSearchBenchmark -p orders=20000 -f 1 -wi 1 -i 1 -w 1s -r 1s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OrderSearchBenchmark {

    /** How many orders the table holds. */
    @Param({"1000000"})
    public int orders;

    /** How many customers placed them (so each has {@code orders / customers} on average). */
    @Param({"100000"})
    public int customers;

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant TEMPLATE_TIME = Instant.parse("2000-01-01T00:00:00Z");

    private EmbeddedPostgres server;
    private PostgresOms pg;

    @Setup(Level.Trial)
    public void load() throws IOException, SQLException {
        server = EmbeddedPostgres.builder().start();
        pg = PostgresOms.builder().jdbcUrl(server.getJdbcUrl("postgres", "postgres"), "postgres", "postgres").start();
        String template = OmsJson.newMapper().writeValueAsString(templateOrder())
                .replace(TEMPLATE_TIME.toString(), "@T@");
        try (Connection c = pg.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into oms_order (order_id, version, channel, external_ref, status, placed_at, updated_at, document,
                                           customer, pickup_store)
                    select id, 1, 'WEB', 'x' || g, 'AWAITING_CONFIRMATION', at, at,
                           replace(replace(replace(replace(?, '@ID@', id), '@C@', customer), '@X@', 'x' || g),
                                   '@T@', to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))::jsonb,
                           customer, null
                    from (select g, 'o-' || lpad(g::text, 9, '0') as id, 'c-' || (g % ?) as customer,
                                 ?::timestamptz + g * interval '1 second' as at
                          from generate_series(1, ?) g) rows""")) {
                ps.setString(1, template);
                ps.setInt(2, customers);
                ps.setString(3, T0.toString());
                ps.setInt(4, orders);
                ps.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("insert into oms_order_sku (sku, placed_at, order_id)"
                        + " select 'SKU-' || (substr(order_id, 3)::bigint % 500), placed_at, order_id from oms_order");
                s.execute("analyze oms_order");
                s.execute("analyze oms_order_sku");
            }
            c.commit();
        }
    }

    /** One order of one line, whose id, customer, reference and time are placeholders the load replaces. */
    private static Order templateOrder() {
        PlaceOrderRequest request = new PlaceOrderRequest(Channel.WEB, ExternalOrderRef.of("@X@"), CustomerRef.of("@C@"),
                CurrencyUnit.EUR, DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", null), null),
                List.of(new LineRequest(LineId.of("1"), Sku.of("SKU-1"), 1, Money.of(CurrencyUnit.EUR, 10), List.of(), null)),
                List.of(), List.of(), "tok");
        return Order.place(OrderId.of("@ID@"), request, TEMPLATE_TIME).state();
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        try {
            pg.close();
        } finally {
            server.close();
        }
    }

    /** A reader's random choices. */
    @State(Scope.Thread)
    public static class Reader {
        final SplittableRandom random = new SplittableRandom(42);
    }

    /** A customer's last 20 orders, newest first. */
    @Benchmark
    public OrderPage customersLast20(Reader reader) {
        CustomerRef customer = CustomerRef.of("c-" + reader.random.nextInt(customers));
        return pg.orderRepository().search(OrderQuery.all().customer(customer).limit(20));
    }

    /** The second page of 20 of a SKU's most recent orders (a cursor into the SKU index). */
    @Benchmark
    public OrderPage skuSecondPage(Reader reader) {
        OrderQuery query = OrderQuery.all().sku(Sku.of("SKU-" + reader.random.nextInt(500))).limit(20);
        OrderPage first = pg.orderRepository().search(query);
        return first.hasMore() ? pg.orderRepository().search(query.after(first.next())) : first;
    }
}

package io.omskit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.catalog.Sku;
import io.omskit.core.channel.Channel;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.CustomerRef;
import io.omskit.core.order.ExternalOrderRef;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.spi.OrderCursor;
import io.omskit.core.spi.OrderQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every filter of a search is served by an index that also gives the order: the plan of each statement the repository
 * runs reads the filter's index, and sorts nothing (with sequential scans priced out, as on a large table).
 */
class OrderSearchIndexTest {

    private static final Instant T = Instant.parse("2026-05-01T00:00:00Z");
    private static final OrderCursor AFTER = new OrderCursor(T, OrderId.of("o-1"));

    @Test
    void each_filter_reads_its_own_index_in_order() throws Exception {
        TestDatabase.clean();
        Map<OrderQuery, String> indexOf = Map.of(
                OrderQuery.all().customer(CustomerRef.of("c-1")).limit(20), "oms_order_by_customer",
                OrderQuery.all().customer(CustomerRef.of("c-1")).oldestFirst().after(AFTER), "oms_order_by_customer",
                OrderQuery.all().status(OrderStatus.SHIPPED).after(AFTER), "oms_order_by_status_placement",
                OrderQuery.all().channel(Channel.APP), "oms_order_by_channel",
                OrderQuery.all().placedFrom(T).placedBefore(T.plusSeconds(86_400)), "oms_order_by_placement",
                OrderQuery.all().sku(Sku.of("SKU-1")).after(AFTER), "oms_order_sku_pkey",
                OrderQuery.all().pickupStore(LocationId.of("ST-1")), "oms_order_by_pickup_store",
                OrderQuery.all().externalRef(ExternalOrderRef.of("WEB-1")), "oms_order_by_external_ref",
                OrderQuery.all(), "oms_order_by_placement");
        try (Connection c = TestDatabase.dataSource().getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("set enable_seqscan = off");
            }
            try {
                for (Map.Entry<OrderQuery, String> e : indexOf.entrySet()) {
                    PostgresOrderRepository.SearchStatement statement = PostgresOrderRepository.searchStatement(e.getKey());
                    StringBuilder plan = new StringBuilder();
                    try (PreparedStatement ps = c.prepareStatement("explain " + statement.sql())) {
                        statement.bind(c, ps);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                plan.append(rs.getString(1)).append('\n');
                            }
                        }
                    }
                    assertThat(plan.toString()).as("plan of %s", e.getKey()).contains(e.getValue()).doesNotContain("Sort");
                }
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("reset enable_seqscan");
                }
            }
        }
    }
}

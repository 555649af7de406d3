package io.omskit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.Oms;
import io.omskit.core.PlacementResult;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.inmemory.FakePaymentGateway;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.inmemory.RecordingEventPublisher;
import io.omskit.core.inventory.InventoryEvent;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.Address;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.order.PlaceOrderRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** Wiring OMS Kit on PostgreSQL with one call, as a host does. */
class PostgresOmsTest {

    @Test
    void places_an_order_through_the_library_on_an_existing_server_and_publishes_its_events_from_the_outbox()
            throws Exception {
        TestDatabase.clean();
        RecordingEventPublisher events = new RecordingEventPublisher();
        try (PostgresOms pg = PostgresOms.builder().jdbcUrl(TestDatabase.jdbcUrl(), "postgres", "postgres")
                .publisher(events).poolSize(4).start()) {
            Sku sku = Sku.of("MUG");
            LocationId warehouse = LocationId.of("WH-BERLIN");
            pg.inventoryStore().load(sku, warehouse, 5);
            Network network = Network.of(List.of(
                    Location.builder(warehouse, LocationType.WAREHOUSE, GeoPoint.of(52.40, 13.52)).build()));
            InMemoryCatalog catalog = new InMemoryCatalog().put(SkuAttributes.of(sku, "Mug", "kitchen", 300,
                    Dimensions.ofMillimetres(100, 100, 120), true));
            Oms oms = Oms.builder().clock(Clock.systemUTC()).network(network).catalog(catalog)
                    .orders(pg.orderRepository()).fulfilments(pg.fulfilmentRepository()).inventory(pg.inventoryStore())
                    .payments(new FakePaymentGateway())
                    .events(events)
                    .transfers(pg.transferRepository()).backorderBook(pg.backorderBook()).build();

            PlacementResult placed = oms.placeOrder(PlaceOrderRequest.builder().channel(Channel.WEB).externalRef("WEB-1")
                    .customer("c-1").currency("EUR").paymentRef("tok")
                    .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                            new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", null), null))
                    .line("1", sku.value(), 2, Money.of(CurrencyUnit.EUR, 10)).build());

            assertThat(placed.isConfirmed()).as("placement %s", placed).isTrue();
            assertThat(pg.orderRepository().find(placed.order().id())).contains(placed.order());
            assertThat(placed.order().status()).isEqualTo(OrderStatus.CONFIRMED);
            assertThat(pg.inventoryStore().networkReserved(sku)).isEqualTo(2);
            assertThat(events.events(InventoryEvent.StockReserved.class)).hasSize(1);
            assertThat(events.events(OrderEvent.OrderPlaced.class)).as("order events come through the outbox, once")
                    .singleElement().satisfies(e -> assertThat(e.orderId()).isEqualTo(placed.order().id()));
            assertThat(pg.outboxRelay().pendingCount()).isZero();
            try (Connection c = pg.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select count(*) from oms_schema_history where success")) {
                rs.next();
                assertThat(rs.getInt(1)).as("migrations applied once").isEqualTo(17);
            }
        }
    }

    @Test
    void refuses_to_start_without_a_server_to_connect_to() {
        assertThatThrownBy(() -> PostgresOms.builder().start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("jdbcUrl");
    }
}

package io.omskit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.Oms;
import io.omskit.core.PlacementResult;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.channel.Channel;
import io.omskit.core.inmemory.FakePaymentGateway;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.inmemory.RecordingEventPublisher;
import io.omskit.core.inmemory.RecordingNotificationSender;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.notification.Notifier;
import io.omskit.core.order.Address;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.spi.Notification;
import java.time.Clock;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** Customer notifications fed by the outbox relay, recorded in PostgreSQL: a node restart or a replay sends nothing twice. */
class PostgresNotificationsTest {

    @Test
    void the_relay_feeds_the_notifier_and_a_replay_of_the_outbox_or_a_second_node_sends_nothing_more() {
        TestDatabase.clean();
        RecordingEventPublisher events = new RecordingEventPublisher();
        RecordingNotificationSender sender = new RecordingNotificationSender();
        try (PostgresOms pg = PostgresOms.builder().jdbcUrl(TestDatabase.jdbcUrl(), "postgres", "postgres")
                .publisher(events).poolSize(4).pollInterval(null).start()) {
            Sku sku = Sku.of("MUG");
            LocationId warehouse = LocationId.of("WH-BERLIN");
            pg.inventoryStore().load(sku, warehouse, 5);
            FakePaymentGateway payments = new FakePaymentGateway();
            Oms oms = Oms.builder().clock(Clock.systemUTC())
                    .network(Network.of(List.of(Location.builder(warehouse, LocationType.WAREHOUSE,
                            GeoPoint.of(52.40, 13.52)).build())))
                    .catalog(new InMemoryCatalog().put(SkuAttributes.of(sku, "Mug", "kitchen", 300,
                            Dimensions.ofMillimetres(100, 100, 120), true)))
                    .orders(pg.orderRepository()).fulfilments(pg.fulfilmentRepository()).inventory(pg.inventoryStore())
                    .payments(payments).events(events)
                    .transfers(pg.transferRepository()).backorderBook(pg.backorderBook()).build();
            Notifier node1 = Notifier.builder(oms, sender, pg.notificationLog()).build();
            Notifier node2 = Notifier.builder(oms, sender, new PostgresNotificationLog(pg.dataSource())).build();
            events.subscribe(node1::accept);

            payments.declineNext("insufficient funds");
            PlacementResult declined = oms.placeOrder(order("WEB-1"));
            assertThat(declined.order().status()).isEqualTo(OrderStatus.ON_HOLD);
            assertThat(sender.calls()).as("placed, not confirmed: nothing told").isEmpty();
            oms.releaseHold(declined.order().id());
            PlacementResult confirmed = oms.placeOrder(order("WEB-2"));
            node2.publish(events.events());
            node1.publish(events.events());

            assertThat(sender.calls()).extracting(Notification::orderId)
                    .containsExactlyInAnyOrder(declined.order().id(), confirmed.order().id());
            assertThat(sender.delivered()).extracting(n -> n.subject().name()).containsOnly("CONFIRMED");
        }
    }

    private static PlaceOrderRequest order(String ref) {
        return PlaceOrderRequest.builder().channel(Channel.WEB).externalRef(ref).customer("c-1").currency("EUR")
                .paymentRef("tok").delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", null), null))
                .line("1", "MUG", 1, Money.of(CurrencyUnit.EUR, 10)).build();
    }
}

package io.omskit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.Oms;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.channel.Channel;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.inmemory.FakePaymentGateway;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.Actor;
import io.omskit.core.order.Address;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.CustomerRef;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.permission.DefaultActionPolicy;
import io.omskit.core.spi.OrderQuery;
import io.omskit.core.timeline.NotificationTimeline;
import io.omskit.core.timeline.Timeline;
import io.omskit.core.timeline.TimelineProjection;
import io.omskit.returns.ReturnTimeline;
import java.time.Clock;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** Customer service on PostgreSQL: finding orders, and the order's story read the same after a restart. */
class PostgresCustomerServiceTest {

    private static final Sku MUG = Sku.of("MUG");
    private static final LocationId WH = LocationId.of("WH-BERLIN");

    private static Oms oms(PostgresOms pg, TimelineProjection live) {
        Network network = Network.of(List.of(Location.builder(WH, LocationType.WAREHOUSE, GeoPoint.of(52.40, 13.52)).build()));
        InMemoryCatalog catalog = new InMemoryCatalog().put(SkuAttributes.of(MUG, "Mug", "kitchen", 300,
                Dimensions.ofMillimetres(100, 100, 120), true));
        return Oms.builder().clock(Clock.systemUTC()).network(network).catalog(catalog).orders(pg.orderRepository())
                .fulfilments(pg.fulfilmentRepository()).inventory(pg.inventoryStore()).payments(new FakePaymentGateway())
                .events(live).timelineSource(new ReturnTimeline(pg.returnRepository()))
                .timelineSource(new NotificationTimeline(pg.notificationLog()))
                .transfers(pg.transferRepository()).backorderBook(pg.backorderBook()).build();
    }

    private static PostgresOms start(TimelineProjection live) {
        return PostgresOms.builder().jdbcUrl(TestDatabase.jdbcUrl(), "postgres", "postgres").publisher(live).poolSize(4).start();
    }

    private static PlaceOrderRequest order(String ref, String customer, int mugs) {
        return PlaceOrderRequest.builder().channel(Channel.WEB).externalRef(ref).customer(customer).currency("EUR")
                .paymentRef("tok").delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", null), null))
                .line("1", MUG.value(), mugs, Money.of(CurrencyUnit.EUR, 10)).build();
    }

    @Test
    void an_agent_finds_a_customers_orders_and_reads_one_story_the_same_after_a_restart() {
        TestDatabase.clean();
        TimelineProjection live = new TimelineProjection();
        Order shipped;
        Order cancelled;
        Timeline before;
        try (PostgresOms pg = start(live)) {
            pg.inventoryStore().load(MUG, WH, 50);
            Oms oms = oms(pg, live);
            shipped = oms.placeOrder(order("W-1", "c-1", 2)).order();
            oms.placeOrder(order("W-2", "c-2", 1));
            cancelled = oms.placeOrder(order("W-3", "c-1", 1)).order();
            oms.customerService().addNote(shipped.id(), Actor.agent("agent-7"), "Asked for a morning delivery.").get();
            oms.allocate(shipped.id(), "W-1-WH", WH, List.of(LineQuantity.of(LineId.of("1"), 2)));
            FulfilmentId f = FulfilmentId.of("W-1-WH");
            oms.fulfilments().accept(f);
            oms.fulfilments().startPicking(f);
            oms.fulfilments().pack(f);
            oms.fulfilments().ship(f, ShipmentDetails.of("parcel-1", "DHL", "TRACK-1"));
            Actor customer = Actor.customer(CustomerRef.of("c-1"));
            assertThat(oms.customerService().cancelOrder(shipped.id(), customer, CancellationReason.CUSTOMER_REQUEST).verdict()
                    .rule()).isEqualTo(DefaultActionPolicy.CUSTOMER_CANCELS_BEFORE_PREPARATION);
            oms.customerService().cancelOrder(cancelled.id(), customer, CancellationReason.CUSTOMER_REQUEST).get();

            assertThat(oms.customerService().find(OrderQuery.all().customer(CustomerRef.of("c-1"))).orders())
                    .extracting(Order::id).containsExactly(cancelled.id(), shipped.id());
            assertThat(oms.customerService().find(OrderQuery.all().status(OrderStatus.SHIPPED)).orders())
                    .extracting(Order::id).containsExactly(shipped.id());
            assertThat(oms.customerService().find(OrderQuery.all().status(OrderStatus.CANCELLED).sku(MUG)).orders())
                    .extracting(Order::id).containsExactly(cancelled.id());
            before = oms.customerService().timeline(shipped.id());
            assertThat(live.timeline(shipped.id(), List.of())).as("followed live from the outbox").isEqualTo(before);
            assertThat(live.timeline(cancelled.id(), List.of())).isEqualTo(oms.customerService().timeline(cancelled.id()));
        }
        assertThat(before.ofKind("order.note-added")).hasSize(1);
        assertThat(before.ofKind("fulfilment.shipped")).hasSize(1);

        try (PostgresOms restarted = start(new TimelineProjection())) {
            Oms oms = oms(restarted, new TimelineProjection());
            assertThat(oms.customerService().timeline(shipped.id())).isEqualTo(before);
            assertThat(oms.customerService().timeline(cancelled.id()).ofKind("order.units-cancelled")).singleElement()
                    .satisfies(e -> assertThat(e.actor()).isEqualTo(Actor.customer(CustomerRef.of("c-1"))));
        }
    }
}

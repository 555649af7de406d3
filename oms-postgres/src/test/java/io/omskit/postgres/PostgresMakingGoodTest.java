package io.omskit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.Goodwill;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.spi.EventPublisher;
import io.omskit.core.spi.SpiException;
import io.omskit.testkit.faults.FaultPlan;
import java.time.Clock;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * Customer service's changes and goodwill on PostgreSQL: a save that failed before or after it reached the database is
 * finished by calling again with the same key, once (the customer refunded once, one event stored).
 */
class PostgresMakingGoodTest {

    private static final Sku MUG = Sku.of("MUG");
    private static final LocationId WH = LocationId.of("WH-BERLIN");
    private static final Address HAMBURG = new Address("A. Person", "Harbour Road 5", null, "Hamburg", "20095", "DE", null);

    private static Oms oms(PostgresOms pg, FaultPlan plan, FakePaymentGateway payments) {
        Network network = Network.of(List.of(Location.builder(WH, LocationType.WAREHOUSE, GeoPoint.of(52.40, 13.52)).build()));
        InMemoryCatalog catalog = new InMemoryCatalog().put(SkuAttributes.of(MUG, "Mug", "kitchen", 300,
                Dimensions.ofMillimetres(100, 100, 120), true));
        return Oms.builder().clock(Clock.systemUTC()).network(network).catalog(catalog).orders(plan.orders(pg.orderRepository()))
                .fulfilments(pg.fulfilmentRepository()).inventory(pg.inventoryStore()).payments(payments)
                .transfers(pg.transferRepository()).backorderBook(pg.backorderBook()).events(EventPublisher.none()).build();
    }

    private static PlaceOrderRequest order(String ref) {
        return PlaceOrderRequest.builder().channel(Channel.WEB).externalRef(ref).customer("c-1").currency("EUR")
                .paymentRef("tok").delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", null), null))
                .line("1", MUG.value(), 3, Money.of(CurrencyUnit.EUR, 10)).build();
    }

    private static Order shipped(Oms oms, String ref) {
        Order order = oms.placeOrder(order(ref)).order();
        oms.allocate(order.id(), ref + "-WH", WH, List.of(LineQuantity.of(LineId.of("1"), 3)));
        FulfilmentId f = FulfilmentId.of(ref + "-WH");
        oms.fulfilments().accept(f);
        oms.fulfilments().startPicking(f);
        oms.fulfilments().pack(f);
        oms.fulfilments().ship(f, ShipmentDetails.of("parcel-" + ref, "DHL", ""));
        return oms.order(order.id()).orElseThrow();
    }

    private static long stored(PostgresOms pg, Order order, Class<? extends OrderEvent> type) {
        return pg.orderRepository().history(order.id()).stream().filter(type::isInstance).count();
    }

    @Test
    void a_goodwill_refund_whose_save_failed_before_or_after_the_database_is_finished_once_by_its_retry() {
        TestDatabase.clean();
        FaultPlan plan = FaultPlan.seeded(1).off();
        FakePaymentGateway payments = new FakePaymentGateway();
        try (PostgresOms pg = PostgresOms.builder().jdbcUrl(TestDatabase.jdbcUrl(), "postgres", "postgres").poolSize(4).start()) {
            pg.inventoryStore().load(MUG, WH, 50);
            Oms oms = oms(pg, plan, payments);
            Actor agent = Actor.agent("agent-7");
            Goodwill late = Goodwill.refund(Money.parse("EUR 4.95"), "parcel arrived 3 days late");
            for (FaultPlan.Point point : FaultPlan.Point.values()) {
                Order order = shipped(oms, "G-" + point);
                plan.failNext("save", point);

                assertThatThrownBy(() -> oms.customerService().makeGood(order.id(), agent, late, "call-1"))
                        .isInstanceOf(SpiException.class);
                Order after = oms.customerService().makeGood(order.id(), agent, late, "call-1").get();
                Order again = oms.customerService().makeGood(order.id(), agent, late, "call-1").get();

                assertThat(after.payment().refunded()).as(point.name()).isEqualTo(Money.parse("EUR 4.95"));
                assertThat(again.version()).isEqualTo(after.version());
                assertThat(payments.refunded(order.id())).as("refunded once, " + point).isEqualTo(Money.parse("EUR 4.95"));
                assertThat(stored(pg, order, OrderEvent.OrderGoodwillGranted.class)).isEqualTo(1);
                assertThat(pg.orderRepository().find(order.id()).orElseThrow().payment().refunded())
                        .isEqualTo(Money.parse("EUR 4.95"));
            }
        }
    }

    @Test
    void an_address_change_whose_save_failed_is_finished_once_by_its_retry() {
        TestDatabase.clean();
        FaultPlan plan = FaultPlan.seeded(2).off();
        try (PostgresOms pg = PostgresOms.builder().jdbcUrl(TestDatabase.jdbcUrl(), "postgres", "postgres").poolSize(4).start()) {
            pg.inventoryStore().load(MUG, WH, 50);
            Oms oms = oms(pg, plan, new FakePaymentGateway());
            for (FaultPlan.Point point : FaultPlan.Point.values()) {
                Order order = oms.placeOrder(order("A-" + point)).order();
                plan.failNext("save", point);

                assertThatThrownBy(() -> oms.customerService().changeAddress(order.id(), Actor.agent("agent-7"), HAMBURG, "move-1"))
                        .isInstanceOf(SpiException.class);
                oms.customerService().changeAddress(order.id(), Actor.agent("agent-7"), HAMBURG, "move-1").get();
                oms.customerService().changeAddress(order.id(), Actor.agent("agent-7"), HAMBURG, "move-1").get();

                assertThat(pg.orderRepository().find(order.id()).orElseThrow().delivery().address()).isEqualTo(HAMBURG);
                assertThat(stored(pg, order, OrderEvent.OrderAddressChanged.class)).as(point.name()).isEqualTo(1);
            }
        }
    }
}

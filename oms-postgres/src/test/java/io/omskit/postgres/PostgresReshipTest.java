package io.omskit.postgres;

import io.omskit.core.order.ReshipReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.Oms;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.channel.Channel;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.Reshipment;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.inmemory.FakePaymentGateway;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.Actor;
import io.omskit.core.order.Address;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.testkit.faults.FaultPlan;
import java.time.Clock;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * Re-shipping a lost parcel on PostgreSQL: placed, shipped, re-shipped while a save of the fulfilment or the order, or
 * the stock allocation or write-off, fails before or after it reached the database; the retry with the same key
 * finishes it once; the re-shipment is read back with its link to the parcel, ships, delivers the order, and the money
 * captured does not move.
 */
class PostgresReshipTest {

    private static final Sku MUG = Sku.of("MUG");
    private static final LocationId WH = LocationId.of("WH-BERLIN");

    private static Oms oms(PostgresOms pg, FaultPlan plan, FakePaymentGateway payments) {
        Network network = Network.of(List.of(Location.builder(WH, LocationType.WAREHOUSE, GeoPoint.of(52.40, 13.52)).build()));
        InMemoryCatalog catalog = new InMemoryCatalog().put(SkuAttributes.of(MUG, "Mug", "kitchen", 300,
                Dimensions.ofMillimetres(100, 100, 120), true));
        return Oms.builder().clock(Clock.systemUTC()).network(network).catalog(catalog).orders(plan.orders(pg.orderRepository()))
                .fulfilments(plan.fulfilments(pg.fulfilmentRepository())).inventory(plan.inventory(pg.inventoryStore()))
                .transfers(pg.transferRepository()).backorderBook(pg.backorderBook()).events(io.omskit.core.spi.EventPublisher.none())
                .payments(payments).build();
    }

    private static Order shipped(Oms oms, String ref) {
        Order order = oms.placeOrder(PlaceOrderRequest.builder().channel(Channel.WEB).externalRef(ref).customer("c-1")
                .currency("EUR").paymentRef("tok").delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", null), null))
                .line("1", MUG.value(), 2, Money.of(CurrencyUnit.EUR, 10)).build()).order();
        oms.allocate(order.id(), ref + "-WH", WH, List.of(LineQuantity.of(LineId.of("1"), 2)));
        FulfilmentId f = FulfilmentId.of(ref + "-WH");
        oms.fulfilments().accept(f);
        oms.fulfilments().startPicking(f);
        oms.fulfilments().pack(f);
        oms.fulfilments().ship(f, ShipmentDetails.of("parcel-" + ref, "DHL", ""));
        return oms.order(order.id()).orElseThrow();
    }

    @Test
    void a_lost_parcel_is_reshipped_once_whatever_save_failed_and_its_delivery_delivers_the_order() {
        TestDatabase.clean();
        FaultPlan plan = FaultPlan.seeded(3).off();
        FakePaymentGateway payments = new FakePaymentGateway();
        try (PostgresOms pg = PostgresOms.builder().jdbcUrl(TestDatabase.jdbcUrl(), "postgres", "postgres").poolSize(4).start()) {
            pg.inventoryStore().load(MUG, WH, 100);
            Oms oms = oms(pg, plan, payments);
            Actor agent = Actor.agent("agent-7");
            int onHand = 100;
            int n = 0;
            for (String call : List.of("saveFulfilment", "save", "allocate", "adjust")) {
                for (FaultPlan.Point point : FaultPlan.Point.values()) {
                    String when = call + " " + point;
                    Order order = shipped(oms, "R-" + n++);
                    onHand -= 2;
                    FulfilmentId parcel = FulfilmentId.of(order.externalRef().value() + "-WH");
                    plan.failNext(call, point);

                    assertThatThrownBy(() -> oms.customerService().reship(order.id(), parcel, List.of(), ReshipReason.LOST,
                            agent, "ticket-1")).as(when).isInstanceOf(RuntimeException.class);
                    Fulfilment replacement = oms.customerService().reship(order.id(), parcel, List.of(),
                            ReshipReason.LOST, agent, "ticket-1").get();
                    Fulfilment again = oms.customerService().reship(order.id(), parcel, List.of(), ReshipReason.LOST,
                            agent, "ticket-1").get();

                    assertThat(again.id()).isEqualTo(replacement.id());
                    Fulfilment stored = pg.fulfilmentRepository().find(replacement.id()).orElseThrow();
                    assertThat(stored.reshipment()).as(when).isEqualTo(new Reshipment(parcel, ReshipReason.LOST, agent,
                            "ticket-1"));
                    assertThat(oms.fulfilments().forOrder(order.id())).as(when).hasSize(2);
                    assertThat(pg.orderRepository().history(order.id()).stream()
                            .filter(e -> e instanceof OrderEvent.OrderParcelReshipped).count()).as(when).isEqualTo(1);
                    assertThat(pg.inventoryStore().position(MUG, WH).allocated()).as(when).isEqualTo(2);

                    oms.fulfilments().accept(replacement.id());
                    oms.fulfilments().startPicking(replacement.id());
                    oms.fulfilments().pack(replacement.id());
                    oms.fulfilments().ship(replacement.id(), ShipmentDetails.of("again-" + n, "DHL", ""));
                    oms.fulfilments().deliver(replacement.id(), "signed");
                    onHand -= 2;

                    Order after = pg.orderRepository().find(order.id()).orElseThrow();
                    assertThat(after.status()).as(when).isEqualTo(OrderStatus.DELIVERED);
                    assertThat(after.total()).isEqualTo(order.total());
                    assertThat(after.payment().captured()).as(when).isEqualTo(Money.of(CurrencyUnit.EUR, 20));
                    assertThat(payments.captured(order.id())).as(when).isEqualTo(Money.of(CurrencyUnit.EUR, 20));
                    assertThat(pg.inventoryStore().position(MUG, WH).onHand()).as(when).isEqualTo(onHand);
                    assertThat(pg.inventoryStore().position(MUG, WH).allocated()).as(when).isZero();
                    assertThat(pg.inventoryStore().movements(MUG, WH).stream()
                            .filter(m -> m.reason() == MovementReason.SHIPMENT_WRITE_OFF
                                    && m.reference().contains(parcel.value()))).as(when).hasSize(2)
                            .allSatisfy(m -> assertThat(m.onHandDelta()).isZero());
                }
            }
        }
    }
}

package io.omskit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.Oms;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.channel.Channel;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.FulfilmentStatus;
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
import io.omskit.core.order.LineEdit;
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
 * Line edits on PostgreSQL: whichever save of an edit fails (the recorded tender, the edited lines, the closing mark),
 * before or after it reached the database, the retry with the same key finishes the edit once: one event stored, the
 * difference authorised once, the stock held as the stored order says.
 */
class PostgresOrderEditTest {

    private static final Sku MUG = Sku.of("MUG");
    private static final Sku PLATE = Sku.of("PLATE");
    private static final LocationId WH = LocationId.of("WH-BERLIN");
    private static final LineId L1 = LineId.of("1");

    private static Oms oms(PostgresOms pg, FaultPlan plan, FakePaymentGateway payments) {
        Network network = Network.of(List.of(Location.builder(WH, LocationType.WAREHOUSE, GeoPoint.of(52.40, 13.52)).build()));
        InMemoryCatalog catalog = new InMemoryCatalog()
                .put(SkuAttributes.of(MUG, "Mug", "kitchen", 300, Dimensions.ofMillimetres(100, 100, 120), true))
                .put(SkuAttributes.of(PLATE, "Plate", "kitchen", 500, Dimensions.ofMillimetres(250, 250, 30), true));
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

    private static long stored(PostgresOms pg, Order order, Class<? extends OrderEvent> type) {
        return pg.orderRepository().history(order.id()).stream().filter(type::isInstance).count();
    }

    @Test
    void an_edit_whose_save_failed_before_or_after_the_database_is_finished_once_by_its_retry() {
        TestDatabase.clean();
        FaultPlan plan = FaultPlan.seeded(3).off();
        FakePaymentGateway payments = new FakePaymentGateway();
        try (PostgresOms pg = PostgresOms.builder().jdbcUrl(TestDatabase.jdbcUrl(), "postgres", "postgres").poolSize(4).start()) {
            pg.inventoryStore().load(MUG, WH, 100);
            pg.inventoryStore().load(PLATE, WH, 100);
            Oms oms = oms(pg, plan, payments);
            Actor agent = Actor.agent("agent-7");
            // 3 mugs (30.00) become 4 mugs and 2 plates at 5.00 (50.00): 20.00 more
            List<LineEdit> edits = List.of(LineEdit.changeQuantity(L1, 4), LineEdit.add(LineId.of("2"), PLATE, 2,
                    Money.of(CurrencyUnit.EUR, 5)));
            int mugsHeld = 0;
            int platesHeld = 0;
            for (int nth = 1; nth <= 3; nth++) {
                for (FaultPlan.Point point : FaultPlan.Point.values()) {
                    String story = "save #" + nth + " failing " + point;
                    Order order = oms.placeOrder(order("E-" + nth + "-" + point)).order();
                    plan.failNth("save", nth, point);

                    assertThatThrownBy(() -> oms.customerService().editLines(order.id(), agent, edits, "edit-1"))
                            .as(story).isInstanceOf(SpiException.class);
                    Order after = oms.customerService().editLines(order.id(), agent, edits, "edit-1").get();
                    Order again = oms.customerService().editLines(order.id(), agent, edits, "edit-1").get();
                    mugsHeld += 4;
                    platesHeld += 2;

                    assertThat(again.version()).as(story).isEqualTo(after.version());
                    Order stored = pg.orderRepository().find(order.id()).orElseThrow();
                    assertThat(stored.valueNotCancelled()).as(story).isEqualTo(Money.of(CurrencyUnit.EUR, 50));
                    assertThat(stored.payment().authorised()).as(story).isEqualTo(Money.of(CurrencyUnit.EUR, 50));
                    assertThat(payments.authorisedInTotal(order.id())).as("20.00 authorised once, " + story)
                            .isEqualTo(Money.of(CurrencyUnit.EUR, 50));
                    assertThat(stored(pg, order, OrderEvent.OrderLinesEdited.class)).as(story).isEqualTo(1);
                    assertThat(pg.inventoryStore().networkReserved(MUG)).as(story).isEqualTo(mugsHeld);
                    assertThat(pg.inventoryStore().networkReserved(PLATE)).as(story).isEqualTo(platesHeld);
                }
            }
        }
    }

    @Test
    void removing_an_allocated_line_cancels_its_fulfilment_and_voids_on_postgres() {
        TestDatabase.clean();
        FaultPlan plan = FaultPlan.seeded(4).off();
        FakePaymentGateway payments = new FakePaymentGateway();
        try (PostgresOms pg = PostgresOms.builder().jdbcUrl(TestDatabase.jdbcUrl(), "postgres", "postgres").poolSize(4).start()) {
            pg.inventoryStore().load(MUG, WH, 10);
            pg.inventoryStore().load(PLATE, WH, 10);
            Oms oms = oms(pg, plan, payments);
            Order order = oms.placeOrder(order("R-1")).order();
            oms.allocate(order.id(), "R-1-WH", WH, List.of(LineQuantity.of(L1, 3)));

            Order after = oms.customerService().editLines(order.id(), Actor.agent("agent-7"), List.of(LineEdit.remove(L1),
                    LineEdit.add(LineId.of("2"), PLATE, 1, Money.of(CurrencyUnit.EUR, 5))), "swap").get();

            assertThat(oms.fulfilments().get(FulfilmentId.of("R-1-WH")).status()).isEqualTo(FulfilmentStatus.CANCELLED);
            assertThat(pg.inventoryStore().position(MUG, WH).allocated()).isZero();
            assertThat(pg.inventoryStore().networkReserved(PLATE)).isEqualTo(1);
            assertThat(after.payment().authorised()).isEqualTo(Money.of(CurrencyUnit.EUR, 5));
            assertThat(payments.openAuthorisation(order.id())).isEqualTo(Money.of(CurrencyUnit.EUR, 5));
        }
    }
}

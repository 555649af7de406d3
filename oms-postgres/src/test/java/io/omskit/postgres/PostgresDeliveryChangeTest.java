package io.omskit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.Oms;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.channel.Channel;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentEvent;
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
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.order.UnitState;
import io.omskit.core.spi.DeliveryReplan;
import io.omskit.core.spi.DeliveryResourcing;
import io.omskit.core.spi.EventPublisher;
import io.omskit.testkit.faults.FaultPlan;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * A change of delivery that sources an order again, on PostgreSQL: a failure before or after any save or stock call is
 * finished once by calling again with the same key (one change stored, the stock moved once), and the steps' actors
 * survive the database.
 */
class PostgresDeliveryChangeTest {

    private static final Sku MUG = Sku.of("MUG");
    private static final LocationId BERLIN = LocationId.of("WH-BERLIN");
    private static final LocationId HAMBURG = LocationId.of("WH-HAMBURG");
    private static final Address IN_HAMBURG = new Address("A. Person", "Harbour Road 5", null, "Hamburg", "20095", "DE",
            GeoPoint.of(53.55, 9.99));

    /** Plans every unit at the warehouse of the destination's city: the stand-in for the sourcing engine. */
    private static final DeliveryResourcing NEAREST_CITY = (order, delivery, held, mayStay) -> {
        List<LineQuantity> units = new ArrayList<>();
        held.values().forEach(units::addAll);
        return DeliveryReplan.placed(Map.of("Hamburg".equals(delivery.address().city()) ? HAMBURG : BERLIN, units), null);
    };

    private static Oms oms(PostgresOms pg, FaultPlan plan) {
        Network network = Network.of(List.of(
                Location.builder(BERLIN, LocationType.WAREHOUSE, GeoPoint.of(52.40, 13.52)).build(),
                Location.builder(HAMBURG, LocationType.WAREHOUSE, GeoPoint.of(53.55, 10.00)).build()));
        InMemoryCatalog catalog = new InMemoryCatalog().put(SkuAttributes.of(MUG, "Mug", "kitchen", 300,
                Dimensions.ofMillimetres(100, 100, 120), true));
        return Oms.builder().clock(Clock.systemUTC()).network(network).catalog(catalog).orders(plan.orders(pg.orderRepository()))
                .fulfilments(plan.fulfilments(pg.fulfilmentRepository())).inventory(plan.inventory(pg.inventoryStore()))
                .payments(new FakePaymentGateway()).deliveryResourcing(NEAREST_CITY)
                .transfers(pg.transferRepository()).backorderBook(pg.backorderBook()).events(EventPublisher.none()).build();
    }

    private static Order allocatedInBerlin(Oms oms, String ref) {
        Order order = oms.placeOrder(PlaceOrderRequest.builder().channel(Channel.WEB).externalRef(ref).customer("c-1")
                .currency("EUR").paymentRef("tok").delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", null), null))
                .line("1", MUG.value(), 3, Money.of(CurrencyUnit.EUR, 10)).build()).order();
        oms.allocate(order.id(), ref + "-BER", BERLIN, List.of(LineQuantity.of(LineId.of("1"), 3)));
        return oms.order(order.id()).orElseThrow();
    }

    private static List<Fulfilment> open(PostgresOms pg, Order order) {
        return pg.fulfilmentRepository().forOrder(order.id()).stream()
                .filter(f -> f.status() != FulfilmentStatus.REJECTED && f.quantity() > 0).toList();
    }

    @Test
    void a_change_that_failed_at_any_call_is_finished_once_by_its_retry() {
        TestDatabase.clean();
        FaultPlan plan = FaultPlan.seeded(3).off();
        try (PostgresOms pg = PostgresOms.builder().jdbcUrl(TestDatabase.jdbcUrl(), "postgres", "postgres").poolSize(4).start()) {
            pg.inventoryStore().load(MUG, BERLIN, 100);
            pg.inventoryStore().load(MUG, HAMBURG, 100);
            Oms oms = oms(pg, plan);
            Actor agent = Actor.agent("agent-7");
            int story = 0;
            for (String call : List.of("allocate", "deallocate", "save", "saveFulfilment")) {
                for (FaultPlan.Point point : FaultPlan.Point.values()) {
                    Order order = allocatedInBerlin(oms, "D-" + story++);
                    plan.failNext(call, point);
                    try {
                        oms.customerService().changeAddress(order.id(), agent, IN_HAMBURG, "move-1");
                    } catch (RuntimeException expected) {
                        // the retry below finishes it
                    }
                    plan.off();
                    oms.customerService().changeAddress(order.id(), agent, IN_HAMBURG, "move-1").get();
                    oms.customerService().changeAddress(order.id(), agent, IN_HAMBURG, "move-1").get();

                    String at = call + " " + point;
                    Order stored = pg.orderRepository().find(order.id()).orElseThrow();
                    assertThat(stored.delivery().address()).as(at).isEqualTo(IN_HAMBURG);
                    assertThat(stored.units(UnitState.ALLOCATED)).as(at).isEqualTo(3);
                    assertThat(pg.orderRepository().history(order.id()).stream()
                            .filter(e -> e instanceof OrderEvent.OrderDeliveryChanged)).as(at).hasSize(1);
                    assertThat(open(pg, order)).as(at).singleElement().satisfies(f -> {
                        assertThat(f.location()).isEqualTo(HAMBURG);
                        assertThat(f.units()).containsExactly(LineQuantity.of(LineId.of("1"), 3));
                    });
                }
            }
            assertThat(pg.inventoryStore().position(MUG, BERLIN).allocated()).as("Berlin let every order go").isZero();
            assertThat(pg.inventoryStore().position(MUG, HAMBURG).allocated()).isEqualTo(3 * story);
        }
    }

    @Test
    void the_associate_who_accepted_and_the_agent_who_moved_it_are_read_back_from_the_database() {
        TestDatabase.clean();
        try (PostgresOms pg = PostgresOms.builder().jdbcUrl(TestDatabase.jdbcUrl(), "postgres", "postgres").poolSize(2).start()) {
            pg.inventoryStore().load(MUG, BERLIN, 10);
            pg.inventoryStore().load(MUG, HAMBURG, 10);
            Oms oms = oms(pg, FaultPlan.seeded(4).off());
            Order order = allocatedInBerlin(oms, "A-1");
            Actor picker = Actor.storeAssociate("picker-5", BERLIN);
            oms.customerService().accept(FulfilmentId.of("A-1-BER"), picker).get();
            oms.customerService().changeAddress(order.id(), Actor.agent("agent-7"), IN_HAMBURG, "move-2").get();

            assertThat(pg.fulfilmentRepository().find(FulfilmentId.of("A-1-BER")).orElseThrow().history())
                    .filteredOn(e -> e instanceof FulfilmentEvent.FulfilmentAccepted).singleElement()
                    .satisfies(e -> assertThat(((FulfilmentEvent.FulfilmentAccepted) e).actor()).isEqualTo(picker));
            assertThat(oms.customerService().timeline(order.id()).ofKind("order.delivery-changed")).singleElement()
                    .satisfies(e -> {
                        assertThat(e.actor()).isEqualTo(Actor.agent("agent-7"));
                        assertThat(e.text()).contains("WH-HAMBURG").doesNotContain("Harbour");
                    });
        }
    }
}

package io.omskit.testkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.Oms;
import io.omskit.core.PlacementResult;
import io.omskit.core.backorder.BackorderPolicy;
import io.omskit.core.backorder.SupplyTerms;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.channel.Channel;
import io.omskit.core.inmemory.FakePaymentGateway;
import io.omskit.core.inmemory.InMemoryBackorderBook;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.inmemory.InMemoryOrderRepository;
import io.omskit.core.inventory.MovementKey;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.Reservation;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.Address;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.testkit.faults.FaultPlan;
import io.omskit.testkit.faults.InjectedFault;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * A receipt's fill fails right after the order's reservation took the arrived units and before the order counted them;
 * a sync of the order runs in between (a stock reconciliation, a cancellation of another line) and trims the units the
 * order does not count; then the receipt is booked again. The order and its reservation agree afterwards: the retry
 * reserves the trimmed units again instead of replaying the first change.
 */
class BackorderFillCrashWindowTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final Sku PLATE = Sku.of("PLATE");
    private static final Sku BOWL = Sku.of("BOWL");
    private static final LocationId WH = LocationId.of("WH-1");
    private static final LineId PLATES = LineId.of("1");
    private static final LineId BOWLS = LineId.of("2");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryInventoryStore store = InMemoryInventoryStore.create(clock);
    private final FaultPlan plan = FaultPlan.seeded(20);
    private final Oms oms = Oms.builder().inMemory().clock(clock)
            .catalog(new InMemoryCatalog()
                    .put(SkuAttributes.of(PLATE, "Plate", "kitchen", 500, Dimensions.ofMillimetres(250, 250, 30), true))
                    .put(SkuAttributes.of(BOWL, "Bowl", "kitchen", 400, Dimensions.ofMillimetres(150, 150, 80), true)))
            .network(Network.of(List.of(Location.builder(WH, LocationType.WAREHOUSE, GeoPoint.of(52.0, 13.0)).build())))
            .inventory(plan.inventory(store)).payments(new FakePaymentGateway()).orders(new InMemoryOrderRepository())
            .backorderBook(new InMemoryBackorderBook())
            .backorderPolicy(BackorderPolicy.builder().sku(PLATE, SupplyTerms.backorders(10)).build()).build();

    private Order placeThreePlatesAndTwoBowls() {
        store.load(PLATE, WH, 1);
        store.load(BOWL, WH, 5);
        PlacementResult r = oms.placeOrder(PlaceOrderRequest.builder().channel(Channel.WEB).externalRef("WEB-1").customer("c")
                .currency("EUR").paymentRef("tok")
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", GeoPoint.of(52.52, 13.40)), null))
                .line("1", PLATE.value(), 3, Money.of(CurrencyUnit.EUR, 10))
                .line("2", BOWL.value(), 2, Money.of(CurrencyUnit.EUR, 12)).build());
        assertThat(r.isConfirmed()).as("%s", r).isTrue();
        assertThat(r.order().line(PLATES).orElseThrow().awaitingStock()).isEqualTo(2);
        oms.adjustStock(new StockAdjustment(MovementKey.of("asn-1"), PLATE, WH, MovementReason.INBOUND_EXPECTED, 2,
                NOW.plusSeconds(86_400), "po-1"));
        return r.order();
    }

    private void receiveFailingRightAfterTheReservationChanged() {
        plan.failNext("change", FaultPlan.Point.AFTER);
        assertThatThrownBy(this::receive).isInstanceOf(InjectedFault.class);
    }

    private void receive() {
        oms.adjustStock(new StockAdjustment(MovementKey.of("grn-1"), PLATE, WH, MovementReason.INBOUND_RECEIVED, 2, null, "po-1"));
    }

    private int held(Order order, Sku sku) {
        return store.findReservation(oms.reservationKeyOf(order)).filter(Reservation::isActive)
                .map(r -> r.heldQuantity(sku)).orElse(0);
    }

    @Test
    void a_stock_reconciliation_in_the_window_then_the_retry_leaves_order_and_reservation_agreeing() {
        Order placed = placeThreePlatesAndTwoBowls();
        receiveFailingRightAfterTheReservationChanged();
        assertThat(held(placed, PLATE)).as("the reservation took the arrived units").isEqualTo(3);

        oms.reconcileStock(placed.id());
        assertThat(held(placed, PLATE)).as("the sync trimmed what the order does not count yet").isEqualTo(1);
        receive();

        Order after = oms.order(placed.id()).orElseThrow();
        assertThat(after.line(PLATES).orElseThrow().units().reserved()).isEqualTo(3);
        assertThat(after.line(PLATES).orElseThrow().awaitingStock()).isZero();
        assertThat(held(after, PLATE)).as("the reservation holds every unit the order counts as reserved").isEqualTo(3);
        assertThat(store.networkAvailable(PLATE)).isZero();
        assertThat(oms.backorders().forOrder(placed.id()).get(0).filled()).isEqualTo(2);
    }

    @Test
    void a_cancellation_of_another_line_in_the_window_then_the_retry_leaves_order_and_reservation_agreeing() {
        Order placed = placeThreePlatesAndTwoBowls();
        receiveFailingRightAfterTheReservationChanged();

        oms.cancel(placed.id(), List.of(LineQuantity.of(BOWLS, 1)), CancellationReason.CUSTOMER_REQUEST, "cancel-bowl");
        assertThat(held(placed, PLATE)).as("the cancellation's sync trimmed the plates too").isEqualTo(1);
        receive();
        receive();

        Order after = oms.order(placed.id()).orElseThrow();
        assertThat(after.line(PLATES).orElseThrow().units().reserved()).isEqualTo(3);
        assertThat(held(after, PLATE)).isEqualTo(3);
        assertThat(after.line(BOWLS).orElseThrow().units().reserved()).isEqualTo(1);
        assertThat(held(after, BOWL)).isEqualTo(1);
        assertThat(store.networkAvailable(PLATE)).isZero();
        assertThat(store.networkAvailable(BOWL)).isEqualTo(4);
    }

    @Test
    void when_the_trimmed_units_were_sold_meanwhile_the_fill_waits_again_and_order_and_reservation_still_agree() {
        Order placed = placeThreePlatesAndTwoBowls();
        receiveFailingRightAfterTheReservationChanged();
        oms.reconcileStock(placed.id());
        PlacementResult other = oms.placeOrder(PlaceOrderRequest.builder().channel(Channel.WEB).externalRef("WEB-2").customer("d")
                .currency("EUR").paymentRef("tok")
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("B. Person", "Main Street 2", null, "Berlin", "10115", "DE", GeoPoint.of(52.52, 13.40)), null))
                .line("1", PLATE.value(), 2, Money.of(CurrencyUnit.EUR, 10)).build());
        assertThat(other.order().line(PLATES).orElseThrow().units().reserved()).as("sold from the shelf meanwhile").isEqualTo(2);

        receive();

        Order after = oms.order(placed.id()).orElseThrow();
        assertThat(after.line(PLATES).orElseThrow().units().reserved()).isEqualTo(1);
        assertThat(after.line(PLATES).orElseThrow().awaitingStock()).as("waits for the next receipt").isEqualTo(2);
        assertThat(held(after, PLATE)).isEqualTo(1);
        assertThat(oms.backorders().forOrder(placed.id()).get(0).waiting()).isEqualTo(2);
        assertThat(store.networkAvailable(PLATE)).isZero();
    }
}

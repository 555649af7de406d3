package io.omskit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.CartEdit;
import io.omskit.core.CartHolds;
import io.omskit.core.Oms;
import io.omskit.core.PlacementResult;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.channel.Channel;
import io.omskit.core.inmemory.FakePaymentGateway;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.inventory.ReservationResult;
import io.omskit.core.inventory.ReservationStatus;
import io.omskit.core.inventory.Shortage;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.Address;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.testkit.contract.ContractClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cart holds on PostgreSQL, with the numbers: edits in place, a refused growth, a lapse without a sweep, a checkout. */
class PostgresCartHoldsTest {

    private static final Sku MUG = Sku.of("MUG");
    private static final Sku PLATE = Sku.of("PLATE");
    private static final LocationId WH = LocationId.of("WH-1");
    private static final LocationId STORE = LocationId.of("ST-1");
    private static final Duration TTL = Duration.ofMinutes(15);

    private final ContractClock clock = new ContractClock(Instant.parse("2030-01-01T10:00:00Z"));
    private PostgresInventoryStore inventory;
    private CartHolds carts;

    @BeforeEach
    void wire() {
        TestDatabase.clean();
        inventory = PostgresInventoryStore.builder(TestDatabase.dataSource()).clock(clock).build();
        inventory.load(MUG, List.of(WH, STORE), new int[] {10, 4});
        inventory.load(PLATE, WH, 6);
        InMemoryCatalog catalog = new InMemoryCatalog()
                .put(SkuAttributes.of(MUG, "Mug", "kitchen", 300, Dimensions.ofMillimetres(100, 100, 120), true))
                .put(SkuAttributes.of(PLATE, "Plate", "kitchen", 500, Dimensions.ofMillimetres(250, 250, 30), true));
        Network network = Network.of(List.of(
                Location.builder(WH, LocationType.WAREHOUSE, GeoPoint.of(52.0, 13.0)).build(),
                Location.builder(STORE, LocationType.STORE, GeoPoint.of(52.5, 13.4)).build()));
        Oms oms = Oms.builder().inMemory().clock(clock).network(network).catalog(catalog).inventory(inventory)
                .payments(new FakePaymentGateway()).build();
        carts = oms.carts();
    }

    @Test
    void a_hold_grows_shrinks_and_a_refused_growth_leaves_it_as_it_was() {
        carts.hold("cart-1", Map.of(MUG, 3), TTL);
        carts.hold("cart-2", Map.of(MUG, 6), TTL);
        assertThat(carts.hold("cart-1", Map.of(MUG, 5), TTL).isReserved()).isTrue();
        assertThat(inventory.networkAvailable(MUG)).isEqualTo(3);

        ReservationResult refused = carts.hold("cart-1", Map.of(MUG, 9, PLATE, 1), TTL);

        // 14 mugs, 6 held by cart-2: cart-1 can have its own 5 and the 3 for sale
        assertThat(((ReservationResult.Insufficient) refused).shortages()).containsExactly(new Shortage(MUG, null, 9, 8));
        assertThat(carts.find("cart-1").orElseThrow().heldQuantity(MUG)).isEqualTo(5);
        assertThat(inventory.networkAvailable(PLATE)).isEqualTo(6);
        assertThat(inventory.audit()).isEmpty();

        carts.hold("cart-1", Map.of(MUG, 1), TTL);
        assertThat(inventory.networkAvailable(MUG)).isEqualTo(7);
    }

    @Test
    void a_lapsed_hold_frees_its_units_the_moment_it_expires_without_a_sweep() {
        carts.hold("cart-1", Map.of(MUG, 14), TTL);
        assertThat(carts.hold("cart-2", Map.of(MUG, 1), TTL).isReserved()).isFalse();

        clock.advance(TTL);

        assertThat(inventory.networkAvailable(MUG)).isEqualTo(14);
        assertThat(carts.find("cart-1").orElseThrow().status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(carts.hold("cart-2", Map.of(MUG, 14), TTL).isReserved()).isTrue();
        assertThat(carts.expire()).as("the sweep only tidies up").isZero();
        assertThat(inventory.audit()).isEmpty();
    }

    @Test
    void a_released_cart_is_held_again_and_a_store_hold_takes_the_shelf() {
        carts.hold(CartEdit.of("cart-1", Map.of(MUG, 3), TTL).collectAt(STORE));
        assertThat(inventory.position(MUG, STORE).reserved()).isEqualTo(3);
        carts.release("cart-1");

        assertThat(carts.hold(CartEdit.of("cart-1", Map.of(MUG, 4), TTL).collectAt(STORE)).isReserved()).isTrue();

        assertThat(inventory.position(MUG, STORE).reserved()).isEqualTo(4);
        assertThat(carts.availableTo("cart-1", MUG, STORE)).isEqualTo(4);
    }

    @Test
    void an_order_for_a_held_cart_takes_over_its_hold_when_nothing_else_is_for_sale() {
        carts.hold("cart-1", Map.of(MUG, 3), TTL);
        carts.hold("cart-2", Map.of(MUG, 11), TTL);

        PlacementResult placed = carts.placeOrder("cart-1", PlaceOrderRequest.builder().channel(Channel.WEB)
                .externalRef("W-1").customer("c-1").currency("EUR").paymentRef("tok")
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", null), null))
                .line("1", "MUG", 3, Money.of(CurrencyUnit.EUR, 8)).build());

        assertThat(placed.outcome()).isEqualTo(PlacementResult.Outcome.CONFIRMED);
        assertThat(carts.find("cart-1").orElseThrow().status()).isEqualTo(ReservationStatus.CONSUMED);
        assertThat(inventory.networkReserved(MUG)).isEqualTo(14);
        assertThat(inventory.audit()).isEmpty();
    }
}

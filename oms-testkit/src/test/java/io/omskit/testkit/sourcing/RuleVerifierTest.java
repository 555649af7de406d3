package io.omskit.testkit.sourcing;

import static io.omskit.testkit.sourcing.RuleVerifier.verifyThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.Address;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.orchestration.rules.MaxDistanceFilter;
import io.omskit.orchestration.rules.ProtectStoreStock;
import io.omskit.orchestration.rules.ShippingCost;
import io.omskit.orchestration.rules.RateTable;
import io.omskit.orchestration.spi.ShippingRate;
import java.time.Instant;
import java.util.List;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class RuleVerifierTest {

    private final LocationId near = LocationId.of("NEAR");
    private final LocationId far = LocationId.of("FAR");
    private final LocationId store7 = LocationId.of("STORE-7");
    private final Network network = Network.of(List.of(
            Location.builder(near, LocationType.WAREHOUSE, GeoPoint.of(0, 1)).build(),
            Location.builder(far, LocationType.WAREHOUSE, GeoPoint.of(0, 10)).build(),
            Location.builder(store7, LocationType.STORE, GeoPoint.of(0, 2)).build()));
    private final Order order = Order.place(OrderId.of("o1"), PlaceOrderRequest.builder().channel(Channel.WEB)
            .externalRef("e1").customer("c").currency("EUR")
            .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                    new Address("A", "1 St", null, "Town", "1", "DE", GeoPoint.of(0, 0)), null))
            .line("L1", "A", 2, Money.parse("EUR 5.00")).build(), Instant.parse("2026-03-10T09:00:00Z")).state();

    @Test
    void checks_a_filter_in_one_line() {
        verifyThat(new MaxDistanceFilter(500)).given(order, network).excludes(far).allows(near).allows(store7);
    }

    @Test
    void checks_a_cost_rule_in_one_line() {
        verifyThat(new ProtectStoreStock(2, 10)).given(order, network).withStock(Sku.of("A"), store7, 2)
                .costs(store7, 20).costs(near, 0);
        verifyThat(new ShippingCost(RateTable.flat(ShippingRate.of(5, 0, 0.01)))).given(order, network)
                .costsMore(far, near);
    }

    @Test
    void fails_with_a_message_that_says_what_the_rule_did() {
        assertThatThrownBy(() -> verifyThat(new MaxDistanceFilter(500)).given(order, network).excludes(near))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected rule max-distance to exclude NEAR")
                .hasMessageContaining("the verdict was CHOSEN");
        assertThatThrownBy(() -> verifyThat(new MaxDistanceFilter(500)).given(order, network).allows(far))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("but it excluded it");
        assertThatThrownBy(() -> verifyThat(new ProtectStoreStock(2, 10)).given(order, network).costs(store7, 3))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("but it charged 0.0");
    }

    @Test
    void exposes_the_plan_under_the_rule_alone() {
        assertThat(verifyThat(new MaxDistanceFilter(500)).given(order, network).plan().fulfilments())
                .extracting(f -> f.location()).doesNotContain(far);
    }
}

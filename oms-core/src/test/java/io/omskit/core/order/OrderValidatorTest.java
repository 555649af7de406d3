package io.omskit.core.order;

import io.omskit.core.channel.Channel;
import static io.omskit.core.order.OrderFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.common.Problem;
import io.omskit.core.common.ValidationException;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.network.Capability;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import java.util.List;
import java.util.Set;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class OrderValidatorTest {

    private final InMemoryCatalog catalog = new InMemoryCatalog()
            .put(SkuAttributes.of(Sku.of("SKU-A"), "Mug", "kitchen", 300, Dimensions.ofMillimetres(100, 100, 120), true))
            .put(SkuAttributes.of(Sku.of("SKU-B"), "Plate", "kitchen", 500, Dimensions.ofMillimetres(250, 250, 30), true));
    private final Network network = Network.of(List.of(
            Location.builder(LocationId.of("ST-1"), LocationType.STORE, GeoPoint.of(52.5, 13.4)).build(),
            Location.builder(LocationId.of("ST-NOPICKUP"), LocationType.STORE, GeoPoint.of(52.5, 13.4))
                    .capabilities(Set.of(Capability.SHIP)).build(),
            Location.builder(LocationId.of("WH-1"), LocationType.WAREHOUSE, GeoPoint.of(52.0, 13.0)).build()));
    private final OrderValidator validator = new OrderValidator(catalog::find, network, 1000);

    @Test
    void accepts_a_well_formed_request() {
        assertThat(validator.problems(request())).isEmpty();
    }

    @Test
    void reports_every_problem_of_a_request_at_once() {
        PlaceOrderRequest bad = PlaceOrderRequest.builder()
                .channel(Channel.MARKETPLACE).externalRef("M-1").customer("c").currency("EUR")
                .delivery(DeliveryChoice.home(DeliveryMethod.EXPRESS_DELIVERY,
                        new Address("A", "Street 1", null, "Berlin", "#1", "XX", null), null))
                .line(LineRequest.of("1", "SKU-A", 0, eur(10)).soldBy("seller-1"))
                .line(LineRequest.of("1", "SKU-UNKNOWN", 5000, Money.of(CurrencyUnit.USD, 5)))
                .line(LineRequest.of("3", "SKU-B", 1, eur(-1)).soldBy("seller-2"))
                .build();

        assertThatThrownBy(() -> validator.validate(bad))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("order placement rejected")
                .satisfies(e -> assertThat(((ValidationException) e).problems()).extracting(Problem::field).containsExactlyInAnyOrder(
                        "delivery.address.countryCode",
                        "delivery.address.postalCode",
                        "lines[0].quantity",
                        "lines[1].id",
                        "lines[1].quantity",
                        "lines[1].sku",
                        "lines[1].unitPrice",
                        "lines[1].seller",
                        "lines[2].unitPrice"));
    }

    @Test
    void names_the_value_and_the_rule_of_each_problem() {
        PlaceOrderRequest bad = PlaceOrderRequest.builder()
                .channel(Channel.WEB).externalRef("W-9").customer("c").currency("EUR")
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY, address(), null))
                .line(LineRequest.of("1", "SKU-A", 20_000, eur(10)))
                .build();

        assertThat(validator.problems(bad)).containsExactly(
                new Problem("lines[0].quantity", "20000", "must be at most 1000"));
    }

    @Test
    void home_delivery_needs_an_address() {
        PlaceOrderRequest noAddress = PlaceOrderRequest.builder()
                .channel(Channel.APP).externalRef("A-1").customer("c").currency("EUR")
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY, null, null))
                .line("1", "SKU-A", 1, eur(10)).build();

        assertThat(validator.problems(noAddress)).extracting(Problem::field).containsExactly("delivery.address");
    }

    @Test
    void never_puts_address_text_into_problems() {
        PlaceOrderRequest bad = PlaceOrderRequest.builder()
                .channel(Channel.APP).externalRef("A-1").customer("c").currency("EUR")
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("Jane Secret", "Hidden Lane 5", null, "Berlin", "SECRET-POSTCODE", "DE", null), null))
                .line("1", "SKU-A", 1, eur(10)).build();

        assertThat(validator.problems(bad)).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("delivery.address.postalCode");
            assertThat(p.toString()).doesNotContain("SECRET");
        });
    }

    @Test
    void click_and_collect_needs_a_store_of_the_network_that_offers_pickup() {
        assertThat(validator.problems(pickupAt("ST-1"))).isEmpty();
        assertThat(validator.problems(pickupAt("ST-NOPICKUP"))).extracting(Problem::rule)
                .containsExactly("must be a store that offers pickup");
        assertThat(validator.problems(pickupAt("WH-1"))).extracting(Problem::rule)
                .containsExactly("must be a store that offers pickup");
        assertThat(validator.problems(pickupAt("NOWHERE"))).extracting(Problem::rule)
                .containsExactly("must be a location of the network");
    }

    @Test
    void discounts_may_not_exceed_the_line_and_must_match_the_currency() {
        PlaceOrderRequest bad = PlaceOrderRequest.builder()
                .channel(Channel.WEB).externalRef("W-2").customer("c").currency("EUR")
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY, address(), null))
                .line(LineRequest.of("1", "SKU-A", 1, eur(10)).withDiscount("BIG", eur(11)))
                .line(LineRequest.of("2", "SKU-B", 1, eur(10)).withDiscount("USD", Money.of(CurrencyUnit.USD, 1)))
                .charge("shipping", eur(-1))
                .build();

        assertThat(validator.problems(bad)).extracting(Problem::field)
                .containsExactly("lines[0].discounts", "lines[1].discounts[0]", "charges[0]");
    }

    @Test
    void a_request_without_lines_or_identity_is_rejected() {
        PlaceOrderRequest empty = new PlaceOrderRequest(null, null, null, null, null, null, null, null, null);

        assertThat(validator.problems(empty)).extracting(Problem::field)
                .containsExactly("channel", "externalRef", "customer", "currency", "delivery", "lines");
    }

    private static PlaceOrderRequest pickupAt(String store) {
        return PlaceOrderRequest.builder()
                .channel(Channel.WEB).externalRef("W-3").customer("c").currency("EUR")
                .delivery(DeliveryChoice.pickup(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT, LocationId.of(store), null))
                .line("1", "SKU-A", 1, eur(10)).build();
    }

    @Test
    void order_discounts_may_not_exceed_what_the_order_costs() {
        PlaceOrderRequest tooGenerous = PlaceOrderRequest.builder()
                .channel(Channel.WEB).externalRef("W-5").customer("c").currency("EUR")
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY, address(), null))
                .line("1", "SKU-A", 1, eur(10)).charge("shipping", eur(5)).discount("VIP", eur(15.01)).build();

        assertThat(validator.problems(tooGenerous)).containsExactly(
                new Problem("discounts", "EUR 15.01", "must not exceed the lines total plus charges EUR 15.00"));
    }

    @Test
    void refuses_stock_units_and_amounts_beyond_the_configured_limits() {
        OrderValidator strict = new OrderValidator(catalog::find, network, new OrderValidator.Limits(1000, 5, 10_000));
        PlaceOrderRequest request = PlaceOrderRequest.builder()
                .channel(Channel.WEB).externalRef("W-9").customer("c").currency("EUR")
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY, address(), null))
                .line(LineRequest.of("1", "SKU-A", 6, eur(20)))
                .build();

        assertThat(strict.problems(request)).containsExactly(
                new Problem("lines[0].quantity", "6", "needs 6 units of SKU-A, more than the 5 units of one SKU an order may need"),
                new Problem("lines[0].unitPrice", "EUR 20.00", "times 6 comes to 120.00, more than the EUR 100.00 an order may come to"));
        assertThat(validator.problems(request)).isEmpty();
        assertThatThrownBy(() -> new OrderValidator.Limits(1000, 0, 10_000))
                .hasMessage("maxStockUnitsPerSku must be > 0, was 0");
    }
}

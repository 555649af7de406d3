package io.omskit.atp;

import static io.omskit.atp.Shop.BERLIN_HOME;
import static io.omskit.atp.Shop.MITTE;
import static io.omskit.atp.Shop.WH_BERLIN;
import static io.omskit.atp.Shop.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.HolidayCalendar;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.DeliveryMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * Questions at the edges of what ATP can answer (moments near the ends of time, unknown countries, prices in another
 * currency than the charges) are refused with a message naming the field, never with an ArithmeticException deep in
 * the date arithmetic.
 */
class AtpInputEdgesTest {

    private static final Sku MUG = Sku.of("MUG");
    private static final String RANGE = "must be from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z";
    private static final List<Instant> EDGES = List.of(Instant.MAX, Instant.MIN,
            Instant.MAX.minus(Duration.ofDays(400)), Instant.MIN.plus(Duration.ofDays(400)),
            Instant.parse("+10000-01-01T00:00:00Z"));

    private final Shop shop = new Shop().receive(MUG, WH_BERLIN, 5);

    private static ProductPageRequest page() {
        return ProductPageRequest.of(MUG, 1, Channel.WEB).to(BERLIN_HOME).collectingAt(MITTE);
    }

    private static CartRequest cart(Money unitPrice) {
        return CartRequest.of(Channel.WEB, List.of(new CartLine("1", MUG, 1, unitPrice))).to(BERLIN_HOME).collectingAt(MITTE);
    }

    @Test
    void refuses_a_product_page_or_cart_asked_at_the_edges_of_time_naming_the_field() {
        for (Instant edge : EDGES) {
            assertThatThrownBy(() -> shop.atp.productPage(page().at(edge)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("now " + RANGE + ", was " + edge);
            assertThatThrownBy(() -> shop.atp.cart(cart(eur(8)).at(edge)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("now " + RANGE + ", was " + edge);
        }
    }

    @Test
    void refuses_to_answer_when_the_clock_stands_at_the_end_of_time() {
        shop.clock.set(Instant.MAX);

        assertThatThrownBy(() -> shop.atp.productPage(page()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the clock's instant (now) " + RANGE + ", was " + Instant.MAX);
        assertThatThrownBy(() -> shop.atp.cart(cart(eur(8))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the clock's instant (now) must be from");
    }

    @Test
    void answers_at_the_first_and_the_last_moment_of_the_range() {
        for (Instant t : List.of(Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"))) {
            assertThat(shop.atp.productPage(page().at(t)).method(DeliveryMethod.STANDARD_DELIVERY)).isPresent();
            assertThat(shop.atp.cart(cart(eur(8)).at(t)).method(DeliveryMethod.STANDARD_DELIVERY)).isPresent();
        }
    }

    @Test
    void refuses_inbound_supply_due_at_the_end_of_time_when_it_is_announced() {
        assertThatThrownBy(() -> shop.expect(MUG, WH_BERLIN, 5, Instant.MAX))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("eta " + RANGE + ", was " + Instant.MAX);
        assertThat(shop.atp.productPage(page().at(Instant.parse("2026-11-26T09:00:00Z"))).signal().units()).isEqualTo(5);
    }

    @Test
    void refuses_a_country_code_that_is_not_iso_3166() {
        assertThatThrownBy(() -> Destination.of("XX", "10115", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("countryCode must be an ISO 3166-1 alpha-2 code such as DE, was 'XX'");
        assertThatThrownBy(() -> Destination.postalCode("ZZ", "10115"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("countryCode").hasMessageContaining("'ZZ'");
        assertThatThrownBy(() -> HolidayCalendar.of("QQ", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("countryCode must be an ISO 3166-1 alpha-2 code such as DE, was 'QQ'");
        assertThat(Destination.postalCode("AT", "1010").countryCode()).isEqualTo("AT");
    }

    @Test
    void refuses_a_postal_code_or_region_of_a_megabyte_or_with_control_characters_quoting_it_abbreviated() {
        assertThatThrownBy(() -> Destination.postalCode("DE", "1".repeat(1_000_000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("postalCode must be at most 20 characters long, has 1000000");
        assertThatThrownBy(() -> Destination.postalCode("DE", "10115\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("postalCode must not contain control characters");
        assertThatThrownBy(() -> Destination.postalCode("DE", "10115").inRegion("b".repeat(1_000_000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("region must be 1 to 10 letters, digits or hyphens, was '" + "b".repeat(40)
                        + "...' (1000000 characters)");
    }

    @Test
    void refuses_a_cart_priced_in_another_currency_than_the_delivery_charges_naming_both() {
        CartRequest dollars = cart(Money.of(CurrencyUnit.USD, 80));

        assertThatThrownBy(() -> shop.atp.cart(dollars))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lines[0].unitPrice must be in EUR, the currency of the delivery charges, was USD 80.00");
    }

    @Test
    void refuses_a_negative_unit_price_which_would_lower_the_value_for_free_delivery() {
        assertThatThrownBy(() -> new CartLine("1", MUG, 1, eur(-100)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unitPrice must not be negative, was EUR -100.00 on line 1");
    }

    @Test
    void refuses_a_missing_cart_line_or_delivery_method_naming_its_index() {
        assertThatThrownBy(() -> CartRequest.of(Channel.WEB, Arrays.asList(CartLine.of("1", MUG, 1), null)))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("lines[1] must not be null");
        assertThatThrownBy(() -> shop.atpBuilder().methods(Arrays.asList(DeliveryMethod.STANDARD_DELIVERY, null)))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("methods[1] must not be null");
    }
}

package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.omskit.core.catalog.BundleComponent;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.common.Problem;
import io.omskit.core.common.ValidationException;
import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.inventory.AllocationLine;
import io.omskit.core.inventory.AllocationRequest;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.inventory.ReservationLine;
import io.omskit.core.inventory.ReservationRequest;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * Quantities and amounts whose products or sums would overflow later (a big bundle times a big line, a price times a
 * quantity, lines of one SKU added up) are refused when the request comes in, before anything changes.
 */
class QuantityOverflowTest {

    private static final Sku PALLET = Sku.of("PALLET-OF-MUGS");

    private final OmsFixture f = new OmsFixture().stock(MUG, WH, 10);

    {
        f.catalog.put(new SkuAttributes(PALLET, "A million mugs", "kitchen", 1, Dimensions.ofMillimetres(1, 1, 1), true,
                List.of(new BundleComponent(MUG, 1_000_000))));
    }

    @Test
    void refuses_a_bundle_line_needing_ten_billion_stock_units_before_anything_is_saved() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> f.oms.placeOrder(f.webOrder("W-1").line("1", PALLET.value(), 10_000, eur(1)).build()));

        assertThat(e.problems()).containsExactly(new Problem("lines[0].quantity", "10000",
                "needs 10000000000 units of MUG (1000000 per bundle), more than the 1000000 units of one SKU an order may need"));
        assertThat(f.orders.all()).isEmpty();
        assertThat(f.inventory.networkReserved(MUG)).isZero();
    }

    @Test
    void adds_up_the_stock_units_of_one_sku_over_every_line_of_the_order() {
        f.catalog.put(new SkuAttributes(BREAKFAST_SET, "Breakfast set", "kitchen", 1100, Dimensions.ofMillimetres(300, 300, 150),
                true, List.of(new BundleComponent(MUG, 100), new BundleComponent(PLATE, 1))));

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> f.oms.placeOrder(f.webOrder("W-1")
                .line("1", BREAKFAST_SET.value(), 9_000, eur(30))
                .line("2", "MUG", 10_000, eur(1))
                .line("3", "PLATE", 10, eur(1))
                .line("4", BREAKFAST_SET.value(), 1_000, eur(30))
                .build()));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("lines[3].quantity");
            assertThat(p.rule()).startsWith("needs 1010000 units of MUG (100 per bundle) with the order's earlier lines");
        });
    }

    @Test
    void refuses_lines_whose_price_times_quantity_comes_to_more_than_an_order_may() {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> f.oms.placeOrder(f.webOrder("W-1")
                .line("1", "MUG", 10_000, eur(1_000_000_000))
                .build()));

        assertThat(e.problems()).containsExactly(new Problem("lines[0].unitPrice", "EUR 1000000000.00",
                "times 10000 comes to 10000000000000.00, more than the EUR 10000000000.00 an order may come to"));
    }

    @Test
    void refuses_an_order_whose_lines_and_charges_add_up_to_more_than_an_order_may() {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> f.oms.placeOrder(f.webOrder("W-1")
                .line("1", "MUG", 1, eur(6_000_000_000.0))
                .line("2", "PLATE", 1, eur(4_000_000_000.0))
                .charge("shipping", eur(0.01))
                .build()));

        assertThat(e.problems()).containsExactly(new Problem("lines", "EUR 10000000000.01",
                "with the charges, come to more than the EUR 10000000000.00 an order may come to"));
    }

    @Test
    void the_maximum_amount_counts_minor_units_of_the_order_currency() {
        Money yen = Money.of(CurrencyUnit.JPY, 100_000_001);

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> f.oms.placeOrder(f.webOrder("W-1")
                .currency("JPY").line("1", "MUG", 10_000, yen).build()));

        assertThat(e.problems()).extracting(Problem::rule)
                .containsExactly("times 10000 comes to 1000000010000, more than the JPY 1000000000000 an order may come to");
    }

    @Test
    void refuses_a_reservation_asking_for_more_than_100_million_units_of_one_sku_in_all() {
        List<ReservationLine> lines = List.of(ReservationLine.anywhere(MUG, Integer.MAX_VALUE),
                ReservationLine.anywhere(PLATE, 1), ReservationLine.at(MUG, WH, Integer.MAX_VALUE));

        assertThatThrownBy(() -> new ReservationRequest(new ReservationKey("r-1"), "cart", lines, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lines must ask for at most 100000000 units of MUG in all, ask for 4294967294");
        assertThatThrownBy(() -> new ReservationRequest(new ReservationKey("r-1"), "cart",
                List.of(ReservationLine.anywhere(PLATE, 100_000_001)), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lines must ask for at most 100000000 units of PLATE in all, ask for 100000001");
        assertThatCode(() -> new ReservationRequest(new ReservationKey("r-1"), "cart",
                List.of(ReservationLine.anywhere(MUG, 60_000_000), ReservationLine.anywhere(PLATE, 60_000_000)), null))
                .doesNotThrowAnyException();
    }

    @Test
    void refuses_an_allocation_asking_for_more_than_100_million_units_of_one_sku_in_all() {
        List<AllocationLine> lines = List.of(AllocationLine.of(MUG, WH, 60_000_000), AllocationLine.of(MUG, STORE, 60_000_000));

        assertThatThrownBy(() -> new AllocationRequest(new AllocationKey("a-1"), "order", lines, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lines must ask for at most 100000000 units of MUG in all, ask for 120000000");
    }
}

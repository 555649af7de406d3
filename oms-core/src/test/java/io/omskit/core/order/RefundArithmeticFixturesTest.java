package io.omskit.core.order;

import static io.omskit.core.order.Orders.eur;
import static io.omskit.core.order.Orders.gbp;
import static io.omskit.core.order.Orders.line;
import static io.omskit.core.order.Orders.order;
import static io.omskit.core.order.Orders.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * The refund bugs other platforms' users reported, each with its numbers: what the customer paid per unit, net of
 * line discounts and a share of the order's discounts, to the cent.
 */
class RefundArithmeticFixturesTest {

    private static final LineId L1 = LineId.of("1");
    private static final LineId L2 = LineId.of("2");
    private static final LineId L3 = LineId.of("3");

    @Test
    void an_order_discount_is_spread_over_the_item_refunded_alone_solidus_512() {
        // £6 + £4 with 10% (£1) off the order: refunding the £6 item gives back £5.40, not £6 and not £5
        Order o = order("GBP", b -> b.line(line("1", 1, gbp("6.00"))).line(line("2", 1, gbp("4.00"))).discount("TENOFF", gbp("1.00")));
        PaidPerUnit paid = PaidPerUnit.of(o);

        assertThat(paid.goods(L1, 0, 1)).isEqualTo(gbp("5.40"));
        assertThat(paid.goods(L2, 0, 1)).isEqualTo(gbp("3.60"));
    }

    @Test
    void a_partial_refund_takes_only_its_share_of_the_order_discount_prestashop_18319() {
        // a 150 item of a 210 order with 20% (42) off refunds 120, not 108 (the whole discount taken off it)
        Order o = order("EUR", b -> b.line(line("1", 1, eur("150.00"))).line(line("2", 1, eur("60.00"))).discount("TWENTY", eur("42.00")));
        PaidPerUnit paid = PaidPerUnit.of(o);

        assertThat(paid.goods(L1, 0, 1)).isEqualTo(eur("120.00"));
        assertThat(paid.goods(L2, 0, 1)).isEqualTo(eur("48.00"));
    }

    @Test
    void the_order_discount_is_not_spread_again_over_what_is_left_after_a_refund_vendure_4811() {
        // 50 + 30 + 20 with 10 off: after the 50 line is refunded (45), the others still refund 27 and 18, not 24 and 16
        Order o = order("EUR", b -> b.line(line("1", 1, eur("50.00"))).line(line("2", 1, eur("30.00")))
                .line(line("3", 1, eur("20.00"))).discount("TENOFF", eur("10.00")));
        PaidPerUnit paid = PaidPerUnit.of(o);

        Money first = paid.goods(L1, 0, 1);
        Money second = paid.goods(L2, 0, 1);
        Money third = paid.goods(L3, 0, 1);

        assertThat(first).isEqualTo(eur("45.00"));
        assertThat(second).isEqualTo(eur("27.00"));
        assertThat(third).isEqualTo(eur("18.00"));
        assertThat(first.plus(second).plus(third)).isEqualTo(o.total());
    }

    @Test
    void nineteen_ninety_nine_at_twenty_five_percent_off_refunds_fourteen_ninety_nine_saleor_12040() {
        // 25% of 19.99 is 4.9975, taken off as 5.00: the customer paid 14.99 and gets back 14.99, not 15.00
        Order o = order("USD", b -> b.line(line("1", 1, usd("19.99")).withDiscount("QUARTER", usd("5.00"))));
        Order orderLevel = order("USD", b -> b.line(line("1", 1, usd("19.99"))).discount("QUARTER", usd("5.00")));

        assertThat(PaidPerUnit.of(o).goods(L1, 0, 1)).isEqualTo(usd("14.99"));
        assertThat(PaidPerUnit.of(orderLevel).goods(L1, 0, 1)).isEqualTo(usd("14.99"));
    }

    @Test
    void rounding_per_line_never_refunds_a_cent_more_than_the_order_cost_woocommerce_64668() {
        // three 10.00 lines with 10.00 off: each line's exact share is 6.666..; rounded each up they would refund 20.01
        Order o = order("EUR", b -> b.line(line("1", 1, eur("10.00"))).line(line("2", 1, eur("10.00")))
                .line(line("3", 1, eur("10.00"))).discount("TENOFF", eur("10.00")));
        PaidPerUnit paid = PaidPerUnit.of(o);

        // the discount's odd cent falls on the first line
        assertThat(paid.goods(L1, 0, 1)).isEqualTo(eur("6.66"));
        assertThat(paid.goods(L2, 0, 1)).isEqualTo(eur("6.67"));
        assertThat(paid.goods(L3, 0, 1)).isEqualTo(eur("6.67"));
        assertThat(paid.goods(L1, 0, 1).plus(paid.goods(L2, 0, 1)).plus(paid.goods(L3, 0, 1))).isEqualTo(eur("20.00"));
    }

    @Test
    void returning_units_one_by_one_never_leaves_a_cent_short_solidus_707() {
        // three units for 10.00 in all: 3.33 each would refund 9.99; the first unit carries the odd cent
        Order o = order("USD", b -> b.line(line("1", 3, usd("5.00")).withDiscount("BUNDLE", usd("5.00"))));
        PaidPerUnit paid = PaidPerUnit.of(o);

        assertThat(paid.goods(L1, 0, 1)).isEqualTo(usd("3.34"));
        assertThat(paid.goods(L1, 1, 1)).isEqualTo(usd("3.33"));
        assertThat(paid.goods(L1, 2, 1)).isEqualTo(usd("3.33"));
        assertThat(paid.goods(L1, 0, 1).plus(paid.goods(L1, 1, 2))).isEqualTo(usd("10.00"));
    }

    @Test
    void charges_are_shared_apart_so_a_policy_can_refund_them_or_not() {
        Order o = order("EUR", b -> b.line(line("1", 2, eur("30.00"))).line(line("2", 1, eur("40.00")))
                .discount("TENOFF", eur("10.00")).charge("shipping", eur("4.99")));
        PaidPerUnit paid = PaidPerUnit.of(o);

        assertThat(paid.goodsTotal()).isEqualTo(eur("90.00"));
        assertThat(paid.chargesTotal()).isEqualTo(eur("4.99"));
        assertThat(paid.goods(L1, 0, 2).plus(paid.goods(L2, 0, 1)).plus(paid.charges(L1, 0, 2)).plus(paid.charges(L2, 0, 1)))
                .isEqualTo(o.total());
    }

    @Test
    void a_discount_larger_than_the_lines_comes_off_the_charges_as_the_order_total_does() {
        Order o = order("EUR", b -> b.line(line("1", 1, eur("5.00"))).discount("VOUCHER", eur("8.00")).charge("shipping", eur("4.95")));
        PaidPerUnit paid = PaidPerUnit.of(o);

        assertThat(paid.goods(L1, 0, 1)).isEqualTo(eur("0.00"));
        assertThat(paid.charges(L1, 0, 1)).isEqualTo(eur("1.95"));
        assertThat(o.total()).isEqualTo(eur("1.95"));
    }

    @Test
    void currencies_without_minor_units_are_allocated_in_whole_units() {
        Order o = order("JPY", b -> b.line(line("1", 3, Orders.money("JPY", "1000"))).discount("OFF", Orders.money("JPY", "100")));
        PaidPerUnit paid = PaidPerUnit.of(o);

        assertThat(paid.goods(L1, 0, 1)).isEqualTo(Orders.money("JPY", "967"));
        assertThat(paid.goods(L1, 1, 2)).isEqualTo(Orders.money("JPY", "1933"));
    }

    @Test
    void counting_past_a_lines_quantity_names_the_line_and_the_counts() {
        Order o = order("EUR", b -> b.line(line("1", 2, eur("10.00"))));
        PaidPerUnit paid = PaidPerUnit.of(o);

        assertThatThrownBy(() -> paid.goods(L1, 1, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1").hasMessageContaining("1 + 2");
        assertThatThrownBy(() -> paid.goods(LineId.of("9"), 0, 1)).hasMessageContaining("line 9 is not a line");
    }
}

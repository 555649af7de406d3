package io.omskit.core.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/** The per-unit allocation adds up, whatever the order and however its units are split into refunds. */
class RefundArithmeticProperties {

    /** An order's prices, and a sequence of partial refunds as (line index, units wanted) pairs. */
    record Case(List<long[]> lines, long discount, long charge, List<int[]> refunds) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<long[]> line = Combinators.combine(
                Arbitraries.integers().between(1, 7), Arbitraries.longs().between(0, 50_000),
                Arbitraries.integers().between(0, 100)).as((q, price, discountPercent) -> {
                    long subtotal = q * price;
                    return new long[] {q, price, subtotal * discountPercent / 100 / 3};
                });
        return Combinators.combine(line.list().ofMinSize(1).ofMaxSize(5), Arbitraries.longs().between(0, 200_000),
                        Arbitraries.longs().between(0, 2_000),
                        Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(1, 7))
                                .as((l, u) -> new int[] {l, u}).list().ofMaxSize(30))
                .as(Case::new);
    }

    private static Order orderOf(Case c) {
        CurrencyUnit eur = CurrencyUnit.EUR;
        return Orders.order("EUR", b -> {
            for (int i = 0; i < c.lines().size(); i++) {
                long[] l = c.lines().get(i);
                LineRequest r = LineRequest.of(String.valueOf(i + 1), "SKU-" + i, (int) l[0], Money.ofMinor(eur, l[1]));
                b.line(l[2] > 0 ? r.withDiscount("LINE", Money.ofMinor(eur, l[2])) : r);
            }
            if (c.discount() > 0) {
                b.discount("ORDER", Money.ofMinor(eur, c.discount()));
            }
            if (c.charge() > 0) {
                b.charge("shipping", Money.ofMinor(eur, c.charge()));
            }
            return b;
        });
    }

    @Property(tries = 300)
    void any_sequence_of_partial_refunds_adds_up_to_exactly_what_the_order_cost(@ForAll("cases") Case c) {
        Order order = orderOf(c);
        PaidPerUnit paid = PaidPerUnit.of(order);
        Map<LineId, Integer> refunded = new HashMap<>();
        Money sum = Money.zero(order.currency());
        for (int[] r : c.refunds()) {
            OrderLine line = order.lines().get(r[0] % order.lines().size());
            int before = refunded.getOrDefault(line.id(), 0);
            int units = Math.min(r[1], line.quantity() - before);
            sum = sum.plus(paid.goods(line.id(), before, units)).plus(paid.charges(line.id(), before, units));
            refunded.put(line.id(), before + units);
            assertThat(sum).as("refunded so far").isLessThanOrEqualTo(order.total());
        }
        for (OrderLine line : order.lines()) {
            int before = refunded.getOrDefault(line.id(), 0);
            int rest = line.quantity() - before;
            sum = sum.plus(paid.goods(line.id(), before, rest)).plus(paid.charges(line.id(), before, rest));
        }
        assertThat(sum).isEqualTo(order.total());
        assertThat(paid.goodsTotal().plus(paid.chargesTotal())).isEqualTo(order.total());
    }

    @Property(tries = 200)
    void units_of_a_line_differ_by_at_most_one_minor_unit(@ForAll("cases") Case c) {
        Order order = orderOf(c);
        PaidPerUnit paid = PaidPerUnit.of(order);
        for (OrderLine line : order.lines()) {
            List<Long> units = new ArrayList<>();
            for (int i = 0; i < line.quantity(); i++) {
                Money unit = paid.goods(line.id(), i, 1);
                assertThat(unit.isNegative()).isFalse();
                units.add(unit.getAmountMinorLong());
            }
            long min = units.stream().mapToLong(Long::longValue).min().orElseThrow();
            long max = units.stream().mapToLong(Long::longValue).max().orElseThrow();
            assertThat(max - min).isLessThanOrEqualTo(1);
        }
    }

    @Property(tries = 200)
    void each_line_bears_the_order_discount_in_proportion_to_its_price_within_a_minor_unit(@ForAll("cases") Case c) {
        Order order = orderOf(c);
        PaidPerUnit paid = PaidPerUnit.of(order);
        long lines = order.lines().stream().mapToLong(l -> Math.max(0, l.total().getAmountMinorLong())).sum();
        long discount = Math.min(c.discount(), lines);
        for (OrderLine line : order.lines()) {
            long lineTotal = Math.max(0, line.total().getAmountMinorLong());
            if (lines == 0) {
                continue;
            }
            BigDecimal exact = BigDecimal.valueOf(lineTotal).subtract(
                    BigDecimal.valueOf(discount).multiply(BigDecimal.valueOf(lineTotal)).divide(BigDecimal.valueOf(lines), 10, RoundingMode.HALF_EVEN));
            long allocated = paid.goods(line.id(), 0, line.quantity()).getAmountMinorLong();
            assertThat(BigDecimal.valueOf(allocated).subtract(exact).abs()).isLessThan(BigDecimal.ONE);
        }
    }
}

package io.omskit.core.order;

import io.omskit.core.channel.Channel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.LocationId;
import io.omskit.core.payment.PaymentSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An order's lines have distinct ids and its allocations name its lines, however many lines it has. */
class OrderLinesTest {

    private static final CurrencyUnit EUR = CurrencyUnit.EUR;

    @ParameterizedTest
    @ValueSource(ints = {2, 16, 17, 40})
    void lines_with_distinct_ids_make_an_order(int count) {
        Order order = order(lines(count), List.of());

        assertThat(order.lines()).hasSize(count);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 16, 17, 40})
    void a_line_id_appearing_twice_is_refused(int count) {
        List<OrderLine> lines = lines(count);
        lines.set(count - 1, line("L0", 1, UnitCounts.allOpen(1)));

        assertThatThrownBy(() -> order(lines, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lines must have unique ids, L0 appears twice");
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 16, 17, 40})
    void an_allocation_of_an_unknown_line_is_refused(int count) {
        LineAllocation stray = new LineAllocation(LineId.of("elsewhere"), LocationId.of("WH-1"), "a-1", "i-1", 1, 0);

        assertThatThrownBy(() -> order(lines(count), List.of(stray)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("allocation a-1 refers to unknown line elsewhere");
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 16, 17, 40})
    void an_allocation_of_a_known_line_is_kept(int count) {
        List<OrderLine> lines = lines(count);
        lines.set(count - 1, line("L" + (count - 1), 1, new UnitCounts(0, 0, 1, 0, 0, 0, 0, 0, 0)));
        LineAllocation held = new LineAllocation(LineId.of("L" + (count - 1)), LocationId.of("WH-1"), "a-1", "i-1", 1,
                0);

        assertThat(order(lines, List.of(held)).allocations()).containsExactly(held);
    }

    @org.junit.jupiter.api.Test
    void a_negative_charge_or_discount_is_refused_and_a_free_one_kept() {
        assertThatThrownBy(() -> order(lines(1), List.of(), List.of(), List.of(Adjustment.of("shipping", Money.of(EUR, -0.01)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("charges must be >= 0 in EUR, was shipping EUR -0.01");
        assertThatThrownBy(() -> order(lines(1), List.of(), List.of(Adjustment.of("promo", Money.of(EUR, -1))), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("discounts must be >= 0 in EUR, was promo EUR -1.00");

        Order free = order(lines(1), List.of(), List.of(Adjustment.of("promo", Money.zero(EUR))),
                List.of(Adjustment.of("shipping", Money.zero(EUR))));

        assertThat(free.total()).isEqualTo(Money.of(EUR, 5));
    }

    @org.junit.jupiter.api.Test
    void a_charge_in_another_currency_is_refused() {
        assertThatThrownBy(() -> order(lines(1), List.of(), List.of(),
                List.of(Adjustment.of("shipping", Money.of(CurrencyUnit.USD, 4.95)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("charges must be >= 0 in EUR, was shipping USD 4.95");
    }

    private static List<OrderLine> lines(int count) {
        List<OrderLine> lines = new ArrayList<>();
        for (int x = 0; x < count; x++) {
            lines.add(line("L" + x, 1, UnitCounts.allOpen(1)));
        }
        return lines;
    }

    private static OrderLine line(String id, int quantity, UnitCounts units) {
        return new OrderLine(LineId.of(id), Sku.of("SKU-" + id), quantity, Money.of(EUR, 5), List.of(), null, units);
    }

    private static Order order(List<OrderLine> lines, List<LineAllocation> allocations) {
        return order(lines, allocations, List.of(), List.of());
    }

    private static Order order(List<OrderLine> lines, List<LineAllocation> allocations, List<Adjustment> discounts,
                               List<Adjustment> charges) {
        DeliveryChoice pickup = DeliveryChoice.pickup(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT, LocationId.of("S-1"),
                null);
        Instant placed = Instant.parse("2026-03-10T09:00:00Z");
        return new Order(OrderId.of("o-1"), 1, Channel.WEB, ExternalOrderRef.of("x-1"), CustomerRef.of("c-1"), EUR,
                pickup, lines, discounts, charges, "", PaymentSummary.none(EUR), null, placed, null, allocations, List.of(), List.of(), List.of());
    }
}

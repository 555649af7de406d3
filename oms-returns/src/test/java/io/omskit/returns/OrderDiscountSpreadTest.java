package io.omskit.returns;

import static io.omskit.returns.Shop.JEANS;
import static io.omskit.returns.Shop.SHIRT;
import static io.omskit.returns.Shop.SOCKS;
import static io.omskit.returns.Shop.WH;
import static io.omskit.returns.Shop.eur;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.catalog.Sku;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.LineId;
import io.omskit.core.order.Order;
import io.omskit.returns.policy.RefundTiming;
import io.omskit.returns.policy.ReturnPolicy;
import io.omskit.returns.rma.Arrival;
import io.omskit.returns.rma.Disposition;
import io.omskit.returns.rma.Grade;
import io.omskit.returns.rma.Return;
import io.omskit.returns.rma.ReturnMethod;
import io.omskit.returns.rma.ReturnReason;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An order-level discount is spread over the returned units, and returns one after another add up to the order. */
class OrderDiscountSpreadTest {

    private final Shop shop = new Shop();
    private final Returns returns = shop.returns(ReturnPolicy.builder().timing(RefundTiming.ON_RECEIPT).build());

    private Return returnAndReceive(Order order, String key, LineId line, Sku sku, int units) {
        Return ret = ((OpenResult.Opened) returns.open(OpenReturnRequest.of(order.id(), key, Channel.WEB, ReturnMethod.mailIn(WH),
                List.of(OpenReturnRequest.line(line, units, ReturnReason.CHANGED_MIND))))).ret();
        return returns.receive(ret.id(), List.of(Arrival.of(sku, units)), key + "-scan");
    }

    @Test
    void returning_the_150_item_of_a_210_order_with_20_percent_off_refunds_120_prestashop_18319() {
        Order order = shop.delivered(b -> b.line("1", "JEANS", 1, eur("150.00")).line("2", "SHIRT", 1, eur("60.00"))
                .discount("TWENTY", eur("42.00")));

        Return ret = returnAndReceive(order, "rq-1", LineId.of("1"), JEANS, 1);

        assertThat(ret.refunds()).singleElement().satisfies(r -> assertThat(r.amount()).isEqualTo(eur("120.00")));
    }

    @Test
    void returns_one_unit_at_a_time_refund_exactly_the_order_to_the_cent_solidus_707_woocommerce_64668() {
        Order order = shop.delivered(b -> b.line("1", "SOCKS", 3, eur("3.00")).line("2", "SHIRT", 1, eur("10.00"))
                .line("3", "JEANS", 1, eur("10.00")).discount("TENOFF", eur("10.00")));

        returnAndReceive(order, "rq-1", LineId.of("1"), SOCKS, 1);
        returnAndReceive(order, "rq-2", LineId.of("2"), SHIRT, 1);
        returnAndReceive(order, "rq-3", LineId.of("1"), SOCKS, 2);
        returnAndReceive(order, "rq-4", LineId.of("3"), JEANS, 1);

        assertThat(shop.payments.refunded(order.id())).isEqualTo(order.total()).isEqualTo(eur("19.00"));
    }

    @Test
    void after_one_line_is_refunded_the_others_keep_their_share_of_the_discount_vendure_4811() {
        Order order = shop.delivered(b -> b.line("1", "JEANS", 1, eur("50.00")).line("2", "SHIRT", 1, eur("30.00"))
                .line("3", "SOCKS", 1, eur("20.00")).discount("TENOFF", eur("10.00")));

        Return first = returnAndReceive(order, "rq-1", LineId.of("1"), JEANS, 1);
        Return second = returnAndReceive(order, "rq-2", LineId.of("2"), SHIRT, 1);
        Return third = returnAndReceive(order, "rq-3", LineId.of("3"), SOCKS, 1);

        assertThat(List.of(first, second, third)).extracting(r -> r.refunds().get(0).amount())
                .containsExactly(eur("45.00"), eur("27.00"), eur("18.00"));
    }

    @Test
    void inspection_grade_decides_after_the_fact_but_never_pays_more_than_captured() {
        Order order = shop.delivered(b -> b.line("1", "SHIRT", 1, eur("19.99")).discount("QUARTER", eur("5.00")));
        Returns inspected = shop.returns(ReturnPolicy.standard());
        Return ret = ((OpenResult.Opened) inspected.open(OpenReturnRequest.of(order.id(), "rq", Channel.WEB, ReturnMethod.mailIn(WH),
                List.of(OpenReturnRequest.line(LineId.of("1"), 1, ReturnReason.CHANGED_MIND))))).ret();
        inspected.receive(ret.id(), List.of(Arrival.of(SHIRT, 1)), "scan");
        Return done = inspected.inspect(ret.id(), LineId.of("1"), Grade.GOOD, Disposition.RESTOCK, 1, "i");

        assertThat(done.refunds()).singleElement().satisfies(r -> assertThat(r.amount()).isEqualTo(eur("14.99")));
        assertThat(shop.order(order).payment().refunded()).isEqualTo(shop.order(order).payment().captured());
    }
}

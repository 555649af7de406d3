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
import io.omskit.core.order.OrderStatus;
import io.omskit.returns.policy.ReturnPolicy;
import io.omskit.returns.rma.Arrival;
import io.omskit.returns.rma.Disposition;
import io.omskit.returns.rma.Exchange;
import io.omskit.returns.rma.Grade;
import io.omskit.returns.rma.Return;
import io.omskit.returns.rma.ReturnEvent;
import io.omskit.returns.rma.ReturnMethod;
import io.omskit.returns.rma.ReturnReason;
import io.omskit.returns.rma.ReturnStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exchanges: the returned units pay for a replacement order; the difference is charged or refunded, never left open
 * (Medusa #7653), and an exchange pays no return shipping (Medusa #4838).
 */
class ExchangeTest {

    private static final LineId L1 = LineId.of("1");

    private final Shop shop = new Shop();

    private Return exchange(Returns returns, Order order, Sku wanted, int quantity, String price) {
        OpenResult result = returns.open(OpenReturnRequest.of(order.id(), "swap-1", Channel.WEB, ReturnMethod.mailIn(WH),
                        List.of(OpenReturnRequest.line(L1, 1, ReturnReason.DOES_NOT_FIT)))
                .exchangeFor(List.of(Exchange.Replacement.of(wanted, quantity, eur(price)))));
        assertThat(result.isOpened()).as("%s", result.refused()).isTrue();
        return ((OpenResult.Opened) result).ret();
    }

    private Return receiveAndInspect(Returns returns, Return ret, Sku sku) {
        returns.receive(ret.id(), List.of(Arrival.of(sku, 1)), "scan-1");
        return returns.inspect(ret.id(), L1, Grade.AS_NEW, Disposition.RESTOCK, 1, "i-1");
    }

    @Test
    void another_size_at_the_same_price_is_ordered_at_once_paid_by_the_return_and_nothing_moves_on_the_card() {
        Returns returns = shop.returns(ReturnPolicy.builder().returnShippingFee(eur("3.50")).build());
        Order order = shop.delivered(b -> b.line("1", "SHIRT", 1, eur("25.00")));
        int socksAvailable = shop.inventory.networkAvailable(SOCKS);

        Return ret = exchange(returns, order, SOCKS, 1, "25.00");

        Exchange x = ret.exchange();
        assertThat(x.replacementOrder()).as("ordered when the exchange is opened").isNotNull();
        assertThat(x.applied()).isEqualTo(eur("25.00"));
        assertThat(x.differenceDue()).isEqualTo(eur("0.00"));
        Order replacement = shop.oms.order(x.replacementOrder()).orElseThrow();
        assertThat(replacement.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(replacement.total()).isEqualTo(eur("0.00"));
        assertThat(shop.inventory.networkAvailable(SOCKS)).as("the replacement's stock is held").isEqualTo(socksAvailable - 1);

        Return done = receiveAndInspect(returns, ret, SHIRT);

        assertThat(done.refunds()).singleElement().satisfies(r -> {
            assertThat(r.exchangeCredit()).isEqualTo(eur("25.00"));
            assertThat(r.fees()).as("no return shipping on an exchange").isEqualTo(eur("0.00"));
            assertThat(r.amount()).isEqualTo(eur("0.00"));
        });
        assertThat(shop.payments.refunded(order.id())).isNull();
        assertThat(done.status()).isEqualTo(ReturnStatus.REFUNDED);
        assertThat(shop.events.events(ReturnEvent.ReplacementPlaced.class)).singleElement()
                .satisfies(e -> assertThat(e.differenceDue()).isEqualTo(eur("0.00")));
    }

    @Test
    void a_dearer_replacement_charges_the_difference_on_the_replacement_order() {
        Returns returns = shop.returns(ReturnPolicy.standard());
        Order order = shop.delivered(b -> b.line("1", "SHIRT", 1, eur("25.00")));

        Return ret = exchange(returns, order, JEANS, 1, "80.00");

        Order replacement = shop.oms.order(ret.exchange().replacementOrder()).orElseThrow();
        assertThat(ret.exchange().differenceDue()).isEqualTo(eur("55.00"));
        assertThat(replacement.total()).isEqualTo(eur("55.00"));
        assertThat(replacement.payment().authorised()).isEqualTo(eur("55.00"));
        Return done = receiveAndInspect(returns, ret, SHIRT);
        assertThat(done.refunds()).singleElement().satisfies(r -> assertThat(r.amount()).isEqualTo(eur("0.00")));
        assertThat(shop.payments.refunded(order.id())).isNull();
    }

    @Test
    void a_cheaper_replacement_refunds_the_difference() {
        Returns returns = shop.returns(ReturnPolicy.standard());
        Order order = shop.delivered(b -> b.line("1", "JEANS", 1, eur("80.00")));

        Return ret = exchange(returns, order, SHIRT, 1, "25.00");
        assertThat(ret.exchange().differenceDue()).isEqualTo(eur("-55.00"));
        Return done = receiveAndInspect(returns, ret, JEANS);

        assertThat(shop.oms.order(ret.exchange().replacementOrder()).orElseThrow().total()).isEqualTo(eur("0.00"));
        assertThat(done.refunds()).singleElement().satisfies(r -> {
            assertThat(r.exchangeCredit()).isEqualTo(eur("25.00"));
            assertThat(r.amount()).isEqualTo(eur("55.00"));
        });
        assertThat(shop.payments.refunded(order.id())).isEqualTo(eur("55.00"));
    }

    @Test
    void the_policy_can_order_the_replacement_only_when_the_goods_arrive() {
        Returns returns = shop.returns(ReturnPolicy.builder().replacementReserved(ReturnPolicy.ReplacementTiming.ON_RECEIPT).build());
        Order order = shop.delivered(b -> b.line("1", "SHIRT", 1, eur("25.00")));

        Return ret = exchange(returns, order, SOCKS, 1, "25.00");
        assertThat(ret.exchange().replacementOrder()).isNull();

        Return received = returns.receive(ret.id(), List.of(Arrival.of(SHIRT, 1)), "scan-1");
        assertThat(received.exchange().replacementOrder()).isNotNull();
        assertThat(shop.oms.order(received.exchange().replacementOrder()).orElseThrow().status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void a_replacement_out_of_stock_fails_and_the_return_is_refunded_in_money() {
        Returns returns = shop.returns(ReturnPolicy.standard());
        Order order = shop.delivered(b -> b.line("1", "SHIRT", 1, eur("25.00")));

        Return ret = exchange(returns, order, SOCKS, 5_000, "0.01");
        assertThat(ret.exchange().failedBecause()).startsWith("out of stock");
        Return done = receiveAndInspect(returns, ret, SHIRT);

        assertThat(done.refunds()).singleElement().satisfies(r -> assertThat(r.amount()).isEqualTo(eur("25.00")));
        assertThat(shop.events.events(ReturnEvent.ReplacementFailed.class)).hasSize(1);
    }

    @Test
    void opening_the_exchange_again_orders_no_second_replacement() {
        Returns returns = shop.returns(ReturnPolicy.standard());
        Order order = shop.delivered(b -> b.line("1", "SHIRT", 1, eur("25.00")));
        Return first = exchange(returns, order, SOCKS, 1, "25.00");
        int socksAvailable = shop.inventory.networkAvailable(SOCKS);

        Return again = exchange(returns, order, SOCKS, 1, "25.00");

        assertThat(again.exchange().replacementOrder()).isEqualTo(first.exchange().replacementOrder());
        assertThat(shop.inventory.networkAvailable(SOCKS)).isEqualTo(socksAvailable);
    }
}

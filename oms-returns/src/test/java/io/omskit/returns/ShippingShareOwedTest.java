package io.omskit.returns;

import static io.omskit.returns.Shop.SHIRT;
import static io.omskit.returns.Shop.WH;
import static io.omskit.returns.Shop.eur;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.channel.Channel;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.payment.TenderType;
import io.omskit.returns.inmemory.InMemoryReturnRepository;
import io.omskit.returns.policy.ReturnPolicy;
import io.omskit.returns.policy.ShippingRefund;
import io.omskit.returns.rma.Arrival;
import io.omskit.returns.rma.Disposition;
import io.omskit.returns.rma.Grade;
import io.omskit.returns.rma.Refund;
import io.omskit.returns.rma.RefundStatus;
import io.omskit.returns.rma.Return;
import io.omskit.returns.rma.ReturnMethod;
import io.omskit.returns.rma.ReturnReason;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A 114.95 order (2 shirts at 25.00, jeans at 60.00, 4.95 shipping): the shirts are delivered first and both come back,
 * the jeans follow later and the customer keeps them. When the shirts' reason alone earns their shipping back (policy
 * {@link ShippingRefund#ALWAYS}, or the retailer's fault under the default policy), their share of the shipping (4.95
 * over the lines by value, 50 of 110: 2.25) is owed, but core captures the shipping with the last unit: the shirts'
 * refund is capped at the 50.00 captured. The share is refunded once the shipping is captured, exactly once, although
 * the customer keeps the jeans.
 */
class ShippingShareOwedTest {

    private static final LineId SHIRTS = LineId.of("1");
    private static final LineId JEANS_LINE = LineId.of("2");

    private final Shop shop = new Shop();

    private Returns returns(ShippingRefund shipping, boolean listening) {
        Returns r = Returns.builder(shop.oms).payments(shop.payments).policy(ReturnPolicy.builder().shippingRefund(shipping).build())
                .repository(new InMemoryReturnRepository()).events(shop.events).build();
        if (listening) {
            shop.events.subscribe(r::accept);
        }
        return r;
    }

    private void jeansDelivered(Order order) {
        shop.deliver(order, "f-2", List.of(LineQuantity.of(JEANS_LINE, 1)));
    }

    @Test
    void under_always_the_returned_units_share_is_refunded_once_the_shipping_is_captured_though_the_jeans_are_kept() {
        Returns returns = returns(ShippingRefund.ALWAYS, true);
        Order order = shop.shirtsDeliveredJeansWaiting();
        Return ret = shop.returnBothShirts(returns, order, ReturnReason.CHANGED_MIND);
        assertThat(ret.refunds()).singleElement().satisfies(f -> {
            assertThat(f.amount()).as("capped at what was captured").isEqualTo(eur("50.00"));
            assertThat(f.shipping()).as("records only the shipping it paid").isEqualTo(eur("0.00"));
        });

        jeansDelivered(order);

        assertThat(shop.payments.captured(order.id())).isEqualTo(eur("114.95"));
        Return after = returns.find(ret.id()).orElseThrow();
        assertThat(after.refunds()).hasSize(2);
        Refund share = after.refunds().get(1);
        assertThat(share.units()).isEmpty();
        assertThat(share.shipping()).isEqualTo(eur("2.25"));
        assertThat(share.amount()).isEqualTo(eur("2.25"));
        assertThat(share.status()).isEqualTo(RefundStatus.SUCCEEDED);
        assertThat(shop.payments.refunded(order.id())).isEqualTo(eur("52.25"));
        assertThat(shop.order(order).payment().refunded()).isEqualTo(eur("52.25"));
    }

    @Test
    void the_retailers_fault_earns_the_share_under_the_default_policy_and_a_change_of_mind_does_not() {
        Returns returns = returns(ShippingRefund.WHEN_ALL_RETURNED_OR_RETAILERS_FAULT, true);
        Order order = shop.shirtsDeliveredJeansWaiting();
        shop.returnBothShirts(returns, order, ReturnReason.DEFECTIVE);
        jeansDelivered(order);
        assertThat(shop.payments.refunded(order.id())).isEqualTo(eur("52.25"));

        Shop other = new Shop();
        Returns mind = Returns.builder(other.oms).payments(other.payments).policy(ReturnPolicy.standard()).events(other.events).build();
        other.events.subscribe(mind::accept);
        Order placed = other.placed(b -> b.line("1", "SHIRT", 2, eur("25.00")).line("2", "JEANS", 1, eur("60.00"))
                .charge("shipping", eur("4.95")));
        Order o2 = other.deliver(placed, "f-1", List.of(LineQuantity.of(SHIRTS, 2)));
        Return r2 = ((OpenResult.Opened) mind.open(OpenReturnRequest.of(o2.id(), "rq-1", Channel.WEB, ReturnMethod.dropOff(WH),
                List.of(OpenReturnRequest.line(SHIRTS, 2, ReturnReason.CHANGED_MIND))))).ret();
        mind.receive(r2.id(), List.of(Arrival.of(SHIRT, 2)), "scan-1");
        mind.inspect(r2.id(), SHIRTS, Grade.AS_NEW, Disposition.RESTOCK, 2, "inspect-1");
        other.deliver(o2, "f-2", List.of(LineQuantity.of(JEANS_LINE, 1)));

        assertThat(mind.settleShipping(o2.id())).as("the customer changed their mind and keeps the jeans").isEmpty();
        assertThat(other.payments.refunded(o2.id())).isEqualTo(eur("50.00"));
    }

    @Test
    void before_the_shipping_is_captured_nothing_is_asked_of_the_provider() {
        Returns returns = returns(ShippingRefund.ALWAYS, true);
        Order order = shop.shirtsDeliveredJeansWaiting();
        shop.returnBothShirts(returns, order, ReturnReason.CHANGED_MIND);

        assertThat(returns.settleShipping(order.id())).isEmpty();
        assertThat(shop.refundKeys(order.id())).hasSize(1);
        assertThat(shop.payments.refunded(order.id())).isEqualTo(eur("50.00"));
    }

    @Test
    void the_capture_event_delivered_twice_and_settling_again_refund_the_share_once() {
        Returns returns = returns(ShippingRefund.ALWAYS, true);
        Order order = shop.shirtsDeliveredJeansWaiting();
        shop.returnBothShirts(returns, order, ReturnReason.CHANGED_MIND);
        jeansDelivered(order);
        shop.events.events().stream().filter(e -> e instanceof OrderEvent.OrderPaymentUpdated).toList().forEach(returns::accept);
        returns.settleShipping(order.id());
        returns.settleShipping(order.id());

        assertThat(shop.refundKeys(order.id())).hasSize(2).doesNotHaveDuplicates();
        assertThat(shop.payments.refunded(order.id())).isEqualTo(eur("52.25"));
    }

    @Test
    void an_unknown_outcome_that_did_refund_is_asked_again_under_the_same_key_and_paid_once() {
        Returns returns = returns(ShippingRefund.ALWAYS, true);
        Order order = shop.shirtsDeliveredJeansWaiting();
        Return ret = shop.returnBothShirts(returns, order, ReturnReason.CHANGED_MIND);
        shop.payments.answerNormallyNext().timeOutNext(true); // the capture with the jeans, then the share's refund

        jeansDelivered(order);

        assertThat(returns.find(ret.id()).orElseThrow().openRefund()).as("recorded before asking, unanswered").isPresent();
        assertThat(shop.payments.refunded(order.id())).as("the provider did refund").isEqualTo(eur("52.25"));
        assertThat(returns.reconcileRefunds(10)).containsExactly(ret.id());
        returns.settleShipping(order.id());

        assertThat(shop.payments.refunded(order.id())).isEqualTo(eur("52.25"));
        assertThat(shop.order(order).payment().refunded()).isEqualTo(eur("52.25"));
        assertThat(shop.refundKeys(order.id()).stream().distinct()).hasSize(2);
    }

    @Test
    void a_declined_share_refund_is_refunded_by_the_next_call_under_a_new_key() {
        Returns returns = returns(ShippingRefund.ALWAYS, true);
        Order order = shop.shirtsDeliveredJeansWaiting();
        Return ret = shop.returnBothShirts(returns, order, ReturnReason.CHANGED_MIND);
        shop.payments.answerNormallyNext().declineNext("card closed");
        jeansDelivered(order);
        assertThat(returns.find(ret.id()).orElseThrow().refunds()).extracting(Refund::status)
                .containsExactly(RefundStatus.SUCCEEDED, RefundStatus.DECLINED);

        assertThat(returns.settleShipping(order.id())).hasValueSatisfying(f -> assertThat(f.amount()).isEqualTo(eur("2.25")));
        assertThat(shop.payments.refunded(order.id())).isEqualTo(eur("52.25"));
    }

    @Test
    void without_the_listener_the_share_rides_along_with_the_next_refund_and_everything_back_refunds_the_shipping_exactly() {
        Returns returns = returns(ShippingRefund.ALWAYS, false);
        Order order = shop.shirtsDeliveredJeansWaiting();
        shop.returnBothShirts(returns, order, ReturnReason.CHANGED_MIND);
        jeansDelivered(order);
        assertThat(shop.payments.refunded(order.id())).as("nobody told the returns about the capture").isEqualTo(eur("50.00"));

        Return jeans = ((OpenResult.Opened) returns.open(OpenReturnRequest.of(order.id(), "rq-2", Channel.WEB, ReturnMethod.dropOff(WH),
                List.of(OpenReturnRequest.line(JEANS_LINE, 1, ReturnReason.CHANGED_MIND))))).ret();
        returns.receive(jeans.id(), List.of(Arrival.of(Shop.JEANS, 1)), "scan-2");
        Return done = returns.inspect(jeans.id(), JEANS_LINE, Grade.AS_NEW, Disposition.RESTOCK, 1, "inspect-2");

        assertThat(done.refunds()).singleElement().satisfies(f -> {
            assertThat(f.goods()).isEqualTo(eur("60.00"));
            assertThat(f.shipping()).as("all the shipping: the shirts' share and the jeans'").isEqualTo(eur("4.95"));
        });
        assertThat(shop.payments.refunded(order.id())).isEqualTo(eur("114.95"));
        assertThat(returns.settleShipping(order.id())).as("nothing more, and no refund of shipping alone was made").isEmpty();
        assertThat(shop.refundKeys(order.id())).hasSize(2);
    }

    @Test
    void a_card_and_gift_card_order_gets_the_share_back_in_refund_order() {
        Returns returns = returns(ShippingRefund.ALWAYS, true);
        Order placed = shop.placed(b -> b.paymentRef(null).line("1", "SHIRT", 2, eur("25.00")).line("2", "JEANS", 1, eur("60.00"))
                .charge("shipping", eur("4.95"))
                .tender("gift", TenderType.GIFT_CARD, "tok-gift", eur("20.00"))
                .tenderForTheRest("card", TenderType.CARD, "tok-visa"));
        Order order = shop.deliver(placed, "f-1", List.of(LineQuantity.of(SHIRTS, 2)));
        shop.returnBothShirts(returns, order, ReturnReason.CHANGED_MIND);
        jeansDelivered(order);

        Order settled = shop.order(order);
        assertThat(settled.payment().refunded()).isEqualTo(eur("52.25"));
        assertThat(settled.payment().captured().minus(settled.payment().refunded())).isEqualTo(eur("62.70"));
    }
}

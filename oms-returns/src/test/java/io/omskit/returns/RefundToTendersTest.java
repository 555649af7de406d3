package io.omskit.returns;

import static io.omskit.returns.Shop.SHIRT;
import static io.omskit.returns.Shop.WH;
import static io.omskit.returns.Shop.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.channel.Channel;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.payment.Tender;
import io.omskit.core.payment.TenderAmount;
import io.omskit.core.payment.TenderType;
import io.omskit.core.spi.PaymentRequest;
import io.omskit.core.spi.SpiException;
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
 * A 50.00 order (4 shirts at 12.50) paid with a gift card of 20.00 and a card for the rest: half cancelled (the card
 * released first), the rest delivered (the gift card captured first), one shirt returned: its 12.50 goes to the card
 * first, never beyond the 5.00 the card captured, and the gift card takes the other 7.50, each through the provider
 * under its own key.
 */
class RefundToTendersTest {

    private static final LineId L1 = LineId.of("1");

    private final Shop shop = new Shop();
    private final Returns returns = shop.returns(ReturnPolicy.builder().restockingFeeRate("0.00")
            .shippingRefund(ShippingRefund.WHEN_ALL_RETURNED).build());

    private Order halfCancelledAndDelivered() {
        Order placed = shop.placed(b -> b.paymentRef(null).line("1", "SHIRT", 4, eur("12.50"))
                .tender("gift", TenderType.GIFT_CARD, "tok-gift", eur("20.00"))
                .tenderForTheRest("card", TenderType.CARD, "tok-visa"));
        shop.oms.cancel(placed.id(), List.of(LineQuantity.of(L1, 2)), CancellationReason.CUSTOMER_REQUEST);
        return shop.deliver(placed, "f-1", List.of(LineQuantity.of(L1, 2)));
    }

    private Return returnOne(Order order) {
        return ((OpenResult.Opened) returns.open(OpenReturnRequest.of(order.id(), "rq-1", Channel.WEB, ReturnMethod.dropOff(WH),
                List.of(OpenReturnRequest.line(L1, 1, ReturnReason.CHANGED_MIND))))).ret();
    }

    private static Tender tender(Order order, String id) {
        return order.payment().tender(id).orElseThrow();
    }

    @Test
    void a_returned_unit_is_refunded_to_the_card_first_and_the_gift_card_last() {
        Order order = halfCancelledAndDelivered();
        assertThat(tender(order, "gift").captured()).isEqualTo(eur("20.00"));
        assertThat(tender(order, "card").captured()).isEqualTo(eur("5.00"));
        Return ret = returnOne(order);

        returns.receive(ret.id(), List.of(Arrival.of(SHIRT, 1)), "scan-1");
        Return done = returns.inspect(ret.id(), L1, Grade.AS_NEW, Disposition.RESTOCK, 1, "i-1");

        Refund refund = done.refunds().get(0);
        assertThat(refund.status()).isEqualTo(RefundStatus.SUCCEEDED);
        assertThat(refund.amount()).isEqualTo(eur("12.50"));
        assertThat(refund.parts()).containsExactly(new TenderAmount("card", eur("5.00")), new TenderAmount("gift", eur("7.50")));
        Order after = shop.order(order);
        assertThat(tender(after, "card").refunded()).isEqualTo(eur("5.00"));
        assertThat(tender(after, "gift").refunded()).isEqualTo(eur("7.50"));
        assertThat(shop.payments.refundedOn(tender(after, "card").authorisationRef())).isEqualTo(eur("5.00"));
        assertThat(shop.payments.refundedOn(tender(after, "gift").authorisationRef())).isEqualTo(eur("7.50"));
        assertThat(shop.payments.calls()).filteredOn(c -> c.kind() == PaymentRequest.Kind.REFUND)
                .extracting(PaymentRequest::idempotencyKey).containsExactly(refund.key() + "-card", refund.key() + "-gift");
        assertThat(after.balanceDue()).isEqualTo(eur("0.00"));
        assertThat(after.creditOwed()).isEqualTo(eur("0.00"));
    }

    @Test
    void an_unknown_answer_for_the_gift_card_part_is_reconciled_without_refunding_the_card_twice() {
        Order order = halfCancelledAndDelivered();
        Return ret = returnOne(order);
        returns.receive(ret.id(), List.of(Arrival.of(SHIRT, 1)), "scan-1");
        shop.payments.answerNormallyNext().timeOutNext(true);

        assertThatThrownBy(() -> returns.inspect(ret.id(), L1, Grade.AS_NEW, Disposition.RESTOCK, 1, "i-1"))
                .isInstanceOf(SpiException.class).hasMessageContaining("tender gift").hasMessageContaining("UNKNOWN");
        assertThat(tender(shop.order(order), "card").refunded()).as("the card's part recorded at once").isEqualTo(eur("5.00"));
        assertThat(tender(shop.order(order), "gift").refunded()).isEqualTo(eur("0.00"));

        Return settled = returns.refund(ret.id());

        assertThat(settled.refunds()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(RefundStatus.SUCCEEDED));
        Order after = shop.order(order);
        assertThat(tender(after, "gift").refunded()).isEqualTo(eur("7.50"));
        assertThat(shop.payments.refunded(order.id())).as("paid once").isEqualTo(eur("12.50"));
        assertThat(shop.payments.calls()).filteredOn(c -> c.paymentRef().equals(tender(after, "card").authorisationRef())
                && c.kind() == PaymentRequest.Kind.REFUND).hasSize(1);
    }
}

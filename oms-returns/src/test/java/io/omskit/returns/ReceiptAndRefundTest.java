package io.omskit.returns;

import static io.omskit.returns.Shop.EARRINGS;
import static io.omskit.returns.Shop.JEANS;
import static io.omskit.returns.Shop.OUTLET_WH;
import static io.omskit.returns.Shop.SHIRT;
import static io.omskit.returns.Shop.SOCKS;
import static io.omskit.returns.Shop.WH;
import static io.omskit.returns.Shop.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.channel.Channel;
import io.omskit.core.common.ValidationException;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.StockMovement;
import io.omskit.core.order.CustomerRef;
import io.omskit.core.order.LineId;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderStatus;
import io.omskit.returns.policy.Refusal;
import io.omskit.returns.policy.RefundTiming;
import io.omskit.returns.policy.ReturnPolicy;
import io.omskit.returns.policy.ShippingRefund;
import io.omskit.returns.rma.Arrival;
import io.omskit.returns.rma.Disposition;
import io.omskit.returns.rma.Grade;
import io.omskit.returns.rma.IllegalReturnTransitionException;
import io.omskit.returns.rma.Receipt;
import io.omskit.returns.rma.RefundStatus;
import io.omskit.returns.rma.RefundTender;
import io.omskit.returns.rma.Return;
import io.omskit.returns.rma.ReturnCommand;
import io.omskit.returns.rma.ReturnEvent;
import io.omskit.returns.rma.ReturnMethod;
import io.omskit.returns.rma.ReturnReason;
import io.omskit.returns.rma.ReturnStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What real platforms got wrong or right about receiving and refunding: a receipt without a refund and a refund
 * without a receipt are both possible and recorded (Medusa #4052 could not receive without refunding), what arrives
 * is recorded as it is (Medusa's received and damaged quantities), fees and shipping by policy.
 */
class ReceiptAndRefundTest {

    private static final LineId L1 = LineId.of("1");
    private static final LineId L2 = LineId.of("2");

    private final Shop shop = new Shop();

    private Return open(Returns returns, Order order, ReturnMethod method, OpenReturnRequest.Line... lines) {
        OpenResult result = returns.open(OpenReturnRequest.of(order.id(), "rq-" + order.id(), Channel.WEB, method, List.of(lines)));
        assertThat(result.isOpened()).as("opened: %s", result.refused()).isTrue();
        return ((OpenResult.Opened) result).ret();
    }

    @Test
    void goods_are_received_without_a_refund_and_the_receipt_is_recorded_medusa_4052() {
        Returns returns = shop.returns(ReturnPolicy.standard());
        Order order = shop.delivered(b -> b.line("1", "SHIRT", 2, eur("25.00")));
        Return ret = open(returns, order, ReturnMethod.mailIn(WH), OpenReturnRequest.line(L1, 2, ReturnReason.CHANGED_MIND));

        Return received = returns.receive(ret.id(), List.of(Arrival.of(SHIRT, 2)), "scan-1");

        assertThat(received.status()).isEqualTo(ReturnStatus.RECEIVED);
        assertThat(received.line(L1).orElseThrow().received()).isEqualTo(2);
        assertThat(received.refunds()).isEmpty();
        assertThat(shop.payments.refunded(order.id())).isNull();
        assertThat(shop.order(order).status()).isEqualTo(OrderStatus.RETURNED);
        assertThat(shop.events.events(ReturnEvent.ReturnReceived.class)).hasSize(1);
    }

    @Test
    void a_trusted_customer_is_refunded_before_the_goods_arrive_and_the_refund_is_recorded() {
        Returns returns = shop.returns(ReturnPolicy.builder().trusted(CustomerRef.of("customer-1")).build());
        Order order = shop.delivered(b -> b.line("1", "SHIRT", 2, eur("25.00")));

        Return ret = open(returns, order, ReturnMethod.carrierCollection(WH), OpenReturnRequest.line(L1, 1, ReturnReason.DOES_NOT_FIT));

        assertThat(ret.status()).isEqualTo(ReturnStatus.AUTHORISED);
        assertThat(ret.line(L1).orElseThrow().received()).isZero();
        assertThat(ret.refunds()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RefundStatus.SUCCEEDED);
            assertThat(r.amount()).isEqualTo(eur("25.00"));
        });
        assertThat(shop.order(order).line(L1).orElseThrow().units().returned()).as("nothing came back yet").isZero();

        Return closed = returns.close(ret.id());
        assertThat(closed.status()).isEqualTo(ReturnStatus.CLOSED);
        assertThat(shop.inventory.position(SHIRT, WH).returnsInTransit()).isZero();
        assertThat(shop.events.events(ReturnEvent.ReturnClosed.class)).singleElement()
                .satisfies(e -> assertThat(e.neverArrived()).containsExactly(new ReturnEvent.Outstanding(L1, 1)));
    }

    @Test
    void refunds_on_receipt_when_the_policy_says_so() {
        Returns returns = shop.returns(ReturnPolicy.builder().timing(RefundTiming.ON_RECEIPT).build());
        Order order = shop.delivered(b -> b.line("1", "SHIRT", 3, eur("10.00")));
        Return ret = open(returns, order, ReturnMethod.mailIn(WH), OpenReturnRequest.line(L1, 3, ReturnReason.CHANGED_MIND));

        Return first = returns.receive(ret.id(), List.of(Arrival.of(SHIRT, 1)), "parcel-1");
        Return second = returns.receive(ret.id(), List.of(Arrival.of(SHIRT, 2)), "parcel-2");

        assertThat(first.refunds()).singleElement().satisfies(r -> assertThat(r.amount()).isEqualTo(eur("10.00")));
        assertThat(second.refunds()).extracting(r -> r.amount()).containsExactly(eur("10.00"), eur("20.00"));
    }

    @Test
    void fewer_units_than_authorised_arrive_and_closing_takes_the_rest_off_returns_in_transit() {
        Returns returns = shop.returns(ReturnPolicy.standard());
        Order order = shop.delivered(b -> b.line("1", "SHIRT", 3, eur("10.00")));
        Return ret = open(returns, order, ReturnMethod.mailIn(WH), OpenReturnRequest.line(L1, 3, ReturnReason.CHANGED_MIND));
        assertThat(shop.inventory.position(SHIRT, WH).returnsInTransit()).isEqualTo(3);

        returns.receive(ret.id(), List.of(Arrival.of(SHIRT, 2)), "scan-1");
        returns.inspect(ret.id(), L1, Grade.AS_NEW, Disposition.RESTOCK, 2, "i-1");
        assertThatThrownBy(() -> returns.inspect(ret.id(), L1, Grade.AS_NEW, Disposition.RESTOCK, 1, "i-2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 received and uninspected unit(s) of line 1");
        Return closed = returns.close(ret.id());

        assertThat(closed.status()).isEqualTo(ReturnStatus.CLOSED);
        assertThat(closed.refunds()).singleElement().satisfies(r -> assertThat(r.amount()).isEqualTo(eur("20.00")));
        assertThat(shop.inventory.position(SHIRT, WH).returnsInTransit()).isZero();
        assertThat(shop.inventory.movements(SHIRT, WH)).extracting(StockMovement::reason)
                .contains(MovementReason.RETURN_CANCELLED);
        assertThat(shop.order(order).status()).isEqualTo(OrderStatus.PARTIALLY_RETURNED);
    }

    @Test
    void more_units_and_a_wrong_item_are_quarantined_as_unexpected_and_never_refunded() {
        Returns returns = shop.returns(ReturnPolicy.standard());
        Order order = shop.delivered(b -> b.line("1", "SHIRT", 2, eur("25.00")));
        Return ret = open(returns, order, ReturnMethod.mailIn(WH), OpenReturnRequest.line(L1, 1, ReturnReason.CHANGED_MIND));
        int quarantineBefore = shop.inventory.position(SOCKS, WH).quarantine();

        Return received = returns.receive(ret.id(), List.of(Arrival.of(SHIRT, 2), Arrival.of(SOCKS, 1)), "scan-1");

        assertThat(received.line(L1).orElseThrow().received()).isEqualTo(1);
        assertThat(received.receipts().get(0).unexpected())
                .containsExactly(new Receipt.Unexpected(SHIRT, 1), new Receipt.Unexpected(SOCKS, 1));
        assertThat(shop.inventory.position(SOCKS, WH).quarantine()).isEqualTo(quarantineBefore + 1);
        assertThat(shop.inventory.position(SHIRT, WH).quarantine()).isEqualTo(1);
        Return done = returns.inspect(ret.id(), L1, Grade.AS_NEW, Disposition.RESTOCK, 1, "i-1");
        assertThat(done.refunds()).singleElement().satisfies(r -> assertThat(r.amount()).isEqualTo(eur("25.00")));
        assertThat(shop.order(order).line(L1).orElseThrow().units().returned()).isEqualTo(1);
    }

    @Test
    void a_damaged_unit_is_written_off_and_not_refunded_unless_the_damage_is_the_retailers_fault() {
        Returns returns = shop.returns(ReturnPolicy.builder().minimumRefundableGrade(Grade.WORN).build());
        Order order = shop.delivered(b -> b.line("1", "SHIRT", 1, eur("25.00")).line("2", "JEANS", 1, eur("80.00")));
        Return ret = open(returns, order, ReturnMethod.mailIn(WH), OpenReturnRequest.line(L1, 1, ReturnReason.CHANGED_MIND),
                OpenReturnRequest.line(L2, 1, ReturnReason.DAMAGED_IN_TRANSIT));
        int shirtsOnHand = shop.inventory.position(SHIRT, WH).onHand();

        returns.receive(ret.id(), List.of(Arrival.of(SHIRT, 1), Arrival.of(JEANS, 1)), "scan-1");
        returns.inspect(ret.id(), L1, Grade.DAMAGED, Disposition.WRITE_OFF, 1, "i-1");
        Return done = returns.inspect(ret.id(), L2, Grade.DAMAGED, Disposition.RETURN_TO_VENDOR, 1, "i-2");

        assertThat(done.refunds()).singleElement().satisfies(r -> {
            assertThat(r.units()).extracting(u -> u.line()).containsExactly(L2);
            assertThat(r.amount()).isEqualTo(eur("80.00"));
        });
        assertThat(done.status()).isEqualTo(ReturnStatus.REFUNDED);
        assertThat(shop.inventory.position(SHIRT, WH).onHand()).isEqualTo(shirtsOnHand);
        assertThat(shop.inventory.position(SHIRT, WH).quarantine()).isZero();
        assertThat(shop.inventory.movements(SHIRT, WH)).extracting(StockMovement::reason).endsWith(
                MovementReason.RETURN_EXPECTED, MovementReason.RETURN_TO_QUARANTINE, MovementReason.QUARANTINE_WRITE_OFF);
    }

    @Test
    void restocking_and_return_shipping_fees_are_kept_back_and_shipping_refunded_when_everything_comes_back() {
        ReturnPolicy policy = ReturnPolicy.builder().restockingFeeRate("0.10").returnShippingFee(eur("3.50"))
                .shippingRefund(ShippingRefund.WHEN_ALL_RETURNED).build();
        Returns returns = shop.returns(policy);
        Order order = shop.delivered(b -> b.line("1", "SHIRT", 2, eur("25.00")).charge("shipping", eur("4.95")));
        Return ret = open(returns, order, ReturnMethod.mailIn(WH), OpenReturnRequest.line(L1, 2, ReturnReason.CHANGED_MIND));

        returns.receive(ret.id(), List.of(Arrival.of(SHIRT, 2)), "scan-1");
        Return done = returns.inspect(ret.id(), L1, Grade.AS_NEW, Disposition.RESTOCK, 2, "i-1");

        // 50.00 of goods + 4.95 shipping - 5.00 restocking - 3.50 return shipping
        assertThat(done.refunds()).singleElement().satisfies(r -> {
            assertThat(r.goods()).isEqualTo(eur("50.00"));
            assertThat(r.shipping()).isEqualTo(eur("4.95"));
            assertThat(r.fees()).isEqualTo(eur("8.50"));
            assertThat(r.amount()).isEqualTo(eur("46.45"));
        });
        assertThat(shop.payments.refunded(order.id()).plus(eur("8.50"))).isEqualTo(order.total());
    }

    @Test
    void a_dropped_off_return_pays_no_return_shipping() {
        Returns returns = shop.returns(ReturnPolicy.builder().returnShippingFee(eur("3.50")).build());
        Order order = shop.delivered(b -> b.line("1", "SHIRT", 2, eur("25.00")));
        Return ret = open(returns, order, ReturnMethod.dropOff(Shop.STORE), OpenReturnRequest.line(L1, 1, ReturnReason.CHANGED_MIND));

        returns.receive(ret.id(), List.of(Arrival.of(SHIRT, 1)), "scan-1");
        Return done = returns.inspect(ret.id(), L1, Grade.AS_NEW, Disposition.RESTOCK, 1, "i-1");

        assertThat(done.refunds()).singleElement().satisfies(r -> assertThat(r.fees()).isEqualTo(eur("0.00")));
    }

    @Test
    void store_credit_by_choice_is_issued_without_the_payment_gateway() {
        Returns returns = shop.returns(ReturnPolicy.standard());
        Order order = shop.delivered(b -> b.line("1", "SHIRT", 1, eur("25.00")));
        OpenResult result = returns.open(OpenReturnRequest.of(order.id(), "rq", Channel.APP, ReturnMethod.mailIn(WH),
                List.of(OpenReturnRequest.line(L1, 1, ReturnReason.CHANGED_MIND))).refundTo(RefundTender.STORE_CREDIT));
        Return ret = ((OpenResult.Opened) result).ret();

        returns.receive(ret.id(), List.of(Arrival.of(SHIRT, 1)), "scan-1");
        returns.inspect(ret.id(), L1, Grade.AS_NEW, Disposition.RESTOCK, 1, "i-1");

        assertThat(shop.payments.refunded(order.id())).isNull();
        assertThat(shop.events.events(ReturnEvent.StoreCreditIssued.class)).singleElement()
                .satisfies(e -> assertThat(e.amount()).isEqualTo(eur("25.00")));
    }

    @Test
    void a_return_beyond_the_window_is_refused_with_its_reason() {
        Returns returns = shop.returns(ReturnPolicy.builder().defaultWindow(Duration.ofDays(14)).build());
        Order order = shop.delivered(b -> b.line("1", "SHIRT", 1, eur("25.00")).line("2", "EARRINGS", 1, eur("15.00")));
        shop.clock.advance(Duration.ofDays(15));

        OpenResult result = returns.open(OpenReturnRequest.of(order.id(), "late", Channel.CONTACT_CENTRE, ReturnMethod.mailIn(WH),
                List.of(OpenReturnRequest.line(L1, 1, ReturnReason.CHANGED_MIND), OpenReturnRequest.line(L2, 1, ReturnReason.CHANGED_MIND))));

        assertThat(result.isOpened()).isFalse();
        assertThat(result.refused()).extracting(r -> r.line(), r -> r.refusal().reason()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(L1, Refusal.Reason.OUTSIDE_WINDOW),
                org.assertj.core.groups.Tuple.tuple(L2, Refusal.Reason.NOT_RETURNABLE));
        assertThat(returns.forOrder(order.id())).isEmpty();
        assertThat(shop.inventory.position(SHIRT, WH).returnsInTransit()).isZero();
    }

    @Test
    void units_already_being_returned_cannot_be_returned_again() {
        Returns returns = shop.returns(ReturnPolicy.standard());
        Order order = shop.delivered(b -> b.line("1", "SHIRT", 2, eur("25.00")));
        open(returns, order, ReturnMethod.mailIn(WH), OpenReturnRequest.line(L1, 2, ReturnReason.CHANGED_MIND));

        OpenResult again = returns.open(OpenReturnRequest.of(order.id(), "second", Channel.WEB, ReturnMethod.mailIn(WH),
                List.of(OpenReturnRequest.line(L1, 1, ReturnReason.CHANGED_MIND))));

        assertThat(again.refused()).singleElement().satisfies(r -> assertThat(r.refusal().reason()).isEqualTo(Refusal.Reason.QUANTITY_EXCEEDED));
    }

    @Test
    void opening_again_with_the_same_request_key_answers_with_the_first_return() {
        Returns returns = shop.returns(ReturnPolicy.standard());
        Order order = shop.delivered(b -> b.line("1", "SHIRT", 2, eur("25.00")));
        Return first = open(returns, order, ReturnMethod.mailIn(WH), OpenReturnRequest.line(L1, 2, ReturnReason.CHANGED_MIND));
        Return second = open(returns, order, ReturnMethod.mailIn(WH), OpenReturnRequest.line(L1, 2, ReturnReason.CHANGED_MIND));

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(returns.forOrder(order.id())).hasSize(1);
        assertThat(shop.inventory.position(SHIRT, WH).returnsInTransit()).isEqualTo(2);
    }

    @Test
    void a_bad_request_lists_every_problem_and_changes_nothing() {
        Returns returns = shop.returns(ReturnPolicy.standard());
        Order order = shop.delivered(b -> b.line("1", "SHIRT", 2, eur("25.00")));

        assertThatThrownBy(() -> returns.open(OpenReturnRequest.of(order.id(), "bad", Channel.WEB, ReturnMethod.dropOff(OUTLET_WH),
                List.of(OpenReturnRequest.line(LineId.of("9"), 1, ReturnReason.OTHER), OpenReturnRequest.line(L1, 0, ReturnReason.OTHER)))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("method.destination").hasMessageContaining("must accept returns")
                .hasMessageContaining("lines[0].line").hasMessageContaining("lines[1].quantity");
        assertThat(returns.forOrder(order.id())).isEmpty();
    }

    @Test
    void a_cancelled_return_gives_back_its_announced_units_and_refuses_further_steps() {
        Returns returns = shop.returns(ReturnPolicy.standard());
        Order order = shop.delivered(b -> b.line("1", "SHIRT", 2, eur("25.00")));
        Return ret = open(returns, order, ReturnMethod.mailIn(WH), OpenReturnRequest.line(L1, 2, ReturnReason.CHANGED_MIND));

        Return cancelled = returns.cancel(ret.id(), "customer kept them");

        assertThat(cancelled.status()).isEqualTo(ReturnStatus.CANCELLED);
        assertThat(shop.inventory.position(SHIRT, WH).returnsInTransit()).isZero();
        assertThatThrownBy(() -> returns.receive(ret.id(), List.of(Arrival.of(SHIRT, 1)), "late-parcel"))
                .isInstanceOfSatisfying(IllegalReturnTransitionException.class, e -> {
                    assertThat(e.status()).isEqualTo(ReturnStatus.CANCELLED);
                    assertThat(e.command()).isEqualTo(ReturnCommand.RECEIVE);
                });
        OpenResult again = returns.open(OpenReturnRequest.of(order.id(), "second-thoughts", Channel.WEB, ReturnMethod.mailIn(WH),
                List.of(OpenReturnRequest.line(L1, 2, ReturnReason.CHANGED_MIND))));
        assertThat(again.isOpened()).as("units of a cancelled return can be returned again").isTrue();
    }
}

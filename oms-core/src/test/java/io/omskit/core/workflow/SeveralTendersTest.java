package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.MUG;
import static io.omskit.core.workflow.OmsFixture.WH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.Oms;
import io.omskit.core.PlacementResult;
import io.omskit.core.channel.Channel;
import io.omskit.core.common.ValidationException;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.payment.AuthorisationTolerance;
import io.omskit.core.payment.PaymentStatus;
import io.omskit.core.payment.Tender;
import io.omskit.core.payment.TenderAmount;
import io.omskit.core.payment.TenderOrder;
import io.omskit.core.payment.TenderType;
import io.omskit.core.spi.PaymentRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * An order paid with a gift card of 20.00 and a card for the rest of 50.00 (4 mugs at 12.50): each tender authorised
 * in charge order under its own key, a part cancellation releasing the card first, shipments capturing the gift card
 * first, refunds going to the card first, a decline or an unknown answer on one tender, and a tolerance above the total.
 */
class SeveralTendersTest {

    private final OmsFixture f = new OmsFixture().stock(MUG, WH, 100);
    private final Oms oms = f.oms;

    private static Money eur(String amount) {
        return Money.of(CurrencyUnit.EUR, new BigDecimal(amount));
    }

    private PlacementResult placeGiftCardAndCard(String ref) {
        return oms.placeOrder(f.webOrder(ref).paymentRef(null).line("1", "MUG", 4, eur("12.50"))
                .tenderForTheRest("card", TenderType.CARD, "tok-visa")
                .tender("gift", TenderType.GIFT_CARD, "tok-gift", eur("20.00"))
                .build());
    }

    private static Tender tender(Order order, String id) {
        return order.payment().tender(id).orElseThrow();
    }

    private Order ship(Order order, String key, int mugs) {
        return ship(oms, order, key, mugs);
    }

    private static Order ship(Oms oms, Order order, String key, int mugs) {
        oms.allocate(order.id(), key, WH, List.of(LineQuantity.of(LineId.of("1"), mugs)));
        FulfilmentId id = FulfilmentId.of(key);
        oms.fulfilments().accept(id);
        oms.fulfilments().startPicking(id);
        oms.fulfilments().pack(id);
        oms.fulfilments().ship(id, ShipmentDetails.of("parcel-" + key, "DHL", ""));
        return oms.order(order.id()).orElseThrow();
    }

    @Test
    void authorises_the_gift_card_first_then_the_card_for_the_rest_each_under_its_own_key() {
        PlacementResult placed = placeGiftCardAndCard("T-1");

        assertThat(placed.outcome()).isEqualTo(PlacementResult.Outcome.CONFIRMED);
        Order order = placed.order();
        assertThat(order.payment().tenders()).extracting(Tender::id).containsExactly("gift", "card");
        assertThat(tender(order, "gift").authorised()).isEqualTo(eur("20.00"));
        assertThat(tender(order, "card").authorised()).isEqualTo(eur("30.00"));
        assertThat(order.payment().authorised()).isEqualTo(eur("50.00"));
        assertThat(order.paymentRef()).as("the tender that pays the rest").isEqualTo("tok-visa");
        List<PaymentRequest> calls = f.payments.calls();
        assertThat(calls).extracting(PaymentRequest::paymentRef).containsExactly("tok-gift", "tok-visa");
        assertThat(calls).extracting(PaymentRequest::idempotencyKey)
                .containsExactly("auth-" + order.id() + "-1-gift", "auth-" + order.id() + "-1-card");
        assertThat(order.balanceDue()).as("nothing captured yet").isEqualTo(eur("50.00"));
        assertThat(order.balance().unsecured()).as("all of it authorised").isEqualTo(eur("0.00"));
    }

    @Test
    void cancelling_half_releases_the_card_first_and_shipping_the_rest_captures_the_gift_card_first() {
        Order order = placeGiftCardAndCard("T-2").order();

        order = oms.cancel(order.id(), List.of(LineQuantity.of(LineId.of("1"), 2)), CancellationReason.CUSTOMER_REQUEST);

        assertThat(tender(order, "card").authorised()).as("card released first: 30 - 25").isEqualTo(eur("5.00"));
        assertThat(tender(order, "gift").authorised()).isEqualTo(eur("20.00"));
        assertThat(f.payments.voidedOn(tender(order, "card").authorisationRef())).isEqualTo(eur("25.00"));
        assertThat(order.balanceDue()).as("two mugs left to pay").isEqualTo(eur("25.00"));

        order = ship(order, "T-2-WH", 2);

        assertThat(tender(order, "gift").captured()).as("gift card charged first").isEqualTo(eur("20.00"));
        assertThat(tender(order, "card").captured()).isEqualTo(eur("5.00"));
        assertThat(order.payment().captured()).isEqualTo(eur("25.00"));
        assertThat(order.payment().authorised()).isEqualTo(eur("0.00"));
        assertThat(f.payments.capturedOn(tender(order, "gift").authorisationRef())).isEqualTo(eur("20.00"));
        assertThat(f.payments.capturedOn(tender(order, "card").authorisationRef())).isEqualTo(eur("5.00"));
        assertThat(order.balanceDue()).isEqualTo(eur("0.00"));
        assertThat(order.creditOwed()).isEqualTo(eur("0.00"));

        // one mug (12.50) comes back and is refunded: to the card first, never beyond its 5.00, the gift card the rest
        assertThat(order.payment().refundSplit(eur("12.50")))
                .containsExactly(new TenderAmount("card", eur("5.00")), new TenderAmount("gift", eur("7.50")));
        oms.recordReturn(order.id(), List.of(LineQuantity.of(LineId.of("1"), 1)), "return-1");
        order = oms.recordRefund(order.id(), eur("12.50"), "refund-1");

        assertThat(tender(order, "card").refunded()).isEqualTo(eur("5.00"));
        assertThat(tender(order, "gift").refunded()).isEqualTo(eur("7.50"));
        assertThat(order.payment().refunded()).isEqualTo(eur("12.50"));
        assertThat(order.balance().charged()).as("25 kept less the 12.50 refund that settled the returned mug").isEqualTo(eur("12.50"));
        assertThat(order.balance().paid()).isEqualTo(eur("12.50"));
        assertThat(order.balanceDue()).isEqualTo(eur("0.00"));
    }

    @Test
    void a_declined_card_voids_the_gift_card_already_authorised_and_says_which_tender_declined() {
        f.payments.answerNormallyNext().declineNext("insufficient funds");

        PlacementResult placed = placeGiftCardAndCard("T-3");

        assertThat(placed.outcome()).isEqualTo(PlacementResult.Outcome.PAYMENT_DECLINED);
        assertThat(placed.declinedTender()).map(Tender::id).contains("card");
        assertThat(placed.declinedTender()).map(Tender::message).contains("insufficient funds");
        Order order = placed.order();
        assertThat(order.status()).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(order.hold().detail()).contains("tender card declined");
        Tender gift = tender(order, "gift");
        assertThat(gift.status()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(gift.authorised()).isEqualTo(eur("0.00"));
        assertThat(f.payments.voidedOn(gift.authorisationRef())).as("nothing half-done at the provider").isEqualTo(eur("20.00"));
        assertThat(f.payments.openAuthorisation(order.id())).isEqualTo(eur("0.00"));
        assertThat(f.inventory.networkReserved(MUG)).as("stock released").isZero();

        PlacementResult retried = oms.releaseHold(order.id());

        assertThat(retried.outcome()).isEqualTo(PlacementResult.Outcome.CONFIRMED);
        assertThat(f.payments.calls()).extracting(PaymentRequest::idempotencyKey)
                .contains("auth-" + order.id() + "-2-gift", "auth-" + order.id() + "-2-card");
        assertThat(retried.order().payment().authorised()).isEqualTo(eur("50.00"));
        assertThat(f.payments.openAuthorisation(order.id())).isEqualTo(eur("50.00"));
    }

    @Test
    void an_unknown_answer_for_the_card_is_reconciled_under_the_same_key_without_asking_the_gift_card_again() {
        f.payments.answerNormallyNext().timeOutNext(true);

        PlacementResult placed = placeGiftCardAndCard("T-4");

        assertThat(placed.outcome()).isEqualTo(PlacementResult.Outcome.PAYMENT_PENDING);
        assertThat(tender(placed.order(), "gift").status()).isEqualTo(PaymentStatus.AUTHORISED);
        assertThat(tender(placed.order(), "card").status()).isEqualTo(PaymentStatus.UNKNOWN);

        PlacementResult reconciled = oms.reconcilePayment(placed.order().id());

        assertThat(reconciled.outcome()).isEqualTo(PlacementResult.Outcome.CONFIRMED);
        String cardKey = "auth-" + placed.order().id() + "-1-card";
        assertThat(f.payments.calls()).filteredOn(c -> c.idempotencyKey().equals(cardKey)).hasSize(2);
        assertThat(f.payments.calls()).filteredOn(c -> c.paymentRef().equals("tok-gift")).hasSize(1);
        assertThat(f.payments.authorisedInTotal(placed.order().id())).as("authorised once per tender").isEqualTo(eur("50.00"));
    }

    @Test
    void an_order_whose_card_stays_unknown_past_the_timeout_is_cancelled_and_both_tenders_released() {
        f.payments.answerNormallyNext().timeOutNext(true);
        Order order = placeGiftCardAndCard("T-5").order();
        f.clock.advance(Duration.ofHours(25));

        oms.reconcilePayment(order.id());

        Order cancelled = oms.order(order.id()).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(f.payments.openAuthorisation(order.id())).as("the card the provider did authorise is voided too")
                .isEqualTo(eur("0.00"));
        assertThat(f.payments.voided(order.id())).isEqualTo(eur("50.00"));
        assertThat(cancelled.balanceDue()).isEqualTo(eur("0.00"));
    }

    @Test
    void a_channel_tolerance_authorises_above_the_total_captures_no_more_than_owed_and_voids_the_rest_at_the_end() {
        OmsFixture g = new OmsFixture();
        Oms weighed = Oms.builder().inMemory().clock(g.clock).network(g.network).catalog(g.catalog).inventory(g.inventory).payments(g.payments)
                .events(g.events).authorisationTolerance(Channel.WEB, AuthorisationTolerance.ofPercent("10")).build();
        g.stock(MUG, WH, 10);
        Order order = weighed.placeOrder(g.webOrder("T-6").line("1", "MUG", 4, eur("12.50")).build()).order();

        assertThat(order.payment().authorised()).as("50.00 + 10%").isEqualTo(eur("55.00"));
        assertThat(g.payments.calls().get(0).amount()).isEqualTo(eur("55.00"));

        order = ship(weighed, order, "T-6-WH", 2);
        assertThat(order.payment().captured()).isEqualTo(eur("25.00"));
        assertThat(order.payment().authorised()).as("the tolerance stays while units wait").isEqualTo(eur("30.00"));

        order = ship(weighed, order, "T-6-WH2", 2);

        assertThat(order.payment().captured()).as("never above what is owed").isEqualTo(eur("50.00"));
        assertThat(order.payment().authorised()).isEqualTo(eur("0.00"));
        assertThat(g.payments.voided(order.id())).as("the tolerance released").isEqualTo(eur("5.00"));
        assertThat(order.balanceDue()).isEqualTo(eur("0.00"));
    }

    @Test
    void an_order_tolerance_goes_on_the_tender_that_pays_the_rest() {
        Order order = oms.placeOrder(f.webOrder("T-7").paymentRef(null).line("1", "MUG", 4, eur("12.50"))
                .tender("gift", TenderType.GIFT_CARD, "tok-gift", eur("20.00"))
                .tenderForTheRest("card", TenderType.CARD, "tok-visa")
                .authorisationTolerance(AuthorisationTolerance.ofAmount(eur("3.00"))).build()).order();

        assertThat(tender(order, "gift").authorised()).isEqualTo(eur("20.00"));
        assertThat(tender(order, "card").authorised()).isEqualTo(eur("33.00"));

        order = ship(order, "T-7-WH", 4);

        assertThat(tender(order, "gift").captured()).isEqualTo(eur("20.00"));
        assertThat(tender(order, "card").captured()).isEqualTo(eur("30.00"));
        assertThat(f.payments.voidedOn(tender(order, "card").authorisationRef())).isEqualTo(eur("3.00"));
    }

    @Test
    void a_configured_tender_order_charges_the_card_first() {
        Oms cardFirst = Oms.builder().inMemory().clock(f.clock).network(f.network).catalog(f.catalog).inventory(f.inventory).payments(f.payments)
                .tenderOrder(TenderOrder.chargedInOrder(List.of(TenderType.CARD, TenderType.OTHER, TenderType.GIFT_CARD,
                        TenderType.STORE_CREDIT))).build();

        Order order = cardFirst.placeOrder(f.webOrder("T-8").paymentRef(null).line("1", "MUG", 4, eur("12.50"))
                .tender("gift", TenderType.GIFT_CARD, "tok-gift", eur("20.00"))
                .tenderForTheRest("card", TenderType.CARD, "tok-visa").build()).order();

        assertThat(order.payment().tenders()).extracting(Tender::id).containsExactly("card", "gift");
        assertThat(order.payment().inRefundOrder()).extracting(Tender::id).containsExactly("gift", "card");
        assertThat(f.payments.calls()).extracting(PaymentRequest::paymentRef).containsExactly("tok-visa", "tok-gift");
    }

    @Test
    void tenders_that_do_not_add_up_are_refused_naming_each_problem_before_anything_happens() {
        assertThatThrownBy(() -> oms.placeOrder(f.webOrder("T-9").line("1", "MUG", 4, eur("12.50"))
                .tender("gift", TenderType.GIFT_CARD, "tok-gift", eur("20.00"))
                .tender("gift", TenderType.CARD, "tok-visa", eur("-1.00"))
                .tenderForTheRest("a", TenderType.CARD, "tok-a")
                .tenderForTheRest("b", TenderType.CARD, "tok-b").build()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("paymentRef")
                .hasMessageContaining("must be empty when tenders are given")
                .hasMessageContaining("tenders[1].id")
                .hasMessageContaining("tenders[1].amount")
                .hasMessageContaining("at most one tender may pay the rest");
        assertThatThrownBy(() -> oms.placeOrder(f.webOrder("T-10").paymentRef(null).line("1", "MUG", 4, eur("12.50"))
                .tender("gift", TenderType.GIFT_CARD, "tok-gift", eur("20.00"))
                .tender("card", TenderType.CARD, "tok-visa", eur("20.00")).build()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("tenders = EUR 40.00")
                .hasMessageContaining("must come to the order total EUR 50.00");
        assertThatThrownBy(() -> oms.placeOrder(f.webOrder("T-12").paymentRef(null).line("1", "MUG", 4, eur("12.50"))
                .tenderForTheRest("x".repeat(31), TenderType.CARD, "tok-visa").build()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("tenders[0].id")
                .hasMessageContaining("at most 30 characters");
        assertThat(f.payments.calls()).isEmpty();
        assertThat(f.inventory.networkReserved(MUG)).isZero();
    }

    @Test
    void a_single_payment_ref_stays_one_payment_and_reads_as_one_tender() {
        Order order = oms.placeOrder(f.webOrder("T-11").line("1", "MUG", 4, eur("12.50")).build()).order();

        assertThat(order.payment().hasTenders()).isFalse();
        assertThat(f.payments.calls()).extracting(PaymentRequest::idempotencyKey).containsExactly("auth-" + order.id() + "-1");
        assertThat(order.tenders()).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo(Order.SINGLE_PAYMENT);
            assertThat(t.paymentRef()).isEqualTo("tok-visa");
            assertThat(t.authorised()).isEqualTo(eur("50.00"));
        });
    }
}

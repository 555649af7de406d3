package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.MUG;
import static io.omskit.core.workflow.OmsFixture.WH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.CustomerService;
import io.omskit.core.CustomerService.Acted;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.order.Actor;
import io.omskit.core.order.CustomerRef;
import io.omskit.core.order.Goodwill;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.payment.TenderType;
import io.omskit.core.permission.DefaultActionPolicy;
import io.omskit.core.spi.PaymentRequest;
import io.omskit.core.spi.SpiException;
import io.omskit.core.timeline.TimelineEntry;
import java.math.BigDecimal;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * Making good: an agent refunds a late delivery's shipping charge (4.95 of a shipped order of 3 mugs at 10.00, 30.00
 * captured) within the default agent limit of 50.00, or grants store credit; refusals change nothing; a retry with the
 * same key refunds once.
 */
class GoodwillTest {

    private final OmsFixture f = new OmsFixture().stock(MUG, WH, 50);
    private final Actor agent = Actor.agent("agent-7");
    private final CustomerService cs = f.oms.customerService();

    private static Money eur(String amount) {
        return Money.of(CurrencyUnit.EUR, new BigDecimal(amount));
    }

    private Order shippedOrder(String ref, int mugs) {
        Order order = f.oms.placeOrder(f.webOrder(ref).line("1", "MUG", mugs, eur("10.00")).build()).order();
        return ship(order, ref, mugs);
    }

    private Order ship(Order order, String ref, int mugs) {
        f.oms.allocate(order.id(), ref + "-WH", WH, List.of(LineQuantity.of(LineId.of("1"), mugs)));
        FulfilmentId id = FulfilmentId.of(ref + "-WH");
        f.oms.fulfilments().accept(id);
        f.oms.fulfilments().startPicking(id);
        f.oms.fulfilments().pack(id);
        f.oms.fulfilments().ship(id, ShipmentDetails.of("parcel-" + ref, "DHL", ""));
        return f.oms.order(order.id()).orElseThrow();
    }

    private long refundCalls() {
        return f.payments.calls().stream().filter(c -> c.kind() == PaymentRequest.Kind.REFUND).count();
    }

    @Test
    void an_agent_refunds_a_late_deliverys_shipping_charge_through_the_provider_and_the_timeline_shows_who_and_why() {
        Order order = shippedOrder("g-1", 3);
        assertThat(order.payment().captured()).isEqualTo(eur("30.00"));

        Acted<Order> acted = cs.makeGood(order.id(), agent, Goodwill.refund(eur("4.95"), "parcel arrived 3 days late"), "call-1");

        assertThat(acted.refused()).isFalse();
        assertThat(acted.get().payment().refunded()).isEqualTo(eur("4.95"));
        assertThat(acted.get().payment().refundable()).isEqualTo(eur("25.05"));
        assertThat(f.payments.refunded(order.id())).isEqualTo(eur("4.95"));
        assertThat(f.payments.calls()).filteredOn(c -> c.kind() == PaymentRequest.Kind.REFUND).singleElement()
                .satisfies(c -> assertThat(c.idempotencyKey()).isEqualTo("goodwill:" + order.id() + ":call-1"));
        assertThat(f.events.events(OrderEvent.OrderGoodwillGranted.class)).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(agent);
            assertThat(e.goodwill().amount()).isEqualTo(eur("4.95"));
            assertThat(e.reference()).isNotEmpty();
        });
        List<TimelineEntry> entries = cs.timeline(order.id()).ofKind("order.goodwill-granted");
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(agent);
            assertThat(e.text()).startsWith("Goodwill refund of EUR 4.95");
            assertThat(e.reason()).isEqualTo("parcel arrived 3 days late");
        });
    }

    @Test
    void an_agent_may_not_refund_more_than_the_limit_and_nothing_moves() {
        Order order = shippedOrder("g-2", 5);
        Order before = f.oms.order(order.id()).orElseThrow();

        Acted<Order> acted = cs.makeGood(order.id(), agent, Goodwill.refund(eur("50.01"), "angry customer"), "call-2");

        assertThat(acted.refused()).isTrue();
        assertThat(acted.verdict().rule()).isEqualTo(DefaultActionPolicy.AGENT_REFUND_LIMIT);
        assertThat(acted.verdict().reason()).contains("EUR 50.00").contains("EUR 50.01");
        assertThat(f.oms.order(order.id())).contains(before);
        assertThat(refundCalls()).isZero();
        assertThat(cs.makeGood(order.id(), agent, Goodwill.refund(eur("50.00"), "angry customer"), "call-3").refused()).isFalse();
    }

    @Test
    void a_customer_may_not_grant_themselves_goodwill() {
        Order order = shippedOrder("g-3", 1);

        Acted<Order> acted = cs.makeGood(order.id(), Actor.customer(CustomerRef.of("customer-1")),
                Goodwill.storeCredit(eur("5.00"), "I deserve it"), "self-1");

        assertThat(acted.verdict().rule()).isEqualTo(DefaultActionPolicy.STAFF_REFUNDS_ONLY);
        assertThat(f.events.events(OrderEvent.OrderGoodwillGranted.class)).isEmpty();
    }

    @Test
    void a_refund_beyond_what_was_captured_is_refused_naming_the_rule() {
        Order order = f.oms.placeOrder(f.webOrder("g-4").line("1", "MUG", 2, eur("10.00")).build()).order();
        assertThat(order.payment().captured()).isEqualTo(eur("0.00"));

        Acted<Order> acted = cs.makeGood(order.id(), agent, Goodwill.refund(eur("4.95"), "late"), "call-4");

        assertThat(acted.verdict().rule()).isEqualTo(CustomerService.GOODWILL_WITHIN_PAID);
        assertThat(acted.verdict().reason()).contains("EUR 0.00").contains("EUR 4.95");
        assertThat(refundCalls()).isZero();
        assertThat(f.oms.order(order.id())).contains(order);
    }

    @Test
    void store_credit_moves_no_money_and_is_shown_in_the_timeline_even_before_anything_was_captured() {
        Order order = f.oms.placeOrder(f.webOrder("g-5").line("1", "MUG", 2, eur("10.00")).build()).order();

        Order after = cs.makeGood(order.id(), agent, Goodwill.storeCredit(eur("10.00"), "wrong colour sent last time"),
                "credit-1").get();

        assertThat(refundCalls()).isZero();
        assertThat(after.payment()).isEqualTo(order.payment());
        assertThat(f.events.events(OrderEvent.OrderGoodwillGranted.class)).singleElement()
                .satisfies(e -> assertThat(e.goodwill().form()).isEqualTo(Goodwill.Form.STORE_CREDIT));
        assertThat(cs.timeline(order.id()).ofKind("order.goodwill-granted")).singleElement()
                .satisfies(e -> assertThat(e.text()).isEqualTo("Goodwill store credit of EUR 10.00"));
    }

    @Test
    void a_declined_refund_is_refused_and_changes_nothing() {
        Order order = shippedOrder("g-6", 2);
        f.payments.declineNext("refund window closed");

        Acted<Order> acted = cs.makeGood(order.id(), agent, Goodwill.refund(eur("4.95"), "late"), "call-6");

        assertThat(acted.verdict().rule()).isEqualTo(CustomerService.GOODWILL_REFUND_DECLINED);
        assertThat(acted.verdict().reason()).contains("refund window closed");
        assertThat(f.oms.order(order.id()).orElseThrow().payment()).as("the refund's intent is dropped").isEqualTo(order.payment());
        assertThat(f.payments.refunded(order.id())).as("nothing refunded").isNull();
    }

    @Test
    void an_unknown_answer_is_settled_by_calling_again_with_the_same_key_and_the_customer_is_refunded_once() {
        Order order = shippedOrder("g-7", 3);
        f.payments.timeOutNext(true);

        assertThatThrownBy(() -> cs.makeGood(order.id(), agent, Goodwill.refund(eur("4.95"), "late"), "call-7"))
                .isInstanceOf(SpiException.class).hasMessageContaining("UNKNOWN").hasMessageContaining("same key");
        Order pending = f.oms.order(order.id()).orElseThrow();
        assertThat(pending.payment().refunded()).isEqualTo(order.payment().refunded());
        assertThat(pending.payment().refundable()).as("the 4.95 in doubt is not refundable again").isEqualTo(eur("25.05"));

        Order after = cs.makeGood(order.id(), agent, Goodwill.refund(eur("4.95"), "late"), "call-7").get();
        Order again = cs.makeGood(order.id(), agent, Goodwill.refund(eur("4.95"), "late"), "call-7").get();

        assertThat(after.payment().refunded()).isEqualTo(eur("4.95"));
        assertThat(again).isEqualTo(after);
        assertThat(f.payments.refunded(order.id())).as("money moved once").isEqualTo(eur("4.95"));
        assertThat(f.events.events(OrderEvent.OrderGoodwillGranted.class)).hasSize(1);
    }

    @Test
    void a_refund_in_doubt_that_moved_money_keeps_it_from_later_refunds_and_its_retry_finishes_it() {
        Order order = f.oms.placeOrder(f.webOrder("g-9").paymentRef(null).line("1", "MUG", 4, eur("12.50"))
                .tenderForTheRest("card", TenderType.CARD, "tok-visa")
                .tender("gift", TenderType.GIFT_CARD, "tok-gift", eur("20.00")).build()).order();
        ship(order, "g-9", 4);
        f.payments.timeOutNext(true);
        // 45.00: the card's 30.00 first (refunded by the provider, the answer lost), then 15.00 of the gift card's 20.00
        assertThatThrownBy(() -> cs.makeGood(order.id(), agent, Goodwill.refund(eur("45.00"), "never arrived"), "call-9"))
                .isInstanceOf(SpiException.class);

        Acted<Order> later = cs.makeGood(order.id(), agent, Goodwill.refund(eur("5.00"), "late"), "call-10");

        assertThat(later.refused()).as("the 5.00 left is on the gift card, not on the card already refunded").isFalse();
        assertThat(f.payments.calls()).filteredOn(c -> c.kind() == PaymentRequest.Kind.REFUND).last()
                .satisfies(c -> assertThat(c.idempotencyKey()).endsWith("call-10:gift"));

        Order after = cs.makeGood(order.id(), agent, Goodwill.refund(eur("45.00"), "never arrived"), "call-9").get();

        assertThat(after.payment().refunded()).isEqualTo(eur("50.00"));
        assertThat(after.payment().tender("card").orElseThrow().refunded()).isEqualTo(eur("30.00"));
        assertThat(after.payment().tender("gift").orElseThrow().refunded()).isEqualTo(eur("20.00"));
        assertThat(f.payments.refunded(order.id())).as("the provider and the order agree").isEqualTo(eur("50.00"));
        assertThat(f.events.events(OrderEvent.OrderGoodwillGranted.class)).hasSize(2);
    }

    @Test
    void on_an_order_paid_with_a_gift_card_and_a_card_the_refund_goes_to_the_card_first_per_tender() {
        Order order = f.oms.placeOrder(f.webOrder("g-8").paymentRef(null).line("1", "MUG", 4, eur("12.50"))
                .tenderForTheRest("card", TenderType.CARD, "tok-visa")
                .tender("gift", TenderType.GIFT_CARD, "tok-gift", eur("20.00")).build()).order();
        order = ship(order, "g-8", 4);

        Order after = cs.makeGood(order.id(), agent, Goodwill.refund(eur("35.00"), "broken on arrival, kept"), "call-8").get();

        assertThat(after.payment().tender("card").orElseThrow().refunded()).isEqualTo(eur("30.00"));
        assertThat(after.payment().tender("gift").orElseThrow().refunded()).isEqualTo(eur("5.00"));
        assertThat(f.payments.calls()).filteredOn(c -> c.kind() == PaymentRequest.Kind.REFUND)
                .extracting(PaymentRequest::idempotencyKey).containsExactly("goodwill:" + order.id() + ":call-8:card",
                        "goodwill:" + order.id() + ":call-8:gift");
        assertThat(f.payments.refunded(order.id())).isEqualTo(eur("35.00"));
    }

    @Test
    void bad_input_is_refused_with_an_exception_naming_the_field_before_anything_changes() {
        Order order = shippedOrder("g-9", 1);

        assertThatThrownBy(() -> Goodwill.refund(eur("0.00"), "late")).hasMessageContaining("goodwill.amount")
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> Goodwill.refund(eur("1.00"), " ")).hasMessageContaining("goodwill.reason");
        assertThatThrownBy(() -> cs.makeGood(order.id(), agent, Goodwill.refund(Money.of(CurrencyUnit.USD, 1), "late"), "k"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EUR").hasMessageContaining("USD");
        assertThatThrownBy(() -> cs.makeGood(order.id(), agent, Goodwill.refund(eur("1.00"), "late"), " "))
                .hasMessageContaining("goodwillKey");
        assertThatThrownBy(() -> cs.makeGood(order.id(), agent, Goodwill.refund(eur("1.00"), "late"), "k".repeat(60)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("goodwillKey must be at most 54");
        assertThat(f.oms.order(order.id())).contains(order);
        assertThat(refundCalls()).isZero();
    }

    @Test
    void the_event_reads_back_from_json_as_it_was_written() throws Exception {
        Order order = shippedOrder("g-10", 1);
        cs.makeGood(order.id(), agent, Goodwill.refund(eur("1.50"), "late"), "json-1");
        cs.makeGood(order.id(), agent, Goodwill.storeCredit(eur("2.00"), "late"), "json-2");
        com.fasterxml.jackson.databind.ObjectMapper mapper = io.omskit.core.jackson.OmsJson.newMapper();

        assertThat(f.events.events(OrderEvent.OrderGoodwillGranted.class)).isNotEmpty().allSatisfy(e ->
                assertThat(mapper.readValue(mapper.writeValueAsString(e), OrderEvent.class)).isEqualTo(e));
    }
}

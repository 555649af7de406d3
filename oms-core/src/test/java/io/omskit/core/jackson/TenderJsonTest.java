package io.omskit.core.jackson;

import static io.omskit.core.jackson.JsonFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.payment.AuthorisationTolerance;
import io.omskit.core.payment.PaymentIntent;
import io.omskit.core.payment.PaymentOutcome;
import io.omskit.core.payment.PaymentStatus;
import io.omskit.core.payment.Tender;
import io.omskit.core.payment.TenderOrder;
import io.omskit.core.payment.TenderType;
import java.math.BigDecimal;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** Orders paid with several tenders survive JSON, and documents written before tenders existed read as one payment. */
class TenderJsonTest {

    private final ObjectMapper mapper = OmsJson.newMapper();

    private static Money eur(String amount) {
        return Money.of(CurrencyUnit.EUR, new BigDecimal(amount));
    }

    @Test
    void an_order_with_tenders_and_a_tender_intent_round_trips() throws Exception {
        PlaceOrderRequest base = JsonFixtures.request();
        PlaceOrderRequest request = new PlaceOrderRequest(base.channel(), base.externalRef(), base.customer(), base.currency(),
                base.delivery(), base.lines(), base.discounts(), base.charges(), null,
                java.util.List.of(io.omskit.core.payment.TenderRequest.of("gift", TenderType.GIFT_CARD, "tok-gift", eur("1.00")),
                        io.omskit.core.payment.TenderRequest.rest("card", TenderType.CARD, "tok-visa")),
                AuthorisationTolerance.ofPercent("5"));
        Order order = Order.place(OrderId.of("O-9"), request, TenderOrder.DEFAULT, AuthorisationTolerance.NONE, T0).state();
        Tender gift = order.payment().tender("gift").orElseThrow();
        order = order.recordPayment("authorise gift", PaymentOutcome.SUCCEEDED,
                order.payment().withTender(gift.authorisedAs("A-1")).withIntent(
                        PaymentIntent.onTender(PaymentIntent.Kind.VOID, "void-1", eur("1.00"), "gift")), T0).state();

        String json = mapper.writeValueAsString(order);
        Order back = mapper.readValue(json, Order.class);

        assertThat(json).contains("\"tenders\":[{\"id\":\"gift\"").contains("\"tender\":\"gift\"");
        assertThat(back).isEqualTo(order);
        assertThat(back.tenders()).extracting(Tender::id).containsExactly("gift", "card");
        assertThat(back.payment().intents().get(0).tender()).isEqualTo("gift");
        assertThat(back.payment().tender("card").orElseThrow().tolerance()).as("5% of the total on the rest")
                .isEqualTo(order.total().multipliedBy(5).dividedBy(100, java.math.RoundingMode.DOWN));
    }

    @Test
    void an_order_written_before_tenders_existed_reads_as_one_payment() throws Exception {
        Order order = JsonFixtures.history().state();
        ObjectNode json = mapper.valueToTree(order);
        assertThat(json.get("payment").has("tenders")).as("an order with one payment is written as before tenders existed").isFalse();
        ObjectNode payment = (ObjectNode) json.get("payment");
        payment.remove("tenders");
        payment.withArray("intents").forEach(i -> ((ObjectNode) i).remove("tender"));

        Order back = mapper.treeToValue(json, Order.class);

        assertThat(back).isEqualTo(order);
        assertThat(back.payment().hasTenders()).isFalse();
        assertThat(back.tenders()).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo(Order.SINGLE_PAYMENT);
            assertThat(t.paymentRef()).isEqualTo(order.paymentRef());
            assertThat(t.status()).isEqualTo(PaymentStatus.AUTHORISED);
            assertThat(t.authorised()).isEqualTo(order.payment().authorised());
        });
    }
}

package io.omskit.core.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.order.OrderId;
import io.omskit.core.payment.PaymentOutcome;
import io.omskit.core.spi.PaymentRequest;
import io.omskit.core.spi.PaymentRequest.Kind;
import io.omskit.core.payment.PaymentResult;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class FakePaymentGatewayTest {

    private static final OrderId ORDER = OrderId.of("o-1");
    private final FakePaymentGateway gateway = new FakePaymentGateway();

    private static PaymentRequest request(Kind kind, String key, double amount) {
        return new PaymentRequest(kind, key, ORDER, Money.of(CurrencyUnit.EUR, amount), "tok");
    }

    @Test
    void a_retry_with_the_same_key_returns_the_first_result_and_moves_no_money_twice() {
        PaymentResult first = gateway.execute(request(Kind.AUTHORISE, "k1", 50));
        PaymentResult again = gateway.execute(request(Kind.AUTHORISE, "k1", 50));

        assertThat(again).isEqualTo(first);
        assertThat(gateway.openAuthorisation(ORDER)).isEqualTo(Money.of(CurrencyUnit.EUR, 50));
    }

    @Test
    void a_timeout_answers_unknown_and_the_retry_reveals_what_happened() {
        gateway.timeOutNext(true);

        assertThat(gateway.execute(request(Kind.AUTHORISE, "k1", 50)).outcome()).isEqualTo(PaymentOutcome.UNKNOWN);
        assertThat(gateway.execute(request(Kind.AUTHORISE, "k1", 50)).outcome()).isEqualTo(PaymentOutcome.SUCCEEDED);
        assertThat(gateway.openAuthorisation(ORDER)).isEqualTo(Money.of(CurrencyUnit.EUR, 50));

        gateway.timeOutNext(false);
        assertThat(gateway.execute(request(Kind.AUTHORISE, "k2", 10)).outcome()).isEqualTo(PaymentOutcome.UNKNOWN);
        assertThat(gateway.execute(request(Kind.AUTHORISE, "k2", 10)).outcome()).isEqualTo(PaymentOutcome.DECLINED);
        assertThat(gateway.openAuthorisation(ORDER)).isEqualTo(Money.of(CurrencyUnit.EUR, 50));
    }

    @Test
    void an_unreachable_provider_does_nothing_and_a_retry_goes_through() {
        gateway.unreachableNext();

        assertThat(gateway.execute(request(Kind.AUTHORISE, "k1", 50)).outcome()).isEqualTo(PaymentOutcome.NOT_ATTEMPTED);
        assertThat(gateway.openAuthorisation(ORDER)).isNull();
        assertThat(gateway.execute(request(Kind.AUTHORISE, "k1", 50)).outcome()).isEqualTo(PaymentOutcome.SUCCEEDED);
    }

    @Test
    void declines_on_demand_and_for_listed_payment_refs() {
        gateway.declineNext("insufficient funds").alwaysDecline("tok-bad");

        assertThat(gateway.execute(request(Kind.AUTHORISE, "k1", 50))).isEqualTo(PaymentResult.declined("insufficient funds"));
        assertThat(gateway.execute(new PaymentRequest(Kind.AUTHORISE, "k2", ORDER, Money.of(CurrencyUnit.EUR, 5), "tok-bad"))
                .outcome()).isEqualTo(PaymentOutcome.DECLINED);
    }

    @Test
    void captures_voids_and_refunds_within_what_was_authorised_and_captured() {
        gateway.execute(request(Kind.AUTHORISE, "a", 50));

        assertThat(gateway.execute(request(Kind.CAPTURE, "c1", 30)).succeeded()).isTrue();
        assertThat(gateway.execute(request(Kind.CAPTURE, "c2", 30)).outcome()).isEqualTo(PaymentOutcome.DECLINED);
        assertThat(gateway.execute(request(Kind.VOID, "v1", 20)).succeeded()).isTrue();
        assertThat(gateway.execute(request(Kind.REFUND, "r1", 31)).outcome()).isEqualTo(PaymentOutcome.DECLINED);
        assertThat(gateway.execute(request(Kind.REFUND, "r2", 30)).succeeded()).isTrue();
        assertThat(gateway.openAuthorisation(ORDER)).isEqualTo(Money.zero(CurrencyUnit.EUR));
        assertThat(gateway.refunded(ORDER)).isEqualTo(Money.of(CurrencyUnit.EUR, 30));
    }

    @Test
    void a_key_reused_for_another_operation_is_a_programming_error() {
        gateway.execute(request(Kind.AUTHORISE, "k1", 50));

        assertThatThrownBy(() -> gateway.execute(request(Kind.CAPTURE, "k1", 50)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("idempotencyKey k1 was used for AUTHORISE");
    }
}

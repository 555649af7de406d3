package io.omskit.returns;

import static io.omskit.returns.Shop.SHIRT;
import static io.omskit.returns.Shop.WH;
import static io.omskit.returns.Shop.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.channel.Channel;
import io.omskit.core.order.LineId;
import io.omskit.core.order.Order;
import io.omskit.core.spi.PaymentRequest;
import io.omskit.core.spi.SpiException;
import io.omskit.returns.policy.ReturnPolicy;
import io.omskit.returns.rma.Arrival;
import io.omskit.returns.rma.Disposition;
import io.omskit.returns.rma.Grade;
import io.omskit.returns.rma.RefundStatus;
import io.omskit.returns.rma.Return;
import io.omskit.returns.rma.ReturnMethod;
import io.omskit.returns.rma.ReturnReason;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Refunds survive timeouts, unreachable providers, declines and retried commands without paying twice. */
class RefundRetriesTest {

    private static final LineId L1 = LineId.of("1");

    private final Shop shop = new Shop();
    private final Returns returns = shop.returns(ReturnPolicy.standard());
    private final Order order = shop.delivered(b -> b.line("1", "SHIRT", 2, eur("25.00")));
    private final Return ret = ((OpenResult.Opened) returns.open(OpenReturnRequest.of(order.id(), "rq", Channel.WEB,
            ReturnMethod.mailIn(WH), List.of(OpenReturnRequest.line(L1, 2, ReturnReason.CHANGED_MIND))))).ret();

    private long refundCalls() {
        return shop.payments.calls().stream().filter(c -> c.kind() == PaymentRequest.Kind.REFUND).count();
    }

    @Test
    void an_unknown_outcome_that_did_refund_is_reconciled_by_asking_again_with_the_same_key() {
        returns.receive(ret.id(), List.of(Arrival.of(SHIRT, 2)), "scan-1");
        shop.payments.timeOutNext(true);

        assertThatThrownBy(() -> returns.inspect(ret.id(), L1, Grade.AS_NEW, Disposition.RESTOCK, 2, "i-1"))
                .isInstanceOf(SpiException.class).hasMessageContaining("UNKNOWN");
        Return pending = returns.find(ret.id()).orElseThrow();
        assertThat(pending.openRefund()).isPresent();
        assertThat(shop.order(order).payment().refunded()).isEqualTo(eur("0.00"));

        Return settled = returns.refund(ret.id());

        assertThat(settled.refunds()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(RefundStatus.SUCCEEDED));
        assertThat(shop.payments.refunded(order.id())).isEqualTo(eur("50.00"));
        assertThat(shop.order(order).payment().refunded()).isEqualTo(eur("50.00"));
        assertThat(shop.payments.calls().stream().filter(c -> c.kind() == PaymentRequest.Kind.REFUND).map(PaymentRequest::idempotencyKey).distinct())
                .hasSize(1);
    }

    @Test
    void the_reconciliation_sweep_settles_a_refund_whose_caller_gave_up() {
        returns.receive(ret.id(), List.of(Arrival.of(SHIRT, 2)), "scan-1");
        shop.payments.unreachableNext();
        assertThatThrownBy(() -> returns.inspect(ret.id(), L1, Grade.AS_NEW, Disposition.RESTOCK, 2, "i-1"))
                .isInstanceOf(SpiException.class);
        shop.payments.unreachableNext();

        assertThat(returns.reconcileRefunds(10)).as("the provider still cannot be reached: left for the next sweep").isEmpty();
        assertThat(returns.reconcileRefunds(10)).containsExactly(ret.id());
        assertThat(returns.reconcileRefunds(10)).isEmpty();

        assertThat(returns.find(ret.id()).orElseThrow().status()).isEqualTo(io.omskit.returns.rma.ReturnStatus.REFUNDED);
        assertThat(shop.payments.refunded(order.id())).isEqualTo(eur("50.00"));
        assertThat(shop.order(order).payment().refunded()).isEqualTo(eur("50.00"));
    }

    @Test
    void an_unreachable_provider_is_asked_again_by_the_retried_command() {
        returns.receive(ret.id(), List.of(Arrival.of(SHIRT, 2)), "scan-1");
        shop.payments.unreachableNext();

        assertThatThrownBy(() -> returns.inspect(ret.id(), L1, Grade.AS_NEW, Disposition.RESTOCK, 2, "i-1"))
                .isInstanceOf(SpiException.class).hasMessageContaining("NOT_ATTEMPTED");
        Return retried = returns.inspect(ret.id(), L1, Grade.AS_NEW, Disposition.RESTOCK, 2, "i-1");

        assertThat(retried.inspections()).hasSize(1);
        assertThat(shop.payments.refunded(order.id())).isEqualTo(eur("50.00"));
        assertThat(shop.inventory.position(SHIRT, WH).returnsInTransit()).isZero();
    }

    @Test
    void a_declined_refund_is_recorded_and_its_units_refunded_under_a_new_key() {
        returns.receive(ret.id(), List.of(Arrival.of(SHIRT, 2)), "scan-1");
        shop.payments.declineNext("card closed");

        Return afterDecline = returns.inspect(ret.id(), L1, Grade.AS_NEW, Disposition.RESTOCK, 2, "i-1");

        // the decline is recorded, then the units, due again, are refunded under the next key
        assertThat(afterDecline.refunds()).extracting(r -> r.status()).containsExactly(RefundStatus.DECLINED, RefundStatus.SUCCEEDED);
        assertThat(afterDecline.refunds().get(0).message()).isEqualTo("card closed");
        assertThat(shop.payments.refunded(order.id())).isEqualTo(eur("50.00"));
    }

    @Test
    void a_retried_receipt_and_inspection_restock_once_and_refund_once() {
        returns.receive(ret.id(), List.of(Arrival.of(SHIRT, 2)), "scan-1");
        returns.receive(ret.id(), List.of(Arrival.of(SHIRT, 2)), "scan-1");
        int onHand = shop.inventory.position(SHIRT, WH).onHand();
        returns.inspect(ret.id(), L1, Grade.AS_NEW, Disposition.RESTOCK, 2, "i-1");
        Return again = returns.inspect(ret.id(), L1, Grade.AS_NEW, Disposition.RESTOCK, 2, "i-1");
        returns.refund(ret.id());

        assertThat(again.receipts()).hasSize(1);
        assertThat(shop.inventory.position(SHIRT, WH).onHand()).isEqualTo(onHand + 2);
        assertThat(shop.order(order).line(L1).orElseThrow().units().returned()).isEqualTo(2);
        assertThat(shop.payments.refunded(order.id())).isEqualTo(eur("50.00"));
        assertThat(refundCalls()).isEqualTo(1);
    }
}

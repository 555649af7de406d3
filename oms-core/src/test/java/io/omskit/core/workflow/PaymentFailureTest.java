package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.PlacementResult;
import java.util.List;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.PlacementResult.Outcome;
import io.omskit.core.order.HoldReason;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.order.UnitState;
import io.omskit.core.spi.PaymentRequest;
import io.omskit.core.payment.PaymentStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PaymentFailureTest {

    private final OmsFixture f = new OmsFixture().stock(MUG, WH, 10);

    @Test
    void a_declined_payment_releases_the_stock_and_puts_the_order_on_hold_with_the_reason() {
        f.payments.declineNext("insufficient funds");

        PlacementResult result = f.oms.placeOrder(f.webOrder("W-1").line("1", "MUG", 3, eur(8)).build());

        assertThat(result.outcome()).isEqualTo(Outcome.PAYMENT_DECLINED);
        assertThat(result.order().status()).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(result.order().hold().reason()).isEqualTo(HoldReason.PAYMENT_DECLINED);
        assertThat(result.order().hold().detail()).isEqualTo("insufficient funds");
        assertThat(result.order().units(UnitState.OPEN)).isEqualTo(3);
        assertThat(f.inventory.networkReserved(MUG)).isZero();
        assertThat(f.inventory.networkAvailable(MUG)).isEqualTo(10);
    }

    @Test
    void releasing_the_hold_reserves_again_and_retries_payment_under_a_new_key() {
        f.payments.declineNext("insufficient funds");
        PlacementResult declined = f.oms.placeOrder(f.webOrder("W-1").line("1", "MUG", 3, eur(8)).build());

        PlacementResult retried = f.oms.releaseHold(declined.order().id());

        assertThat(retried.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(retried.order().payment().attempt()).isEqualTo(2);
        assertThat(f.payments.calls()).extracting(PaymentRequest::idempotencyKey).doesNotHaveDuplicates().hasSize(2);
        assertThat(f.inventory.networkReserved(MUG)).isEqualTo(3);
    }

    @Test
    void an_unknown_outcome_keeps_the_reservation_until_reconciled() {
        f.payments.timeOutNext(true);

        PlacementResult pending = f.oms.placeOrder(f.webOrder("W-1").line("1", "MUG", 3, eur(8)).build());

        assertThat(pending.outcome()).isEqualTo(Outcome.PAYMENT_PENDING);
        assertThat(pending.order().status()).isEqualTo(OrderStatus.AWAITING_CONFIRMATION);
        assertThat(pending.order().payment().status()).isEqualTo(PaymentStatus.UNKNOWN);
        assertThat(f.inventory.networkReserved(MUG)).isEqualTo(3);

        PlacementResult reconciled = f.oms.reconcilePayment(pending.order().id());

        assertThat(reconciled.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(f.payments.openAuthorisation(pending.order().id())).isEqualTo(eur(24));
        assertThat(f.payments.calls()).extracting(PaymentRequest::idempotencyKey).containsOnly("auth-" + pending.order().id() + "-1");
    }

    @Test
    void cancelling_while_the_authorisation_is_unknown_voids_what_the_provider_may_hold() {
        f.payments.timeOutNext(true);
        PlacementResult pending = f.oms.placeOrder(f.webOrder("W-1").line("1", "MUG", 1, eur(8)).build());

        Order cancelled = f.oms.cancel(pending.order().id(), List.of(LineQuantity.of(LineId.of("1"), 1)),
                CancellationReason.CUSTOMER_REQUEST, "C-1");

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(f.payments.openAuthorisation(cancelled.id())).isEqualTo(eur(0));
        assertThat(cancelled.payment().status()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(f.inventory.networkReserved(MUG)).isZero();
    }

    @Test
    void an_unknown_outcome_that_was_really_a_decline_ends_on_hold_after_reconciliation() {
        f.payments.timeOutNext(false);
        PlacementResult pending = f.oms.placeOrder(f.webOrder("W-1").line("1", "MUG", 3, eur(8)).build());

        PlacementResult reconciled = f.oms.reconcilePendingPayments(10).get(0);

        assertThat(reconciled.outcome()).isEqualTo(Outcome.PAYMENT_DECLINED);
        assertThat(f.inventory.networkReserved(MUG)).isZero();
        assertThat(pending.order().id()).isEqualTo(reconciled.order().id());
    }

    @Test
    void an_unreachable_provider_leaves_the_order_pending_and_placing_it_again_completes_it() {
        f.payments.unreachableNext();
        PlacementResult pending = f.oms.placeOrder(f.webOrder("W-1").line("1", "MUG", 3, eur(8)).build());
        assertThat(pending.outcome()).isEqualTo(Outcome.PAYMENT_PENDING);
        assertThat(pending.order().payment().status()).isEqualTo(PaymentStatus.NOT_ATTEMPTED);

        PlacementResult retried = f.oms.placeOrder(f.webOrder("W-1").line("1", "MUG", 3, eur(8)).build());

        assertThat(retried.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(retried.replayed()).isTrue();
        assertThat(f.inventory.networkReserved(MUG)).isEqualTo(3);
    }

    @Test
    void a_payment_pending_beyond_the_timeout_is_cancelled_and_its_stock_released() {
        f.payments.timeOutNext(false);
        PlacementResult pending = f.oms.placeOrder(f.webOrder("W-1").line("1", "MUG", 3, eur(8)).build());
        f.clock.advance(Duration.ofHours(25));

        f.oms.reconcilePayment(pending.order().id());

        assertThat(f.oms.order(pending.order().id()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(f.inventory.networkReserved(MUG)).isZero();
    }
}

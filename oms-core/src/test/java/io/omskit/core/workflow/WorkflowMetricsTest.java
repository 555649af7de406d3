package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omskit.core.Oms;
import io.omskit.core.PlacementResult.Outcome;
import io.omskit.core.metrics.MicrometerOmsMetrics;
import io.omskit.core.spi.PaymentGateway;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Each meter of the live workflows moves when its workflow runs, and only then. */
class WorkflowMetricsTest {

    private final OmsFixture f = new OmsFixture().stock(MUG, WH, 10);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerOmsMetrics metrics = MicrometerOmsMetrics.of(registry);
    private final Oms oms = wired(f.payments);

    private Oms wired(PaymentGateway payments) {
        return Oms.builder().inMemory().clock(f.clock).network(f.network).catalog(f.catalog).orders(f.orders).inventory(f.inventory)
                .payments(payments).events(f.events).metrics(metrics).build();
    }

    private double count(String name, String... tags) {
        Counter c = registry.find(name).tags(tags).counter();
        return c == null ? -1 : c.count();
    }

    private long timed(String name, String... tags) {
        Timer t = registry.find(name).tags(tags).timer();
        return t == null ? -1 : t.count();
    }

    @Test
    void a_confirmed_placement_counts_its_outcome_its_authorisation_and_times_its_reservation() {
        assertThat(count("oms.placement.results", "outcome", "confirmed")).isZero();

        oms.placeOrder(f.webOrder("W-1").line("1", "MUG", 2, eur(8)).build());

        assertThat(count("oms.placement.results", "outcome", "confirmed")).isEqualTo(1);
        assertThat(count("oms.placement.results", "outcome", "out_of_stock")).isZero();
        assertThat(count("oms.payment.answers", "kind", "authorise", "outcome", "succeeded")).isEqualTo(1);
        assertThat(timed("oms.reservation.time", "result", "reserved")).isEqualTo(1);
        assertThat(registry.find("oms.reservation.time").tags("result", "reserved").timer().totalTime(TimeUnit.NANOSECONDS))
                .isPositive();
        assertThat(timed("oms.reservation.time", "result", "insufficient")).isZero();
    }

    @Test
    void a_declined_card_counts_a_declined_placement_and_a_declined_answer() {
        f.payments.declineNext("insufficient funds");

        oms.placeOrder(f.webOrder("W-1").line("1", "MUG", 2, eur(8)).build());

        assertThat(count("oms.placement.results", "outcome", "payment_declined")).isEqualTo(1);
        assertThat(count("oms.payment.answers", "kind", "authorise", "outcome", "declined")).isEqualTo(1);
        assertThat(count("oms.payment.answers", "kind", "authorise", "outcome", "succeeded")).isZero();
    }

    @Test
    void a_placement_short_of_stock_times_a_refused_reservation_and_asks_no_payment() {
        oms.placeOrder(f.webOrder("W-1").line("1", "MUG", 11, eur(8)).build());

        assertThat(count("oms.placement.results", "outcome", "out_of_stock")).isEqualTo(1);
        assertThat(timed("oms.reservation.time", "result", "insufficient")).isEqualTo(1);
        assertThat(registry.find("oms.payment.answers").counters()).allSatisfy(c -> assertThat(c.count()).isZero());
    }

    @Test
    void payments_left_unknown_by_a_sweep_show_in_the_gauge_until_a_sweep_settles_them() {
        f.payments.unreachableNext();
        oms.placeOrder(f.webOrder("W-1").line("1", "MUG", 1, eur(8)).build());
        assertThat(count("oms.placement.results", "outcome", "payment_pending")).isEqualTo(1);
        assertThat(count("oms.payment.answers", "kind", "authorise", "outcome", "not_attempted")).isEqualTo(1);

        f.payments.unreachableNext();
        oms.reconcilePendingPayments(10);
        assertThat(registry.get("oms.payments.unreconciled").gauge().value()).isEqualTo(1);

        oms.reconcilePendingPayments(10);
        assertThat(registry.get("oms.payments.unreconciled").gauge().value()).isZero();
        assertThat(count("oms.placement.results", "outcome", "confirmed")).isEqualTo(1);
        assertThat(count("oms.placement.results", "outcome", "payment_pending")).isEqualTo(2);
    }

    @Test
    void a_payment_timing_out_is_counted_as_unknown() {
        f.payments.timeOutNext(true);

        oms.placeOrder(f.webOrder("W-1").line("1", "MUG", 1, eur(8)).build());

        assertThat(count("oms.payment.answers", "kind", "authorise", "outcome", "unknown")).isEqualTo(1);
        assertThat(count("oms.placement.results", "outcome", "payment_pending")).isEqualTo(1);
    }

    @Test
    void a_gateway_that_throws_is_counted_as_an_error_and_the_failure_still_reaches_the_caller() {
        Oms failing = wired(request -> {
            throw new IllegalStateException("provider down");
        });

        assertThatThrownBy(() -> failing.placeOrder(f.webOrder("W-1").line("1", "MUG", 1, eur(8)).build()))
                .hasStackTraceContaining("provider down");

        assertThat(count("oms.payment.answers", "kind", "authorise", "outcome", "error")).isEqualTo(1);
    }

    @Test
    void an_order_whose_reconciliation_fails_stays_in_the_gauge() {
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean(true);
        Oms flaky = wired(request -> {
            if (down.get()) {
                throw new IllegalStateException("provider down");
            }
            return f.payments.execute(request);
        });
        assertThatThrownBy(() -> flaky.placeOrder(f.webOrder("W-1").line("1", "MUG", 1, eur(8)).build()))
                .hasStackTraceContaining("provider down");

        flaky.reconcilePendingPayments(10);
        assertThat(registry.get("oms.payments.unreconciled").gauge().value()).isEqualTo(1);
        assertThat(count("oms.payment.answers", "kind", "authorise", "outcome", "error")).isEqualTo(2);

        down.set(false);
        flaky.reconcilePendingPayments(10);
        assertThat(registry.get("oms.payments.unreconciled").gauge().value()).isZero();
        assertThat(count("oms.placement.results", "outcome", "confirmed")).isEqualTo(1);
    }

    @Test
    void a_cart_checkout_counts_as_a_placement() {
        oms.holdCart("cart-1", Map.of(MUG, 1), Duration.ofMinutes(10));

        oms.carts().placeOrder("cart-1", f.webOrder("W-1").line("1", "MUG", 1, eur(8)).build());

        assertThat(count("oms.placement.results", "outcome", "confirmed")).isEqualTo(1);
    }

    @Test
    void holds_expired_by_a_sweep_are_counted() {
        oms.holdCart("cart-1", Map.of(MUG, 1), Duration.ofMinutes(10));
        oms.holdCart("cart-2", Map.of(MUG, 1), Duration.ofMinutes(30));
        f.clock.advance(Duration.ofMinutes(11));

        oms.expireHolds();

        assertThat(count("oms.holds.expired")).isEqualTo(1);
    }

    @Test
    void sourcing_is_timed_per_result() {
        metrics.sourcingTimed(1_000_000, "allocated");
        metrics.sourcingTimed(2_000_000, "contended");

        assertThat(timed("oms.sourcing.call.time", "result", "allocated")).isEqualTo(1);
        assertThat(registry.get("oms.sourcing.call.time").tags("result", "contended").timer()
                .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2.0);
        assertThat(timed("oms.sourcing.call.time", "result", "nothing_allocated")).isZero();
    }
}

package io.omskit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.order.OrderId;
import io.omskit.core.payment.PaymentOutcome;
import io.omskit.core.payment.PaymentResult;
import io.omskit.core.spi.PaymentGateway;
import io.omskit.core.spi.PaymentRequest;
import io.omskit.core.spi.PaymentRequest.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link PaymentGateway}. Extend it with one factory method to check an adapter (against the
 * provider's sandbox, say):
 * <pre>{@code
 * class MyPaymentGatewayContractTest extends PaymentGatewayContract {
 *     protected PaymentGateway newGateway() { return new MyPaymentGateway(sandboxCredentials); }
 * }
 * }</pre>
 * Every authorisation is made on {@link #samplePaymentMethod()}, a token the sandbox always authorises; captures,
 * voids and refunds name the reference the authorisation returned. Clauses §7 to §9 need the adapter to fail on
 * demand; an adapter that can (a fake, or one in front of a stub server) overrides {@link #declineNextCall},
 * {@link #makeNextCallUnreachable} and {@link #timeOutNextCall}; for one that cannot, they are skipped. Each test's
 * display name starts with the clause it checks. The property runs 50 tries, each on a new gateway; a slow adapter
 * annotates its subclass with {@code @PropertyDefaults(tries = 10)}.
 */
@PropertyDefaults(tries = 50)
public abstract class PaymentGatewayContract {

    /** A new gateway; called before each test and for each try of the property. */
    protected abstract PaymentGateway newGateway();

    /** A payment method (token) the provider always authorises; by default {@code tok-contract-card}. */
    protected String samplePaymentMethod() {
        return "tok-contract-card";
    }

    /** The currency of every amount; by default EUR. */
    protected CurrencyUnit currency() {
        return CurrencyUnit.EUR;
    }

    /** Makes the provider refuse the gateway's next call with {@code reason}; the default skips the clause. */
    protected void declineNextCall(PaymentGateway gateway, String reason) {
        Assumptions.abort("the adapter cannot be made to decline");
    }

    /** Makes the gateway's next call end in {@link PaymentOutcome#NOT_ATTEMPTED}; the default skips the clause. */
    protected void makeNextCallUnreachable(PaymentGateway gateway) {
        Assumptions.abort("the adapter cannot be made unreachable");
    }

    /**
     * Makes the gateway's next call end in {@link PaymentOutcome#UNKNOWN}, after the provider did it ({@code done}) or
     * not. The default skips the clause that needs it.
     */
    protected void timeOutNextCall(PaymentGateway gateway, boolean done) {
        Assumptions.abort("the adapter cannot be made to time out");
    }

    /** The gateway under test, new for each test. */
    protected PaymentGateway gateway;

    @BeforeEach
    void createGateway() {
        gateway = newGateway();
    }

    private static String newKey() {
        return "contract-" + UUID.randomUUID();
    }

    private static OrderId newOrder() {
        return OrderId.of("contract-order-" + UUID.randomUUID());
    }

    private Money money(long cents) {
        return Money.ofMinor(currency(), cents);
    }

    /** Authorises {@code cents} for {@code order} and returns the authorisation's reference. */
    private String authorise(PaymentGateway g, OrderId order, long cents) {
        PaymentResult result = g.execute(new PaymentRequest(Kind.AUTHORISE, newKey(), order, money(cents),
                samplePaymentMethod()));
        assertThat(result.outcome()).as("authorising the sample payment method: %s", result.message())
                .isEqualTo(PaymentOutcome.SUCCEEDED);
        return result.reference();
    }

    private PaymentRequest on(Kind kind, OrderId order, long cents, String authorisation) {
        return new PaymentRequest(kind, newKey(), order, money(cents), authorisation);
    }

    @Test
    @DisplayName("PaymentGateway §1: an authorisation of a good payment method succeeds with a reference of its own")
    void authorises_with_a_reference() {
        OrderId order = newOrder();

        PaymentResult first = gateway.execute(on(Kind.AUTHORISE, order, 10_000, samplePaymentMethod()));
        PaymentResult second = gateway.execute(on(Kind.AUTHORISE, order, 2_500, samplePaymentMethod()));

        assertThat(first.outcome()).as(first.message()).isEqualTo(PaymentOutcome.SUCCEEDED);
        assertThat(first.reference()).isNotBlank();
        assertThat(second.reference()).isNotBlank().isNotEqualTo(first.reference());
    }

    @Test
    @DisplayName("PaymentGateway §2: a call again with the same key replays the first result and never moves money twice")
    void same_key_replays_and_moves_money_once() {
        OrderId order = newOrder();
        String auth = authorise(gateway, order, 10_000);
        PaymentRequest capture = on(Kind.CAPTURE, order, 6_000, auth);

        PaymentResult first = gateway.execute(capture);
        PaymentResult again = gateway.execute(capture);
        PaymentResult third = gateway.execute(capture);

        assertThat(first.outcome()).as(first.message()).isEqualTo(PaymentOutcome.SUCCEEDED);
        assertThat(again).isEqualTo(first);
        assertThat(third).isEqualTo(first);
        // 60 captured once leaves 40 open: 40 more goes through, 40.01 would not
        assertThat(gateway.execute(on(Kind.CAPTURE, order, 4_001, auth)).outcome()).isEqualTo(PaymentOutcome.DECLINED);
        assertThat(gateway.execute(on(Kind.CAPTURE, order, 4_000, auth)).outcome()).isEqualTo(PaymentOutcome.SUCCEEDED);
    }

    @Test
    @DisplayName("PaymentGateway §2: an authorisation asked again with the same key is the one authorisation, not a second")
    void same_key_authorises_once() {
        OrderId order = newOrder();
        PaymentRequest authorise = on(Kind.AUTHORISE, order, 5_000, samplePaymentMethod());

        PaymentResult first = gateway.execute(authorise);
        PaymentResult again = gateway.execute(authorise);

        assertThat(again).isEqualTo(first);
        assertThat(gateway.execute(on(Kind.CAPTURE, order, 5_000, first.reference())).outcome())
                .isEqualTo(PaymentOutcome.SUCCEEDED);
        assertThat(gateway.execute(on(Kind.CAPTURE, order, 1, first.reference())).outcome())
                .isEqualTo(PaymentOutcome.DECLINED);
    }

    @Test
    @DisplayName("PaymentGateway §3: a capture above what is still authorised is DECLINED, not an exception, and moves nothing")
    void capture_never_above_authorised() {
        OrderId order = newOrder();
        String auth = authorise(gateway, order, 10_000);

        PaymentResult tooMuch = gateway.execute(on(Kind.CAPTURE, order, 10_001, auth));
        PaymentResult part = gateway.execute(on(Kind.CAPTURE, order, 7_000, auth));
        PaymentResult beyondTheRest = gateway.execute(on(Kind.CAPTURE, order, 3_001, auth));
        PaymentResult rest = gateway.execute(on(Kind.CAPTURE, order, 3_000, auth));

        assertThat(tooMuch.outcome()).isEqualTo(PaymentOutcome.DECLINED);
        assertThat(tooMuch.message()).isNotBlank();
        assertThat(tooMuch.reference()).isEmpty();
        assertThat(part.outcome()).isEqualTo(PaymentOutcome.SUCCEEDED);
        assertThat(beyondTheRest.outcome()).isEqualTo(PaymentOutcome.DECLINED);
        assertThat(rest.outcome()).isEqualTo(PaymentOutcome.SUCCEEDED);
    }

    @Test
    @DisplayName("PaymentGateway §4: a refund above what was captured and not yet refunded is DECLINED and moves nothing")
    void refund_never_above_captured() {
        OrderId order = newOrder();
        String auth = authorise(gateway, order, 10_000);
        assertThat(gateway.execute(on(Kind.REFUND, order, 1, auth)).outcome())
                .as("nothing captured yet").isEqualTo(PaymentOutcome.DECLINED);
        assertThat(gateway.execute(on(Kind.CAPTURE, order, 6_000, auth)).succeeded()).isTrue();

        PaymentResult tooMuch = gateway.execute(on(Kind.REFUND, order, 6_001, auth));
        PaymentResult part = gateway.execute(on(Kind.REFUND, order, 2_500, auth));
        PaymentResult beyondTheRest = gateway.execute(on(Kind.REFUND, order, 3_501, auth));
        PaymentResult rest = gateway.execute(on(Kind.REFUND, order, 3_500, auth));

        assertThat(tooMuch.outcome()).isEqualTo(PaymentOutcome.DECLINED);
        assertThat(part.outcome()).isEqualTo(PaymentOutcome.SUCCEEDED);
        assertThat(part.reference()).isNotBlank();
        assertThat(beyondTheRest.outcome()).isEqualTo(PaymentOutcome.DECLINED);
        assertThat(rest.outcome()).isEqualTo(PaymentOutcome.SUCCEEDED);
    }

    @Test
    @DisplayName("PaymentGateway §5: a void of zero releases what is still authorised; nothing can be captured after it")
    void void_releases_the_open_authorisation() {
        OrderId order = newOrder();
        String auth = authorise(gateway, order, 10_000);
        assertThat(gateway.execute(on(Kind.CAPTURE, order, 4_000, auth)).succeeded()).isTrue();

        PaymentResult voided = gateway.execute(on(Kind.VOID, order, 0, auth));

        assertThat(voided.outcome()).as(voided.message()).isEqualTo(PaymentOutcome.SUCCEEDED);
        assertThat(gateway.execute(on(Kind.CAPTURE, order, 1, auth)).outcome()).isEqualTo(PaymentOutcome.DECLINED);
        assertThat(gateway.execute(on(Kind.REFUND, order, 4_000, auth)).outcome())
                .as("what was captured before the void can still be refunded").isEqualTo(PaymentOutcome.SUCCEEDED);
    }

    @Test
    @DisplayName("PaymentGateway §6: a key used again for another kind or amount is refused with IllegalArgumentException"
            + " naming the key, and the first call's money stays as it was")
    void key_reused_for_another_request_is_a_caller_error() {
        OrderId order = newOrder();
        String auth = authorise(gateway, order, 10_000);
        PaymentRequest capture = on(Kind.CAPTURE, order, 3_000, auth);
        gateway.execute(capture);

        PaymentRequest other = new PaymentRequest(Kind.CAPTURE, capture.idempotencyKey(), order, money(5_000), auth);

        assertThatThrownBy(() -> gateway.execute(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(capture.idempotencyKey());
        assertThat(gateway.execute(on(Kind.CAPTURE, order, 7_000, auth)).outcome()).isEqualTo(PaymentOutcome.SUCCEEDED);
    }

    @Test
    @DisplayName("PaymentGateway §7: a refusal is a DECLINED outcome with the provider's reason, not an exception, and"
            + " stays the answer to its key")
    void declined_is_an_outcome() {
        OrderId order = newOrder();
        PaymentRequest authorise = on(Kind.AUTHORISE, order, 5_000, samplePaymentMethod());
        declineNextCall(gateway, "insufficient funds");

        PaymentResult declined = gateway.execute(authorise);
        PaymentResult again = gateway.execute(authorise);

        assertThat(declined.outcome()).isEqualTo(PaymentOutcome.DECLINED);
        assertThat(declined.message()).contains("insufficient funds");
        assertThat(declined.reference()).isEmpty();
        assertThat(again.outcome()).isEqualTo(PaymentOutcome.DECLINED);
    }

    @Test
    @DisplayName("PaymentGateway §8: a call that did not reach the provider is NOT_ATTEMPTED, moved nothing, and goes"
            + " through when asked again with the same key")
    void not_attempted_moves_nothing_and_can_be_retried() {
        OrderId order = newOrder();
        String auth = authorise(gateway, order, 10_000);
        PaymentRequest capture = on(Kind.CAPTURE, order, 10_000, auth);
        makeNextCallUnreachable(gateway);

        PaymentResult unreachable = gateway.execute(capture);
        PaymentResult retried = gateway.execute(capture);

        assertThat(unreachable.outcome()).isEqualTo(PaymentOutcome.NOT_ATTEMPTED);
        assertThat(unreachable.reference()).isEmpty();
        assertThat(retried.outcome()).isEqualTo(PaymentOutcome.SUCCEEDED);
        assertThat(gateway.execute(on(Kind.CAPTURE, order, 1, auth)).outcome())
                .as("captured once in all").isEqualTo(PaymentOutcome.DECLINED);
    }

    @Test
    @DisplayName("PaymentGateway §9: a call that timed out after the provider did it is UNKNOWN, and asking again with"
            + " its key reconciles it: SUCCEEDED with the money moved once")
    void unknown_after_the_provider_acted_is_reconciled_by_key() {
        OrderId order = newOrder();
        String auth = authorise(gateway, order, 10_000);
        PaymentRequest capture = on(Kind.CAPTURE, order, 6_000, auth);
        timeOutNextCall(gateway, true);

        PaymentResult timedOut = gateway.execute(capture);
        PaymentResult reconciled = gateway.execute(capture);
        PaymentResult again = gateway.execute(capture);

        assertThat(timedOut.outcome()).isEqualTo(PaymentOutcome.UNKNOWN);
        assertThat(timedOut.reference()).isEmpty();
        assertThat(reconciled.outcome()).isEqualTo(PaymentOutcome.SUCCEEDED);
        assertThat(again).isEqualTo(reconciled);
        assertThat(gateway.execute(on(Kind.CAPTURE, order, 4_001, auth)).outcome()).isEqualTo(PaymentOutcome.DECLINED);
        assertThat(gateway.execute(on(Kind.CAPTURE, order, 4_000, auth)).outcome()).isEqualTo(PaymentOutcome.SUCCEEDED);
    }

    @Test
    @DisplayName("PaymentGateway §9: a call that timed out before the provider did it is UNKNOWN, and asking again with"
            + " its key gives a final answer, which stays; money moved at most once")
    void unknown_before_the_provider_acted_gets_a_final_answer() {
        OrderId order = newOrder();
        String auth = authorise(gateway, order, 10_000);
        PaymentRequest capture = on(Kind.CAPTURE, order, 6_000, auth);
        timeOutNextCall(gateway, false);

        PaymentResult timedOut = gateway.execute(capture);
        PaymentResult reconciled = gateway.execute(capture);
        PaymentResult again = gateway.execute(capture);

        assertThat(timedOut.outcome()).isEqualTo(PaymentOutcome.UNKNOWN);
        assertThat(reconciled.outcome()).isIn(PaymentOutcome.SUCCEEDED, PaymentOutcome.DECLINED);
        assertThat(again).isEqualTo(reconciled);
        long open = reconciled.succeeded() ? 4_000 : 10_000;
        assertThat(gateway.execute(on(Kind.CAPTURE, order, open + 1, auth)).outcome()).isEqualTo(PaymentOutcome.DECLINED);
        assertThat(gateway.execute(on(Kind.CAPTURE, order, open, auth)).outcome()).isEqualTo(PaymentOutcome.SUCCEEDED);
    }

    @Test
    @DisplayName("PaymentGateway §10: 8 threads sending the same capture at once all get the one result; money moved once")
    void concurrent_replays_move_money_once() throws Exception {
        OrderId order = newOrder();
        String auth = authorise(gateway, order, 10_000);
        PaymentRequest capture = on(Kind.CAPTURE, order, 7_000, auth);

        List<PaymentResult> results = race(8, i -> gateway.execute(capture));

        assertThat(results).allSatisfy(r -> assertThat(r).isEqualTo(results.get(0)));
        assertThat(results.get(0).outcome()).isEqualTo(PaymentOutcome.SUCCEEDED);
        assertThat(gateway.execute(on(Kind.CAPTURE, order, 3_001, auth)).outcome()).isEqualTo(PaymentOutcome.DECLINED);
        assertThat(gateway.execute(on(Kind.CAPTURE, order, 3_000, auth)).outcome()).isEqualTo(PaymentOutcome.SUCCEEDED);
    }

    @Test
    @DisplayName("PaymentGateway §10: 8 threads each capturing 20 of an authorisation of 100 at once: exactly 5 succeed")
    void concurrent_captures_never_exceed_the_authorisation() throws Exception {
        OrderId order = newOrder();
        String auth = authorise(gateway, order, 10_000);

        List<PaymentResult> results = race(8, i -> gateway.execute(on(Kind.CAPTURE, order, 2_000, auth)));

        assertThat(results).filteredOn(PaymentResult::succeeded).hasSize(5);
        assertThat(results).filteredOn(r -> !r.succeeded())
                .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(PaymentOutcome.DECLINED));
        Set<String> references = new HashSet<>();
        results.stream().filter(PaymentResult::succeeded).forEach(r -> references.add(r.reference()));
        assertThat(references).hasSize(5);
    }

    /** One step of the property: what to ask, how much, and whether to send the previous request again instead. */
    private record Step(Kind kind, long cents, boolean replay) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.of(Kind.CAPTURE, Kind.CAPTURE, Kind.REFUND, Kind.VOID),
                Arbitraries.longs().between(0, 6_000),
                Arbitraries.integers().between(0, 3).map(i -> i == 0)).as(Step::new);
        return step.list().ofMaxSize(12);
    }

    @Property
    @Label("PaymentGateway §2 §3 §4 §5: any sequence of captures, refunds, voids and replays on one authorisation never"
            + " captures above it nor refunds above what was captured, and a replay moves nothing")
    void money_stays_within_its_bounds(@ForAll("steps") List<Step> steps,
                                       @ForAll @net.jqwik.api.constraints.LongRange(min = 1, max = 10_000) long authorised) {
        PaymentGateway g = newGateway();
        OrderId order = newOrder();
        String auth = authorise(g, order, authorised);
        long open = authorised;
        long captured = 0;
        long refunded = 0;
        PaymentRequest previous = null;
        PaymentResult previousResult = null;
        for (Step s : steps) {
            if (s.replay() && previous != null) {
                assertThat(g.execute(previous)).as("replay of %s", previous).isEqualTo(previousResult);
                continue;
            }
            long cents = s.kind() == Kind.VOID ? 0 : Math.max(1, s.cents());
            PaymentRequest request = on(s.kind(), order, cents, auth);
            PaymentResult result = g.execute(request);
            boolean allowed = switch (s.kind()) {
                case CAPTURE -> cents <= open;
                case REFUND -> cents <= captured - refunded;
                case VOID -> open > 0;
                case AUTHORISE -> throw new AssertionError("not generated");
            };
            if (s.kind() == Kind.VOID && open == 0) {
                // voiding what is already closed may be answered either way; it must move nothing
                assertThat(result.outcome()).isIn(PaymentOutcome.SUCCEEDED, PaymentOutcome.DECLINED);
            } else {
                assertThat(result.outcome()).as("%s of %d with %d open, %d captured, %d refunded", s.kind(), cents,
                        open, captured, refunded).isEqualTo(allowed ? PaymentOutcome.SUCCEEDED : PaymentOutcome.DECLINED);
            }
            if (result.succeeded()) {
                switch (s.kind()) {
                    case CAPTURE -> {
                        open -= cents;
                        captured += cents;
                    }
                    case REFUND -> refunded += cents;
                    case VOID -> open = 0;
                    default -> { }
                }
            }
            previous = request;
            previousResult = result;
        }
        assertThat(captured).isLessThanOrEqualTo(authorised);
        assertThat(refunded).isLessThanOrEqualTo(captured);
    }

    private interface Call<T> {
        T call(int thread) throws Exception;
    }

    private static <T> List<T> race(int threads, Call<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int thread = i;
                Callable<T> task = () -> {
                    start.await();
                    return call.call(thread);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}

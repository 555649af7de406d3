package io.omskit.core.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.omskit.core.OmsMetrics;
import io.omskit.core.PlacementResult;
import io.omskit.core.common.Checks;
import io.omskit.core.payment.PaymentOutcome;
import io.omskit.core.spi.PaymentRequest;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live workflows' {@link OmsMetrics} as Micrometer meters, for {@code Oms.builder().metrics(...)} and
 * {@code SourcingEngine.builder().metrics(...)}. Micrometer ({@code io.micrometer:micrometer-core}) is an optional
 * dependency of OMS Kit: a host that uses this class adds it; without this class nothing of Micrometer is loaded.
 * Tag values are lower case.
 * <ul>
 * <li>{@value #PLACEMENT_RESULTS} (counter, tag {@code outcome}: {@code confirmed}, {@code out_of_stock},
 *     {@code payment_declined}, {@code payment_pending}, ... as {@link PlacementResult.Outcome}): what each placement,
 *     payment reconciliation and hold release ended with;</li>
 * <li>{@value #PAYMENT_ANSWERS} (counter, tags {@code kind}: {@code authorise}, {@code capture}, {@code void},
 *     {@code refund}; {@code outcome}: {@code succeeded}, {@code declined}, {@code not_attempted}, {@code unknown}, or
 *     {@code error} when the gateway threw): every call of the payment gateway;</li>
 * <li>{@value #RESERVATION_TIME} (timer, tag {@code result}: {@code reserved} or {@code insufficient}): the inventory
 *     store's reservation of a placement's stock;</li>
 * <li>{@value #SOURCING_TIME} (timer, tag {@code result}: {@code allocated}, {@code nothing_allocated},
 *     {@code contended} or {@code error}): sourcing an order, from choosing locations to allocating there;</li>
 * <li>{@value #PAYMENTS_UNRECONCILED} (gauge): orders the latest payment reconciliation sweep
 *     ({@code Oms.reconcilePendingPayments}) left awaiting a payment answer (the count of all orders awaiting payment,
 *     from events, is {@code oms.payments.pending} of the reporting module's {@code ReportingMetrics});</li>
 * <li>{@value #HOLDS_EXPIRED} (counter): reservations expired by {@code Oms.expireHolds} sweeps.</li>
 * </ul>
 * Thread-safe; meters are registered when this is created.
 */
public final class MicrometerOmsMetrics implements OmsMetrics {

    /** Counter of placement outcomes. */
    public static final String PLACEMENT_RESULTS = "oms.placement.results";
    /** Counter of payment gateway answers. */
    public static final String PAYMENT_ANSWERS = "oms.payment.answers";
    /** Timer of a placement's stock reservation. */
    public static final String RESERVATION_TIME = "oms.reservation.time";
    /** Timer of sourcing an order. */
    public static final String SOURCING_TIME = "oms.sourcing.call.time";
    /** Gauge of orders the latest reconciliation sweep left awaiting a payment answer. */
    public static final String PAYMENTS_UNRECONCILED = "oms.payments.unreconciled";
    /** Counter of holds expired by the sweeps. */
    public static final String HOLDS_EXPIRED = "oms.holds.expired";

    private final MeterRegistry registry;
    private final Map<PlacementResult.Outcome, Counter> placements = new EnumMap<>(PlacementResult.Outcome.class);
    private final Map<PaymentRequest.Kind, Map<PaymentOutcome, Counter>> payments = new EnumMap<>(PaymentRequest.Kind.class);
    private final Map<PaymentRequest.Kind, Counter> paymentErrors = new EnumMap<>(PaymentRequest.Kind.class);
    private final Timer reserved;
    private final Timer insufficient;
    private final Map<String, Timer> sourcing = new ConcurrentHashMap<>();
    private final AtomicInteger unreconciled = new AtomicInteger();
    private final Counter holdsExpired;

    private MicrometerOmsMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (PlacementResult.Outcome o : PlacementResult.Outcome.values()) {
            placements.put(o, Counter.builder(PLACEMENT_RESULTS).description("Placements by outcome")
                    .tag("outcome", lower(o)).register(registry));
        }
        for (PaymentRequest.Kind k : PaymentRequest.Kind.values()) {
            Map<PaymentOutcome, Counter> byOutcome = new EnumMap<>(PaymentOutcome.class);
            for (PaymentOutcome o : PaymentOutcome.values()) {
                byOutcome.put(o, paymentCounter(k, lower(o)));
            }
            payments.put(k, byOutcome);
            paymentErrors.put(k, paymentCounter(k, "error"));
        }
        this.reserved = reservationTimer("reserved");
        this.insufficient = reservationTimer("insufficient");
        for (String result : new String[] {"allocated", "nothing_allocated", "contended", "error"}) {
            sourcingTimer(result);
        }
        registry.gauge(PAYMENTS_UNRECONCILED, unreconciled);
        this.holdsExpired = Counter.builder(HOLDS_EXPIRED).description("Holds expired by the sweeps").register(registry);
    }

    /**
     * The workflows' metrics in {@code registry}, its meters registered now.
     *
     * @throws NullPointerException when {@code registry} is null
     */
    public static MicrometerOmsMetrics of(MeterRegistry registry) {
        return new MicrometerOmsMetrics(Checks.notNull(registry, "registry"));
    }

    @Override
    public void placementEnded(PlacementResult.Outcome outcome) {
        placements.get(outcome).increment();
    }

    @Override
    public void paymentAnswered(PaymentRequest.Kind kind, PaymentOutcome outcome) {
        (outcome == null ? paymentErrors.get(kind) : payments.get(kind).get(outcome)).increment();
    }

    @Override
    public void reservationTimed(long nanos, boolean wasReserved) {
        (wasReserved ? reserved : insufficient).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void sourcingTimed(long nanos, String result) {
        Timer t = sourcing.get(result);
        (t != null ? t : sourcingTimer(result)).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void paymentsStillPending(int orders) {
        unreconciled.set(orders);
    }

    @Override
    public void holdsExpired(int holds) {
        holdsExpired.increment(holds);
    }

    private Counter paymentCounter(PaymentRequest.Kind kind, String outcome) {
        return Counter.builder(PAYMENT_ANSWERS).description("Payment gateway answers by request kind and outcome")
                .tag("kind", lower(kind)).tag("outcome", outcome).register(registry);
    }

    private Timer reservationTimer(String result) {
        return Timer.builder(RESERVATION_TIME).description("Reserving a placement's stock")
                .tag("result", result).register(registry);
    }

    private Timer sourcingTimer(String result) {
        return sourcing.computeIfAbsent(result, r -> Timer.builder(SOURCING_TIME)
                .description("Sourcing an order: choosing locations and allocating there").tag("result", r)
                .register(registry));
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}

package io.omskit.core;

import io.omskit.core.payment.PaymentOutcome;
import io.omskit.core.spi.PaymentRequest;

/**
 * What the live workflows report as they run, for a host's metrics system: give one to
 * {@link Oms.Builder#metrics}. {@code io.omskit.core.metrics.MicrometerOmsMetrics} records them as Micrometer meters
 * (Micrometer is an optional dependency: without that class nothing of Micrometer is loaded); a host on another
 * metrics library implements the methods it cares about. Every method is called on the workflow's thread, must be
 * quick and must not throw; each does nothing by default.
 */
public interface OmsMetrics {

    /** Reports nothing: the default. */
    OmsMetrics NONE = new OmsMetrics() {
    };

    /**
     * A placement (through {@link Oms#placeOrder}, a cart's checkout or a phone order), a payment reconciliation or a
     * hold release ended with {@code outcome}.
     */
    default void placementEnded(PlacementResult.Outcome outcome) {
    }

    /**
     * The payment gateway answered a {@code kind} request with {@code outcome}; {@code outcome} is null when the
     * gateway threw instead of answering.
     */
    default void paymentAnswered(PaymentRequest.Kind kind, PaymentOutcome outcome) {
    }

    /**
     * A placement's reservation of stock took {@code nanos} and held the units ({@code reserved}) or found too few.
     */
    default void reservationTimed(long nanos, boolean reserved) {
    }

    /**
     * Sourcing an order (choosing locations and allocating there) took {@code nanos} and ended as {@code result}:
     * {@code allocated}, {@code nothing_allocated} or {@code contended}. Called by the sourcing engine.
     */
    default void sourcingTimed(long nanos, String result) {
    }

    /**
     * The latest payment reconciliation sweep ({@link Oms#reconcilePendingPayments}) left {@code orders} orders still
     * awaiting a payment answer, those whose reconciliation failed included.
     */
    default void paymentsStillPending(int orders) {
    }

    /** A sweep expired {@code holds} reservations whose time was up. */
    default void holdsExpired(int holds) {
    }
}

package io.omskit.testkit.faults;

import io.omskit.core.common.Checks;
import io.omskit.core.spi.PaymentRequest;
import io.omskit.core.payment.PaymentResult;
import io.omskit.core.spi.PaymentGateway;

/**
 * A {@link PaymentGateway} that fails as its {@link FaultPlan} says, the way a provider's client does: a failure
 * before the call is {@link io.omskit.core.payment.PaymentOutcome#NOT_ATTEMPTED}, a failure after it (the provider
 * acted, the answer was lost) is {@link io.omskit.core.payment.PaymentOutcome#UNKNOWN}. Never throws for them.
 */
public final class FaultyPaymentGateway implements PaymentGateway {

    private final PaymentGateway delegate;
    private final FaultPlan plan;

    /** Wraps {@code delegate}. */
    public FaultyPaymentGateway(PaymentGateway delegate, FaultPlan plan) {
        this.delegate = Checks.notNull(delegate, "delegate");
        this.plan = Checks.notNull(plan, "plan");
    }

    @Override
    public PaymentResult execute(PaymentRequest request) {
        FaultPlan.Point point = plan.decide("payment " + request.kind().name().toLowerCase(java.util.Locale.ROOT));
        if (point == FaultPlan.Point.BEFORE) {
            return PaymentResult.notAttempted("injected: connection refused");
        }
        PaymentResult result = delegate.execute(request);
        return point == FaultPlan.Point.AFTER ? PaymentResult.unknown("injected: read timed out") : result;
    }
}

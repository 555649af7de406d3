package io.omskit.core;

import io.omskit.core.payment.PaymentResult;
import io.omskit.core.spi.PaymentGateway;
import io.omskit.core.spi.PaymentRequest;

/** The host's payment gateway, every answer (or failure to answer) reported to the metrics. */
final class MeteredPaymentGateway implements PaymentGateway {

    private final PaymentGateway gateway;
    private final OmsMetrics metrics;

    MeteredPaymentGateway(PaymentGateway gateway, OmsMetrics metrics) {
        this.gateway = gateway;
        this.metrics = metrics;
    }

    @Override
    public PaymentResult execute(PaymentRequest request) {
        PaymentResult result;
        try {
            result = gateway.execute(request);
        } catch (RuntimeException e) {
            metrics.paymentAnswered(request.kind(), null);
            throw e;
        }
        metrics.paymentAnswered(request.kind(), result.outcome());
        return result;
    }
}

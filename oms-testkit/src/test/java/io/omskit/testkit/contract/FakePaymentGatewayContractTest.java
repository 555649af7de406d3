package io.omskit.testkit.contract;

import io.omskit.core.inmemory.FakePaymentGateway;
import io.omskit.core.spi.PaymentGateway;

/** The in-memory payment provider passes the payment gateway TCK, fault clauses included. */
class FakePaymentGatewayContractTest extends PaymentGatewayContract {

    @Override
    protected PaymentGateway newGateway() {
        return new FakePaymentGateway();
    }

    @Override
    protected void declineNextCall(PaymentGateway gateway, String reason) {
        ((FakePaymentGateway) gateway).declineNext(reason);
    }

    @Override
    protected void makeNextCallUnreachable(PaymentGateway gateway) {
        ((FakePaymentGateway) gateway).unreachableNext();
    }

    @Override
    protected void timeOutNextCall(PaymentGateway gateway, boolean done) {
        ((FakePaymentGateway) gateway).timeOutNext(done);
    }
}

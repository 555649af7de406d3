package io.omskit.testkit.contract;

import io.omskit.core.inmemory.FakeCarrierGateway;
import io.omskit.core.spi.CarrierGateway;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The in-memory carriers pass the carrier gateway TCK, fault clauses included. */
class FakeCarrierGatewayContractTest extends CarrierGatewayContract {

    @Override
    protected CarrierGateway newGateway() {
        return FakeCarrierGateway.withSampleCarriers(Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC));
    }

    @Override
    protected void timeOutNextCall(CarrierGateway gateway, boolean done) {
        ((FakeCarrierGateway) gateway).timeOutNext(done);
    }

    @Override
    protected void makeNextCallUnreachable(CarrierGateway gateway) {
        ((FakeCarrierGateway) gateway).unreachableNext();
    }

    @Override
    protected void declineNextCall(CarrierGateway gateway, String reason) {
        ((FakeCarrierGateway) gateway).declineNext(reason);
    }
}

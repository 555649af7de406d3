package io.omskit.testkit.contract;

import io.omskit.atp.calendar.QuotedTransit;
import io.omskit.atp.spi.CarrierTransit;
import io.omskit.atp.spi.ServiceLevel;
import io.omskit.atp.spi.TransitQuery;
import io.omskit.core.inmemory.FakeCarrierGateway;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.shipping.Parcel;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.IdentityHashMap;
import java.util.Map;

/** Transit quoted by the in-memory carriers, without a fallback, passes the carrier transit TCK, failures included. */
class QuotedTransitContractTest extends CarrierTransitContract {

    private final Map<CarrierTransit, FakeCarrierGateway> carriersOf = new IdentityHashMap<>();

    @Override
    protected CarrierTransit newTransit() {
        FakeCarrierGateway carriers = FakeCarrierGateway.withSampleCarriers(
                Clock.fixed(Instant.parse("2030-01-07T10:00:00Z"), ZoneOffset.UTC));
        CarrierTransit transit = QuotedTransit.builder(carriers, Parcel.of(1_000, 300, 200, 100)).build();
        carriersOf.put(transit, carriers);
        return transit;
    }

    @Override
    protected TransitQuery unservedLeg() {
        // the sample carriers do not deliver to Italy
        return new TransitQuery(ServiceLevel.STANDARD, BERLIN_WAREHOUSE, "IT", "00100", GeoPoint.of(41.9, 12.5), 1_180);
    }

    @Override
    protected void makeNextRemoteCallFail(CarrierTransit transit) {
        carriersOf.get(transit).unreachableNext();
    }
}

package io.omskit.testkit.contract;

import io.omskit.atp.calendar.TransitTable;
import io.omskit.atp.spi.CarrierTransit;
import io.omskit.atp.spi.ServiceLevel;
import io.omskit.atp.spi.TransitQuery;
import io.omskit.core.network.GeoPoint;

/** The standard transit table passes the carrier transit TCK; it asks no remote service, so §4 does not apply. */
class TransitTableContractTest extends CarrierTransitContract {

    @Override
    protected CarrierTransit newTransit() {
        return TransitTable.standard();
    }

    @Override
    protected TransitQuery unservedLeg() {
        // express is not offered beyond 800 km
        return new TransitQuery(ServiceLevel.EXPRESS, BERLIN_WAREHOUSE, "PT", "1000-001", GeoPoint.of(38.72, -9.14), 2_300);
    }
}

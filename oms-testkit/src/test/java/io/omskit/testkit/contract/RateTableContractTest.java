package io.omskit.testkit.contract;

import io.omskit.core.network.LocationType;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.orchestration.rules.RateTable;
import io.omskit.orchestration.spi.ShippingRate;
import io.omskit.orchestration.spi.ShippingRates;

/** A rate table with rates by type, by method and by both passes the shipping rates TCK. */
class RateTableContractTest extends ShippingRatesContract {

    @Override
    protected ShippingRates newRates() {
        return RateTable.builder(ShippingRate.of(5, 0.10, 0.01))
                .rate(LocationType.STORE, ShippingRate.of(7, 0.20, 0.02))
                .rate(DeliveryMethod.EXPRESS_DELIVERY, ShippingRate.of(12, 0.30, 0.03))
                .rate(LocationType.DROP_SHIPPER, DeliveryMethod.STANDARD_DELIVERY, ShippingRate.of(0, 0, 0))
                .build();
    }
}

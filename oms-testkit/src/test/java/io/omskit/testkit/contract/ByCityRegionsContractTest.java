package io.omskit.testkit.contract;

import io.omskit.orchestration.spi.DestinationRegions;

/** Regions by city pass the destination regions TCK. */
class ByCityRegionsContractTest extends DestinationRegionsContract {

    @Override
    protected DestinationRegions newRegions() {
        return DestinationRegions.byCity();
    }
}

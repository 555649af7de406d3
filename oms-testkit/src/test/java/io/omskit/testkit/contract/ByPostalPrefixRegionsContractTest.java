package io.omskit.testkit.contract;

import io.omskit.orchestration.spi.DestinationRegions;

/** Regions by a two-character postal prefix pass the destination regions TCK. */
class ByPostalPrefixRegionsContractTest extends DestinationRegionsContract {

    @Override
    protected DestinationRegions newRegions() {
        return DestinationRegions.byPostalPrefix(2);
    }
}

package io.omskit.testkit.contract;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.LocationType;
import io.omskit.orchestration.spi.OpportunityCosts;
import java.util.Map;

/**
 * OMS Kit ships no {@link OpportunityCosts}; a forecast table as a host writes one (stores' last units dear, SKUs
 * without a forecast free) passes the TCK, so the contract itself is run in the build.
 */
class TableOpportunityCostsContractTest extends OpportunityCostsContract {

    @Override
    protected OpportunityCosts newCosts() {
        Map<Sku, Double> forecastPerUnit = Map.of(Sku.of("SKU-1"), 1.5, Sku.of("SKU-2"), 0.25);
        return (sku, location) -> forecastPerUnit.getOrDefault(sku, 0.0)
                * (location.type() == LocationType.STORE ? 2 : 1);
    }
}

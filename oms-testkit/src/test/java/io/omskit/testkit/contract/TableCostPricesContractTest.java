package io.omskit.testkit.contract;

import io.omskit.reporting.funds.spi.CostPrices;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.joda.money.Money;

/**
 * OMS Kit ships no {@link CostPrices}; a price list as a host writes one passes the TCK, so the contract itself is run
 * in the build.
 */
class TableCostPricesContractTest extends CostPricesContract {

    @Override
    protected CostPrices newPrices() {
        Map<String, BigDecimal> list = Map.of("DS-1/SKU-1", new BigDecimal("4.20"), "DS-1/SKU-2", new BigDecimal("0.99"));
        return (dropShipper, sku, currency) -> Optional.ofNullable(list.get(dropShipper.value() + "/" + sku.value()))
                .map(amount -> Money.of(currency, amount));
    }
}

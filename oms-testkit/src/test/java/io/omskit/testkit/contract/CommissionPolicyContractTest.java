package io.omskit.testkit.contract;

import io.omskit.core.catalog.Sku;
import io.omskit.core.fulfilment.FulfilmentKind;
import io.omskit.core.network.LocationType;
import io.omskit.core.order.SellerRef;
import io.omskit.reporting.funds.spi.CommissionPolicy;
import io.omskit.reporting.funds.spi.HandOver;
import io.omskit.reporting.funds.spi.StakeholderPolicy;
import java.math.BigDecimal;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The default commission policy passes the stakeholder policy TCK; its drop-shipper prices SKU-1 and SKU-2 at 4.00 in
 * any currency and does not know SKU-3.
 */
class CommissionPolicyContractTest extends StakeholderPolicyContract {

    @Override
    protected StakeholderPolicy newPolicy() {
        return CommissionPolicy.defaults((dropShipper, sku, currency) -> sku.value().equals("SKU-3")
                ? Optional.empty() : Optional.of(Money.of(currency, new BigDecimal("4.00"))))
                .withSellerCommission(SellerRef.of("seller-2"), new BigDecimal("0.08"));
    }

    @Override
    protected HandOver unitsLackingData() {
        HandOver u = units(FulfilmentKind.DROP_SHIP, LocationType.DROP_SHIPPER, null, 2, Money.of(CurrencyUnit.EUR, 30));
        return new HandOver(u.order(), u.channel(), u.line(), Sku.of("SKU-3"), null, u.location(), u.locationType(),
                u.kind(), null, u.units(), u.paid());
    }
}

package io.omskit.reporting.funds.spi;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.LocationId;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/** What drop-shippers charge the retailer per unit; the host's purchasing data. Thread-safe. */
public interface CostPrices {

    /**
     * The price {@code dropShipper} charges for one unit of {@code sku} shipped for an order in {@code currency}; empty
     * when unknown.
     */
    Optional<Money> costPrice(LocationId dropShipper, Sku sku, CurrencyUnit currency);
}

package io.omskit.reporting.funds.spi;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.LocationId;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * What drop-shippers charge the retailer per unit; the host's purchasing data. Thread-safe.
 *
 * <p>What an adapter promises, clause by clause (the TCK {@code CostPricesContract} checks each): a known SKU's price
 * is at least zero, in the currency asked (§1); a SKU or drop-shipper it does not know is empty, not an exception (§2);
 * the same question gets the same price, from any number of threads (§3).
 */
public interface CostPrices {

    /**
     * The price {@code dropShipper} charges for one unit of {@code sku} shipped for an order in {@code currency}; empty
     * when unknown.
     */
    Optional<Money> costPrice(LocationId dropShipper, Sku sku, CurrencyUnit currency);
}

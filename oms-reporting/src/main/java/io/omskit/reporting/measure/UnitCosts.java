package io.omskit.reporting.measure;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import java.util.Map;
import java.util.Optional;
import org.joda.money.Money;

/**
 * What one unit of a SKU cost the retailer (its cost price, as the host's purchasing or finance system values stock),
 * for the stock measures in value ({@link StockTurnoverValue}). The catalog holds no cost price: the host gives its
 * own to {@code Reporting.builder().unitCosts(...)}. A SKU without a cost is measured in units only. Thread-safe.
 */
@FunctionalInterface
public interface UnitCosts {

    /** The cost of one unit of {@code sku}; empty when unknown. Never negative. */
    Optional<Money> unitCost(Sku sku);

    /** No cost known: the stock measures stay in units. */
    static UnitCosts none() {
        return sku -> Optional.empty();
    }

    /**
     * The costs of {@code costs}, copied.
     *
     * @throws IllegalArgumentException naming the SKU when a cost is null or negative
     */
    static UnitCosts of(Map<Sku, Money> costs) {
        Checks.notNull(costs, "costs");
        Map<Sku, Money> copy = Map.copyOf(costs);
        for (Map.Entry<Sku, Money> c : copy.entrySet()) {
            if (c.getValue().isNegative()) {
                throw new IllegalArgumentException("unit cost of " + c.getKey() + " must be >= 0, was " + c.getValue());
            }
        }
        return sku -> Optional.ofNullable(copy.get(sku));
    }
}

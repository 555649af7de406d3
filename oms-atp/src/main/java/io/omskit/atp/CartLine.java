package io.omskit.atp;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import org.joda.money.Money;

/**
 * One line of a cart.
 *
 * @param id        unique within the cart
 * @param sku       the product
 * @param quantity  units, at least 1
 * @param unitPrice the price of one unit, for free-delivery thresholds, not negative and in the currency of the
 *                  {@link DeliveryCharges}; null when not known
 */
public record CartLine(String id, Sku sku, int quantity, Money unitPrice) {

    public CartLine {
        Checks.identifier(id, "id");
        Checks.notNull(sku, "sku");
        Checks.positive(quantity, "quantity");
        if (unitPrice != null && unitPrice.isNegative()) {
            throw new IllegalArgumentException("unitPrice must not be negative, was " + unitPrice + " on line " + id);
        }
    }

    /** A line without a price. */
    public static CartLine of(String id, Sku sku, int quantity) {
        return new CartLine(id, sku, quantity, null);
    }
}

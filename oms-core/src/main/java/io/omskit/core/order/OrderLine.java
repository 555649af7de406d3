package io.omskit.core.order;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import java.util.List;
import org.joda.money.Money;

/**
 * One line of an order: a SKU, how many, at what price, and where each unit is.
 *
 * @param id        unique within the order
 * @param sku       what was ordered
 * @param quantity  units ordered, at least 1
 * @param unitPrice price of one unit before discounts, at least zero
 * @param discounts discounts on this line, each at least zero
 * @param seller    the marketplace seller of the line; null outside the marketplace channel
 * @param units     where each unit is; adds up to {@code quantity}
 */
public record OrderLine(LineId id, Sku sku, int quantity, Money unitPrice, List<Adjustment> discounts,
                        SellerRef seller, UnitCounts units) {

    public OrderLine {
        Checks.notNull(id, "id");
        Checks.notNull(sku, "sku");
        Checks.positive(quantity, "quantity");
        Checks.notNull(unitPrice, "unitPrice");
        if (unitPrice.isNegative()) {
            throw new IllegalArgumentException("unitPrice must be >= 0, was " + unitPrice);
        }
        discounts = List.copyOf(Checks.notNull(discounts, "discounts"));
        for (Adjustment d : discounts) {
            if (!d.amount().getCurrencyUnit().equals(unitPrice.getCurrencyUnit()) || d.amount().isNegative()) {
                throw new IllegalArgumentException("discounts of line " + id + " must be >= 0 in " + unitPrice.getCurrencyUnit()
                        + ", was " + d.amount());
            }
        }
        Checks.notNull(units, "units");
        if (units.total() != quantity) {
            throw new IllegalArgumentException("units of line " + id + " must add up to quantity " + quantity + ", was " + units);
        }
    }

    /** Unit price times quantity. */
    public Money subtotal() {
        return unitPrice.multipliedBy(quantity);
    }

    /** Sum of the line's discounts. */
    public Money discountTotal() {
        Money sum = Money.zero(unitPrice.getCurrencyUnit());
        for (Adjustment d : discounts) {
            sum = sum.plus(d.amount());
        }
        return sum;
    }

    /** Subtotal minus discounts: what the customer pays for the line. */
    public Money total() {
        return subtotal().minus(discountTotal());
    }

    /** This line with different unit counts. */
    public OrderLine withUnits(UnitCounts newUnits) {
        return new OrderLine(id, sku, quantity, unitPrice, discounts, seller, newUnits);
    }
}

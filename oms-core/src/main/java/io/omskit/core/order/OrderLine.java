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
 * @param backorder the units sold beyond stock at placement, as backorder or pre-order, and when those still waiting
 *                  ({@link UnitCounts#awaitingStock()}) are expected; null when none were (documents written before
 *                  backorders read as none)
 */
public record OrderLine(LineId id, Sku sku, int quantity, Money unitPrice, List<Adjustment> discounts,
                        SellerRef seller, UnitCounts units, LineBackorder backorder) {

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
        if (backorder == null ? units.awaitingStock() > 0
                : backorder.quantity() > quantity || units.awaitingStock() > backorder.quantity() - backorder.filled()) {
            throw new IllegalArgumentException("line " + id + " has " + units.awaitingStock() + " unit(s) awaiting stock, more than "
                    + (backorder == null ? "none backordered" : "its backorder " + backorder + " leaves waiting"));
        }
    }

    /** A line without backordered units. */
    public OrderLine(LineId id, Sku sku, int quantity, Money unitPrice, List<Adjustment> discounts, SellerRef seller,
                     UnitCounts units) {
        this(id, sku, quantity, unitPrice, discounts, seller, units, null);
    }

    /** Units waiting for inbound supply (backordered or pre-ordered, not yet filled nor cancelled). */
    public int awaitingStock() {
        return units.awaitingStock();
    }

    /** When the units awaiting stock are expected; empty when none wait or no supply is announced for them yet. */
    public java.util.Optional<java.time.Instant> expectedAt() {
        return units.awaitingStock() == 0 || backorder == null ? java.util.Optional.empty()
                : java.util.Optional.ofNullable(backorder.expectedAt());
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
        return new OrderLine(id, sku, quantity, unitPrice, discounts, seller, newUnits, backorder);
    }

    /** This line with different units and backorder. */
    public OrderLine withBackorder(UnitCounts newUnits, LineBackorder newBackorder) {
        return new OrderLine(id, sku, quantity, unitPrice, discounts, seller, newUnits, newBackorder);
    }
}

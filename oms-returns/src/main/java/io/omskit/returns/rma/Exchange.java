package io.omskit.returns.rma;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.order.OrderId;
import java.util.List;
import org.joda.money.Money;

/**
 * What a return is exchanged for: replacement units sold as a new order of the customer, paid first with the value of
 * the returned units. The difference is charged on the replacement order when it costs more, and refunded by the
 * return when it costs less; it is never left open.
 *
 * @param replacements     the units wanted instead, at least one
 * @param credit           what the returned units cost net of every discount: the value the replacement is paid with
 * @param replacementOrder the replacement order once placed; null before
 * @param applied          the credit taken off the replacement order: the smaller of {@code credit} and what the
 *                         replacements cost; zero until placed, and when placing failed
 * @param failedBecause    why the replacement could not be placed (no stock, payment declined); null unless it failed.
 *                         The return is then refunded as any other
 */
public record Exchange(List<Replacement> replacements, Money credit, OrderId replacementOrder, Money applied,
                       String failedBecause) {

    /**
     * Units of a SKU wanted in exchange.
     *
     * @param sku       the SKU
     * @param quantity  at least 1
     * @param unitPrice the price of one unit, at least zero, in the order's currency
     */
    public record Replacement(Sku sku, int quantity, Money unitPrice) {
        public Replacement {
            Checks.notNull(sku, "sku");
            Checks.positive(quantity, "quantity");
            Checks.notNull(unitPrice, "unitPrice");
            if (unitPrice.isNegative()) {
                throw new IllegalArgumentException("unitPrice of replacement " + sku + " must be >= 0, was " + unitPrice);
            }
        }

        public static Replacement of(Sku sku, int quantity, Money unitPrice) {
            return new Replacement(sku, quantity, unitPrice);
        }
    }

    public Exchange {
        replacements = Checks.list(replacements, "replacements");
        if (replacements.isEmpty()) {
            throw new IllegalArgumentException("replacements of an exchange must not be empty");
        }
        Checks.notNull(credit, "credit");
        Checks.notNull(applied, "applied");
        if (applied.isNegative() || applied.isGreaterThan(credit)) {
            throw new IllegalArgumentException("applied must be from 0 to the credit " + credit + ", was " + applied);
        }
    }

    /** An exchange not placed yet. */
    public static Exchange of(List<Replacement> replacements, Money credit) {
        return new Exchange(replacements, credit, null, Money.zero(credit.getCurrencyUnit()), null);
    }

    /** What the replacements cost. */
    public Money replacementTotal() {
        Money sum = Money.zero(credit.getCurrencyUnit());
        for (Replacement r : replacements) {
            sum = sum.plus(r.unitPrice().multipliedBy(r.quantity()));
        }
        return sum;
    }

    /** The difference due: positive, charged to the customer on the replacement order; negative, refunded by the return. */
    public Money differenceDue() {
        return replacementTotal().minus(credit);
    }

    /** Whether the replacement was placed or failed: until then, refunds of the return wait. */
    public boolean isSettled() {
        return replacementOrder != null || failedBecause != null;
    }
}

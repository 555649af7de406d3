package io.omskit.reporting.funds.spi;

import io.omskit.core.common.Checks;
import org.joda.money.Money;

/**
 * What one party other than the retailer is owed for units handed over; the retailer keeps the rest.
 *
 * @param stakeholder who is owed it; never the retailer
 * @param amount      how much, at least zero, in the order's currency
 * @param basis       how it was worked out, for people reading a statement (such as {@code "price less 15% commission"})
 */
public record Share(Stakeholder stakeholder, Money amount, String basis) {

    public Share {
        Checks.notNull(stakeholder, "stakeholder");
        if (stakeholder.role() == Stakeholder.Role.RETAILER) {
            throw new IllegalArgumentException("stakeholder of a share must not be the retailer (it keeps the rest), was "
                    + stakeholder);
        }
        Checks.notNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount of the share of " + stakeholder + " must be >= 0, was " + amount);
        }
        basis = basis == null ? "" : basis;
    }
}

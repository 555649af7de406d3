package io.omskit.core.payment;

import io.omskit.core.common.Checks;
import org.joda.money.Money;

/**
 * An amount that goes to one tender of an order: a part of a refund split over tenders.
 *
 * @param tender the tender's id
 * @param amount how much, positive
 */
public record TenderAmount(String tender, Money amount) {

    public TenderAmount {
        Checks.identifier(tender, "tender");
        Checks.notNull(amount, "amount");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("amount for tender " + tender + " must be positive, was " + amount);
        }
    }
}

package io.omskit.core.order;

import io.omskit.core.common.Checks;
import org.joda.money.Money;

/**
 * A named amount on a line or an order: a discount (subtracted) or a charge such as shipping (added).
 * Amounts are never negative; the kind of list an adjustment sits in says its sign.
 *
 * @param code   what it is, such as a promotion code or {@code shipping}: 1 to 100 characters, not blank, no control
 *               characters
 * @param amount the amount, at least zero, in the order's currency
 */
public record Adjustment(String code, Money amount) {

    public Adjustment {
        Checks.identifier(code, "code");
        Checks.notNull(amount, "amount");
    }

    /** An adjustment of {@code amount}. */
    public static Adjustment of(String code, Money amount) {
        return new Adjustment(code, amount);
    }
}

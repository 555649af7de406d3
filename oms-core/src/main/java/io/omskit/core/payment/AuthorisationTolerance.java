package io.omskit.core.payment;

import io.omskit.core.common.Checks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * How much more than an order's total may be authorised, for goods priced by weight or a tip: a percentage of the
 * total, a fixed amount, or both added up. The extra goes on the tender that pays the rest (else the last charged);
 * what is captured never exceeds what was authorised, and what is not captured is voided once no unit of the order
 * waits for stock any more. Configured per channel ({@code Oms.Builder.authorisationTolerance}) or per order
 * ({@code PlaceOrderRequest.Builder.authorisationTolerance}), the order's own winning.
 *
 * @param percent of the total, from 0 to 100; the extra is rounded down to the currency's minor unit
 * @param fixed   a fixed extra; null for none. Applies only to orders in its currency (an order in another currency gets
 *                the percentage alone)
 */
public record AuthorisationTolerance(BigDecimal percent, Money fixed) {

    /** No tolerance: exactly the total is authorised. */
    public static final AuthorisationTolerance NONE = new AuthorisationTolerance(BigDecimal.ZERO, null);

    /**
     * @throws IllegalArgumentException when {@code percent} is null or outside 0 to 100, or {@code fixed} is negative
     */
    public AuthorisationTolerance {
        Checks.notNull(percent, "percent");
        if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("percent must be from 0 to 100, was " + percent.toPlainString());
        }
        if (fixed != null && fixed.isNegative()) {
            throw new IllegalArgumentException("fixed must be >= 0, was " + fixed);
        }
    }

    /** {@code percent} per cent of the total, such as {@code "10"} or {@code "2.5"}. */
    public static AuthorisationTolerance ofPercent(String percent) {
        Checks.notNull(percent, "percent");
        return new AuthorisationTolerance(new BigDecimal(percent), null);
    }

    /** A fixed {@code amount} above the total. */
    public static AuthorisationTolerance ofAmount(Money amount) {
        return new AuthorisationTolerance(BigDecimal.ZERO, Checks.notNull(amount, "amount"));
    }

    /** This tolerance with {@code amount} added on top of the percentage. */
    public AuthorisationTolerance plus(Money amount) {
        return new AuthorisationTolerance(percent, Checks.notNull(amount, "amount"));
    }

    /** How much may be authorised above {@code total}: the percentage rounded down, plus the fixed amount in its currency. */
    public Money extraFor(Money total) {
        Checks.notNull(total, "total");
        CurrencyUnit currency = total.getCurrencyUnit();
        Money extra = Money.of(currency, total.getAmount().multiply(percent).divide(BigDecimal.valueOf(100), currency.getDecimalPlaces(),
                RoundingMode.DOWN));
        if (fixed != null && fixed.getCurrencyUnit().equals(currency)) {
            extra = extra.plus(fixed);
        }
        return extra;
    }
}

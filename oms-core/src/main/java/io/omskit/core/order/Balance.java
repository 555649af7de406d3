package io.omskit.core.order;

import io.omskit.core.common.Checks;
import org.joda.money.Money;

/**
 * What an order's customer still owes, or is owed back, at one moment.
 *
 * <p>{@code charged} is what the order charges now: the units not cancelled at what they were paid net of every
 * discount, with the order's charges while any unit is not cancelled ({@link Order#valueNotCancelled()}), less
 * everything refunded. {@code paid} is what the customer paid and kept paid: captured less refunded. Then
 * <ul>
 * <li>{@link #due()} = {@code charged - paid} when positive: still to be captured (a new order owes its total, of which
 *     {@code authorised} is secured; after every unit was shipped and captured it is zero);</li>
 * <li>{@link #credit()} = {@code paid - charged} when positive: captured beyond what the order charges now, owed back.</li>
 * </ul>
 * A refund lowers both sides alike, so it changes neither; a cancellation lowers {@code charged}, a capture raises
 * {@code paid}. Units returned but not refunded yet still count as charged: their refund is the return's to decide
 * (fees, shipping) and moves the balance when it is made. At most one of due and credit is positive.
 *
 * @param charged    what the order charges now, as above
 * @param paid       captured less refunded
 * @param authorised authorised and not yet captured or voided: how much of what is due is secured
 */
public record Balance(Money charged, Money paid, Money authorised) {

    public Balance {
        Checks.notNull(charged, "charged");
        Checks.notNull(paid, "paid");
        Checks.notNull(authorised, "authorised");
    }

    /** What the customer still owes: {@code charged - paid}, or zero when that is not positive. */
    public Money due() {
        Money d = charged.minus(paid);
        return d.isNegative() ? Money.zero(d.getCurrencyUnit()) : d;
    }

    /** What the customer is owed back: {@code paid - charged}, or zero when that is not positive. */
    public Money credit() {
        Money c = paid.minus(charged);
        return c.isNegative() ? Money.zero(c.getCurrencyUnit()) : c;
    }

    /** What is due and not secured by an authorisation: {@code due - authorised}, or zero. */
    public Money unsecured() {
        Money u = due().minus(authorised);
        return u.isNegative() ? Money.zero(u.getCurrencyUnit()) : u;
    }
}

package io.omskit.core.order;

import io.omskit.core.common.Checks;
import org.joda.money.Money;

/**
 * What an order's customer still owes, or is owed back, at one moment.
 *
 * <p>{@code charged} is what the order charges now: the units not cancelled at what they were paid net of every
 * discount, with the order's charges while any unit is not cancelled ({@link Order#valueNotCancelled()}), less the
 * refunds that settled returned units (at most what those units were paid, {@link Order#returnedValue()}). {@code paid}
 * is what the customer paid and kept paid: captured less every refund. Then
 * <ul>
 * <li>{@link #due()} = {@code charged - paid} when positive: still to be captured (a new order owes its total, of which
 *     {@code authorised} is secured; once every unit is shipped and captured it is zero);</li>
 * <li>{@link #credit()} = {@code paid - charged} when positive: captured beyond what the order charges now, owed back
 *     (captured at checkout, then part cancelled).</li>
 * </ul>
 * So a cancellation lowers {@code charged}, a capture raises {@code paid}; a refund of a return lowers both alike (the
 * fees it kept back stay charged), and a refund beyond what the returned units were paid pays back credit owed. Units
 * returned and not refunded yet count as charged until their refund is made: how much comes back is the return's
 * policy to decide. At most one of due and credit is positive. A refund that settles neither (a goodwill refund with
 * no return) shows as due, until the order's price can be changed.
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

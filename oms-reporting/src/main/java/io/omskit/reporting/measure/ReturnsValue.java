package io.omskit.reporting.measure;

import java.time.LocalDate;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Returns value % as IBM Sterling Order Management defines it: returned value divided by fulfilled revenue, per
 * currency. Returned value is the goods part of every refund made ({@code ReturnRefunded}) or store credit issued
 * ({@code StoreCreditIssued}), stamped on its day: the units' price net of their discounts, before shipping refunds and
 * fees. Fulfilled revenue is, for every fulfilment shipped or ready for collection (stamped on that day), each line's
 * total times the units fulfilled over the units ordered, rounded half-even to the currency's minor unit once per line.
 * Broken down by {@link Dimension#TOTAL}, {@link Dimension#CHANNEL}, {@link Dimension#CATEGORY} or {@link Dimension#SKU}.
 * By SKU (category), revenue is counted per line; a refund paying back units of several SKUs is shared among them in
 * proportion to the value of those units (their line's price per unit), each share rounded half-even and the last SKU
 * (in name order) taking what rounding left, so the shares add up to the refund to the cent.
 *
 * @param from             the first day of the bucket
 * @param to               the last day of the bucket
 * @param group            the channel, category or SKU; {@code "all"} for the total
 * @param currency         the currency
 * @param fulfilledRevenue the denominator
 * @param returnedValue    the numerator
 * @param percent          {@code 100 * returnedValue / fulfilledRevenue}, 0 when nothing was fulfilled
 */
public record ReturnsValue(LocalDate from, LocalDate to, String group, CurrencyUnit currency, Money fulfilledRevenue,
                           Money returnedValue, double percent) {
}

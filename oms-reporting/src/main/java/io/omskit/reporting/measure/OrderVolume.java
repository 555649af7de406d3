package io.omskit.reporting.measure;

import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Order volume and value: the orders placed, stamped on the day of {@code OrderPlaced}, per currency (amounts of
 * different currencies are never added up).
 *
 * <p>Broken down by {@link Dimension#TOTAL} or {@link Dimension#CHANNEL}: {@code value} is what the customers pay as
 * placed (lines net of their discounts, less order discounts, plus charges such as shipping). By {@link
 * Dimension#CATEGORY} or {@link Dimension#SKU}: {@code orders} counts each order once per group it has a line in,
 * {@code units} and {@code value} are those of its lines in the group (net of line discounts, before order discounts
 * and charges).
 *
 * @param from     the first day of the bucket
 * @param to       the last day of the bucket
 * @param group    the channel, category or SKU; {@code "all"} for the total
 * @param currency the currency of the orders
 * @param orders   orders placed
 * @param units    units ordered
 * @param value    what they are worth, exact
 */
public record OrderVolume(java.time.LocalDate from, java.time.LocalDate to, String group, CurrencyUnit currency,
                          long orders, long units, Money value) {
}

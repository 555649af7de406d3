package io.omskit.reporting.measure;

import java.time.LocalDate;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Inventory turnover and days of cover in value, over the whole period: {@link StockTurnover} with every unit valued
 * at its SKU's cost ({@link UnitCosts}), per currency of the costs. Cost of goods sold is the units of {@code SHIPMENT}
 * entries in the period times their unit cost; average inventory value is the mean, over the days of the period, of
 * the value on hand at the end of each day; turnover is cost of goods sold divided by average inventory value; days of
 * cover is the value on hand at the end of the period divided by the cost of goods sold per day. Ratios are computed
 * from the exact sums; the average shown is rounded half-even to the currency's minor unit. Positions of SKUs without a
 * unit cost are left out (they are in {@link StockTurnover}, in units): a group none of whose SKUs has a cost has no
 * row. Broken down by {@link Dimension#TOTAL}, {@link Dimension#LOCATION}, {@link Dimension#CATEGORY} or
 * {@link Dimension#SKU}.
 *
 * @param from                  the first day of the period
 * @param to                    the last day of the period
 * @param group                 the location, category or SKU; {@code "all"} for the total
 * @param currency              the currency of the unit costs
 * @param costOfGoodsSold       units shipped to customers, at cost
 * @param averageInventoryValue mean end-of-day value on hand, at cost
 * @param inventoryValueAtEnd   value on hand at the end of the period, at cost
 * @param turnover              {@code costOfGoodsSold / averageInventoryValue}; 0 when nothing was on hand
 * @param daysOfCover           {@code inventoryValueAtEnd / (costOfGoodsSold / days)}; -1 when nothing was sold
 */
public record StockTurnoverValue(LocalDate from, LocalDate to, String group, CurrencyUnit currency, Money costOfGoodsSold,
                                 Money averageInventoryValue, Money inventoryValueAtEnd, double turnover, double daysOfCover) {
}

package io.omskit.reporting.measure;

import java.time.LocalDate;

/**
 * Inventory turnover and days of cover over the whole period, in units, from the stock ledger ({@code StockMoved} and
 * the opening stock a host records). Units sold are the units of {@code SHIPMENT} entries in the period (stock that left
 * for customers); average on hand is the mean of on hand at the end of each day of the period; turnover is units sold
 * divided by average on hand; days of cover is on hand at the end of the period divided by the average units sold per
 * day. Broken down by {@link Dimension#TOTAL}, {@link Dimension#LOCATION}, {@link Dimension#CATEGORY} or {@link
 * Dimension#SKU} (the sums of their positions). In units; {@link StockTurnoverValue} is the same in value, for
 * the SKUs whose unit cost the host gives ({@link UnitCosts}).
 *
 * @param from           the first day of the period
 * @param to             the last day of the period
 * @param group          the location, category or SKU; {@code "all"} for the total
 * @param unitsSold      units shipped to customers
 * @param averageOnHand  mean end-of-day on hand
 * @param onHandAtEnd    on hand at the end of the period
 * @param turnover       {@code unitsSold / averageOnHand}; 0 when nothing was on hand
 * @param daysOfCover    {@code onHandAtEnd / (unitsSold / days)}; -1 when nothing was sold (cover without end)
 */
public record StockTurnover(LocalDate from, LocalDate to, String group, long unitsSold, double averageOnHand,
                            long onHandAtEnd, double turnover, double daysOfCover) {
}

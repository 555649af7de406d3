package io.omskit.reporting.measure;

/**
 * A fast seller: a SKU whose sales velocity is rising. Velocity is the units ordered per day ({@code OrderPlaced},
 * demand as customers express it, bundles as the bundle's SKU) over a window of days ending on the period's last day,
 * compared with the window before it; a SKU is listed when the recent window sold at least the minimum asked and more
 * than the window before.
 *
 * @param sku            the SKU
 * @param unitsRecent    units ordered in the recent window
 * @param unitsBefore    units ordered in the window before it
 * @param perDayRecent   {@code unitsRecent / window days}
 * @param perDayBefore   {@code unitsBefore / window days}
 */
public record FastSeller(String sku, long unitsRecent, long unitsBefore, double perDayRecent, double perDayBefore) {
}

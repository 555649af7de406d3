package io.omskit.reporting.measure;

import java.time.LocalDate;

/**
 * Return rate by units: units authorised to come back ({@code ReturnAuthorised}, stamped on its day; returns withdrawn
 * later are left out) divided by units fulfilled (shipped, or ready for collection, stamped on that day) in the same
 * bucket. Broken down by {@link Dimension#TOTAL}, {@link Dimension#CHANNEL} (of the order), {@link Dimension#CATEGORY}
 * or {@link Dimension#SKU}.
 *
 * @param from      the first day of the bucket
 * @param to        the last day of the bucket
 * @param group     the channel, category or SKU; {@code "all"} for the total
 * @param fulfilled units fulfilled (the denominator)
 * @param returned  units returned (the numerator)
 * @param rate      {@code returned / fulfilled}, 0 when nothing was fulfilled
 */
public record ReturnRate(LocalDate from, LocalDate to, String group, long fulfilled, long returned, double rate) {
}

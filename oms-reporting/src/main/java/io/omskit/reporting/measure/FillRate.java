package io.omskit.reporting.measure;

import java.time.LocalDate;

/**
 * Fill rate as Fluent Commerce's metrics define it: of the units locations were asked to fulfil, the share they filled.
 * Counted per fulfilment once it is closed (shipped, ready for collection, expired uncollected, or every unit refused or
 * cancelled), stamped on the day it was offered ({@code FulfilmentOffered}). Units requested are those offered less
 * those the customer cancelled; units filled are those left when the fulfilment was shipped or made ready for
 * collection (offered less refused and cancelled), zero for one that never was. A location's short picks and
 * rejections ({@code FulfilmentRejected}) lower it. Broken down by {@link Dimension#TOTAL}, {@link Dimension#CHANNEL}
 * or {@link Dimension#LOCATION}, or line by line by {@link Dimension#CATEGORY} or {@link Dimension#SKU} (the units of
 * each line offered, less those of that line the customer cancelled, against those of that line filled).
 *
 * @param from      the first day of the bucket
 * @param to        the last day of the bucket
 * @param group     the channel, location, category or SKU; {@code "all"} for the total
 * @param requested units requested (the denominator)
 * @param filled    units filled (the numerator)
 * @param rate      {@code filled / requested}, 0 when nothing was requested
 */
public record FillRate(LocalDate from, LocalDate to, String group, long requested, long filled, double rate) {
}

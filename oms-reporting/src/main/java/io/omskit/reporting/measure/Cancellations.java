package io.omskit.reporting.measure;

import java.time.LocalDate;

/**
 * Cancellations: units cancelled ({@code OrderUnitsCancelled}), per reason, stamped on the day of the cancellation.
 * Broken down by {@link Dimension#TOTAL}, {@link Dimension#CHANNEL}, {@link Dimension#CATEGORY} or {@link Dimension#SKU}
 * (of each line cancelled: an order cancelling a tee and a mug counts once for tees and once for mugs), or
 * {@link Dimension#LOCATION}. By location it counts what is location-specific: units cancelled while offered to the
 * location ({@code FulfilmentCancelled}, the reason as the cancellation gave it); units cancelled before any location
 * had them belong to no location and are only in the other breakdowns. A location's refusals are {@link Rejections}.
 * Groups of an order whose placement is not known yet are {@code "unknown"}.
 *
 * @param from   the first day of the bucket
 * @param to     the last day of the bucket
 * @param group  the channel, location, category or SKU; {@code "all"} for the total
 * @param reason the cancellation reason
 * @param orders orders with units of the group cancelled for that reason
 * @param units  units cancelled
 */
public record Cancellations(LocalDate from, LocalDate to, String group, String reason, long orders, long units) {
}

package io.omskit.reporting.measure;

import java.time.LocalDate;

/**
 * Cancellations: units cancelled ({@code OrderUnitsCancelled}), per reason, stamped on the day of the cancellation.
 * Broken down by {@link Dimension#TOTAL} or {@link Dimension#CHANNEL}.
 *
 * @param from   the first day of the bucket
 * @param to     the last day of the bucket
 * @param group  the channel; {@code "all"} for the total
 * @param reason the cancellation reason
 * @param orders orders with units cancelled for that reason
 * @param units  units cancelled
 */
public record Cancellations(LocalDate from, LocalDate to, String group, String reason, long orders, long units) {
}

package io.omskit.reporting.measure;

import java.time.LocalDate;

/**
 * Why customers return: units authorised to come back per reason, stamped on the day of {@code ReturnAuthorised},
 * returns withdrawn later left out. Broken down by {@link Dimension#TOTAL}, {@link Dimension#CHANNEL}, {@link
 * Dimension#CATEGORY} or {@link Dimension#SKU}.
 *
 * @param from   the first day of the bucket
 * @param to     the last day of the bucket
 * @param group  the channel, category or SKU; {@code "all"} for the total
 * @param reason the return reason
 * @param units  units
 * @param share  their share of the group's returned units in the bucket
 */
public record ReturnReasons(LocalDate from, LocalDate to, String group, String reason, long units, double share) {
}

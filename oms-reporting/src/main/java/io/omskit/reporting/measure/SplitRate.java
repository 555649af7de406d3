package io.omskit.reporting.measure;

import java.time.LocalDate;

/**
 * Split rate: shipments per order. For the orders placed in the bucket (stamped on the day of {@code OrderPlaced}) that
 * have at least one fulfilment shipped or ready for collection, the number of such fulfilments divided by the number of
 * orders. Broken down by {@link Dimension#TOTAL} or {@link Dimension#CHANNEL}.
 *
 * @param from              the first day of the bucket
 * @param to                the last day of the bucket
 * @param group             the channel; {@code "all"} for the total
 * @param orders            orders with a shipment (the denominator)
 * @param shipments         their fulfilments shipped or ready for collection (the numerator)
 * @param shipmentsPerOrder {@code shipments / orders}, 0 when there are none
 * @param splitOrders       orders with more than one shipment
 */
public record SplitRate(LocalDate from, LocalDate to, String group, long orders, long shipments,
                        double shipmentsPerOrder, long splitOrders) {
}

package io.omskit.reporting.measure;

import java.time.LocalDate;

/**
 * Split rate: shipments per order. For the orders placed in the bucket (stamped on the day of {@code OrderPlaced}) that
 * have at least one fulfilment shipped or ready for collection, the number of such fulfilments divided by the number of
 * orders. Broken down by {@link Dimension#TOTAL} or {@link Dimension#CHANNEL} (each order once); by
 * {@link Dimension#LOCATION}, an order counts under each location that shipped or readied part of it, with all its
 * shipments (how split the orders a location takes part in are); by {@link Dimension#CATEGORY} or {@link Dimension#SKU},
 * under each category or SKU of its lines, with all its shipments (which goods come with split orders).
 *
 * @param from              the first day of the bucket
 * @param to                the last day of the bucket
 * @param group             the channel, location, category or SKU; {@code "all"} for the total
 * @param orders            orders with a shipment (the denominator)
 * @param shipments         their fulfilments shipped or ready for collection (the numerator)
 * @param shipmentsPerOrder {@code shipments / orders}, 0 when there are none
 * @param splitOrders       orders with more than one shipment
 */
public record SplitRate(LocalDate from, LocalDate to, String group, long orders, long shipments,
                        double shipmentsPerOrder, long splitOrders) {
}

package io.omskit.reporting.measure;

import java.time.Duration;
import java.time.LocalDate;

/**
 * Fulfilment speed, the processing time as Fluent Commerce's metrics measure it: from the order's placement
 * ({@code OrderPlaced}) to the moment a fulfilment of it was handed to the carrier ({@code FulfilmentShipped}, for home
 * delivery and drop-ship) or was ready for the customer to collect ({@code FulfilmentPacked} as ready for collection in
 * the store itself, {@code FulfilmentArrivedAtStore} after a transfer). One sample per fulfilment, stamped on the day it
 * was shipped or ready; percentiles by the nearest-rank method (the smallest sample with at least p% of the samples at
 * or below it). Broken down by {@link Dimension#TOTAL}, {@link Dimension#CHANNEL}, {@link Dimension#LOCATION} (where
 * the fulfilment was offered), {@link Dimension#CATEGORY} or {@link Dimension#SKU}. By SKU (category), a fulfilment is
 * one sample for each SKU (category) it carried units of, not refused nor cancelled: a multi-SKU order counts for each
 * of its SKUs with the time of the shipment that carried it, so an order whose tee left on day 1 and mug on day 3 gives
 * the tee a sample of one day and the mug one of three. Samples of one group are fulfilments, not units.
 *
 * @param from    the first day of the bucket
 * @param to      the last day of the bucket
 * @param group   the channel, location, category or SKU; {@code "all"} for the total
 * @param leg     which span is measured
 * @param samples fulfilments measured
 * @param p50     median
 * @param p90     90th percentile
 * @param p99     99th percentile
 * @param mean    arithmetic mean, to the millisecond
 */
public record FulfilmentSpeed(LocalDate from, LocalDate to, String group, Leg leg, long samples, Duration p50,
                              Duration p90, Duration p99, Duration mean) {

    /** The span of time measured. */
    public enum Leg {
        /** From placement to hand-over to the carrier, for fulfilments delivered to the customer's address. */
        PLACED_TO_SHIPPED,
        /** From placement to ready for collection, for click &amp; collect and ship-to-store fulfilments. */
        PLACED_TO_READY_FOR_PICKUP
    }
}

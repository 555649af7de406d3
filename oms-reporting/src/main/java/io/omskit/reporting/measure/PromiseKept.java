package io.omskit.reporting.measure;

import java.time.Duration;
import java.time.LocalDate;

/**
 * Promise kept: on time in full (OTIF) as the trade and Fluent Commerce's metrics define it, for orders that were
 * promised a window at checkout. A home delivery is <em>on time</em> when every fulfilment that went to the customer
 * was delivered ({@code FulfilmentDelivered}) by the latest instant of the promised window; a click &amp; collect or
 * ship-to-store order when every such fulfilment was ready for collection ({@code FulfilmentPacked} ready for
 * collection, {@code FulfilmentArrivedAtStore}) by it. It is <em>in full</em> when no unit was cancelled or refused
 * for good except at the customer's request. Each order is stamped on the day of its promise's latest instant and
 * counted once its outcome is known: it was completed, or the promise has passed (then it is late, however it ends).
 * Orders cancelled entirely are left out. Broken down by {@link Dimension#TOTAL} or {@link Dimension#CHANNEL} (each
 * order once); by {@link Dimension#LOCATION}, an order counts once under each location that fulfilled units of it, on
 * time when that location's own fulfilments completed by the promise (a location that rejected all it was offered is
 * not counted: the fill rate charges it); by {@link Dimension#CATEGORY} or {@link Dimension#SKU}, once under each
 * category or SKU of its lines, on time when the fulfilments holding units of those lines completed by the promise
 * (a group whose units were all cancelled while the rest arrived is left out). In full is the order's in every
 * breakdown: the customer got, or did not get, the whole order.
 *
 * @param from             the first day of the bucket
 * @param to               the last day of the bucket
 * @param group            the channel, location, category or SKU; {@code "all"} for the total
 * @param orders           promised orders whose outcome is known (the denominator)
 * @param onTime           of them, completed by the promise
 * @param inFull           of them, with no unit cancelled except at the customer's request
 * @param kept             of them, both on time and in full (the numerator)
 * @param rate             {@code kept / orders}, 0 when there are none
 * @param averageLateness  average lateness: the mean of (completion - promise) over the orders completed after their
 *                         promise, to the millisecond; zero when none was
 */
public record PromiseKept(LocalDate from, LocalDate to, String group, long orders, long onTime, long inFull, long kept,
                          double rate, Duration averageLateness) {
}

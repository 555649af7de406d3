package io.omskit.orchestration.carrier;

import io.omskit.core.common.Checks;
import io.omskit.core.shipping.Quote;
import java.time.LocalDate;
import org.joda.money.Money;

/**
 * One quoted service as the chooser weighed it.
 *
 * @param quote              the carrier's quote
 * @param scheduledDelivery  the day the quote delivers on (its cut-off day plus its transit days)
 * @param onTimeProbability  the learnt probability that it keeps the promise on the lane (smoothed); 0 to 1
 * @param parcelsOnLane      how many of its parcels on the lane that probability was learnt from
 * @param missProbability    the probability that it misses the promise: 1 when its schedule is already later than the
 *                           promise, otherwise 1 minus the on-time probability; 0 when nothing was promised
 * @param expectedCost       price plus the cost of missing the promise times the miss probability
 */
public record CarrierOption(Quote quote, LocalDate scheduledDelivery, double onTimeProbability, long parcelsOnLane,
                            double missProbability, Money expectedCost) {

    public CarrierOption {
        Checks.notNull(quote, "quote");
        Checks.notNull(scheduledDelivery, "scheduledDelivery");
        Checks.notNull(expectedCost, "expectedCost");
    }
}

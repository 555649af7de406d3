package io.omskit.orchestration.carrier;

import io.omskit.core.common.Checks;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.order.Order;
import io.omskit.core.shipping.Lane;
import io.omskit.core.shipping.Quote;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.joda.money.Money;

/**
 * Chooses the carrier service for a parcel: among its quotes, the one with the least expected cost, its price plus
 * the cost of missing the customer's promise times the probability of missing it. A quote whose schedule (cut-off day
 * plus transit days) is later than the promise misses it for certain; otherwise the probability is learnt from the
 * service's on-time record on the lane ({@link OnTimeRecord}). Ties go to the lower price, then the shorter transit,
 * then the service's name. Thread-safe; stateless apart from the record it reads.
 */
public final class CarrierChooser {

    private static final Comparator<CarrierOption> BEST_FIRST = Comparator
            .comparing((CarrierOption o) -> o.expectedCost().getAmount())
            .thenComparing(o -> o.quote().price().getAmount())
            .thenComparingInt(o -> o.quote().transitDays())
            .thenComparing(o -> o.quote().service().toString());

    private final OnTimeRecord record;
    private final Money costOfMissedPromise;

    private CarrierChooser(OnTimeRecord record, Money costOfMissedPromise) {
        this.record = record;
        this.costOfMissedPromise = costOfMissedPromise;
    }

    /**
     * A chooser reading {@code record}, that counts a missed promise as costing {@code costOfMissedPromise} (the
     * goodwill, refunds and contacts a late parcel costs the retailer).
     *
     * @throws IllegalArgumentException when either is null or the cost is negative
     */
    public static CarrierChooser of(OnTimeRecord record, Money costOfMissedPromise) {
        Checks.notNull(record, "record");
        Checks.notNull(costOfMissedPromise, "costOfMissedPromise");
        if (costOfMissedPromise.isNegative()) {
            throw new IllegalArgumentException("costOfMissedPromise must be >= 0, was " + costOfMissedPromise);
        }
        return new CarrierChooser(record, costOfMissedPromise);
    }

    /**
     * Weighs {@code quotes} for a parcel on {@code lane} promised for {@code promisedBy}.
     *
     * @param promisedBy the day promised to the customer; null when nothing was promised (the cheapest then wins)
     * @throws IllegalArgumentException when {@code quotes} or {@code lane} is null, or a quote's currency is not the
     *                                  cost of a missed promise's
     */
    public CarrierDecision choose(List<Quote> quotes, Lane lane, LocalDate promisedBy) {
        Checks.notNull(quotes, "quotes");
        Checks.notNull(lane, "lane");
        List<CarrierOption> options = new ArrayList<>(quotes.size());
        for (Quote q : quotes) {
            Checks.notNull(q, "quotes[]");
            if (!q.price().getCurrencyUnit().equals(costOfMissedPromise.getCurrencyUnit())) {
                throw new IllegalArgumentException("quotes must be in " + costOfMissedPromise.getCurrencyUnit()
                        + ", the currency of the cost of a missed promise, quote of " + q.service() + " was " + q.price());
            }
            LocalDate scheduled = q.collectionCutOff().atZone(ZoneOffset.UTC).toLocalDate().plusDays(q.transitDays());
            double onTime = record.onTimeProbability(q.service(), lane);
            double miss = promisedBy == null ? 0 : scheduled.isAfter(promisedBy) ? 1 : 1 - onTime;
            Money expected = q.price().plus(costOfMissedPromise.multipliedBy(miss, RoundingMode.HALF_EVEN));
            options.add(new CarrierOption(q, scheduled, onTime, record.tally(q.service(), lane).parcels(), miss, expected));
        }
        options.sort(BEST_FIRST);
        return new CarrierDecision(lane, promisedBy, options);
    }

    /**
     * {@link #choose(List, Lane, LocalDate)} for {@code fulfilment}'s parcel: the lane from its location to
     * {@code order}'s delivery address, the promise the end of the order's promised window (none when it has none).
     *
     * @throws IllegalArgumentException when the order is not the fulfilment's or has no delivery address
     */
    public CarrierDecision choose(List<Quote> quotes, Fulfilment fulfilment, Order order) {
        Checks.notNull(fulfilment, "fulfilment");
        Checks.notNull(order, "order");
        if (!fulfilment.orderId().equals(order.id())) {
            throw new IllegalArgumentException("order must be fulfilment " + fulfilment.id() + "'s order "
                    + fulfilment.orderId() + ", was " + order.id());
        }
        if (order.delivery().address() == null) {
            throw new IllegalArgumentException("order " + order.id() + " must have a delivery address to choose a carrier,"
                    + " it is " + order.delivery().method());
        }
        LocalDate promisedBy = order.delivery().promised() == null ? null
                : order.delivery().promised().latest().atZone(ZoneOffset.UTC).toLocalDate();
        return choose(quotes, Lane.to(fulfilment.location(), order.delivery().address()), promisedBy);
    }
}

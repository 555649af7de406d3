package io.omskit.orchestration.rules;

import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.TimeRange;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.DeliveryWindow;
import io.omskit.orchestration.spi.CostRule;
import io.omskit.orchestration.spi.CostSink;
import io.omskit.orchestration.spi.Justification;
import io.omskit.orchestration.spi.RuleInput;
import io.omskit.orchestration.spi.SourcingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/**
 * Charges for delivering after the promised window: the estimated arrival from a location is its next release
 * (now if it works today and is before its cut-off, else its next working day's opening, in its own time zone),
 * plus its processing lead time, plus transit ({@code baseHours} plus km at {@code kmPerHour}; none when collected
 * at the pickup store itself). Each hour after the window's end costs {@code perHour}, per shipment. Orders without
 * a promised window cost nothing. Named {@value #NAME}.
 */
public final class LatenessCost implements CostRule {

    /** The rule's name. */
    public static final String NAME = "lateness";

    private static final int SEARCH_DAYS = 14;

    /** The estimate against the promise. */
    public record Lateness(LocationId location, Instant estimatedArrival, Instant promisedLatest, double hoursLate,
                           double perHour) implements Justification {
        @Override
        public String summary() {
            return promisedLatest == null
                    ? location + ": no promised window, no lateness"
                    : String.format(java.util.Locale.ROOT, "%s would arrive %s, %.1f h after the promised %s, at %.2f per hour",
                    location, estimatedArrival, hoursLate, promisedLatest, perHour);
        }
    }

    private final double perHour;
    private final double baseHours;
    private final double kmPerHour;

    /**
     * @param perHour   cost per hour late, finite and at least 0
     * @param baseHours fixed transit time of a shipment in hours, finite and at least 0
     * @param kmPerHour average transit speed, finite and positive
     */
    public LatenessCost(double perHour, double baseHours, double kmPerHour) {
        this.perHour = Costs.nonNegative(perHour, "perHour");
        this.baseHours = Costs.nonNegative(baseHours, "baseHours");
        this.kmPerHour = Costs.positive(kmPerHour, "kmPerHour");
    }

    /** Charges {@code perHour} with a transit of 12 h plus 60 km/h. */
    public LatenessCost(double perHour) {
        this(perHour, 12, 60);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** True: the rule never reads the delivery method. */
    @Override
    public boolean alike(DeliveryMethod a, DeliveryMethod b) {
        return true;
    }

    @Override
    public Set<RuleInput> inputs() {
        return Set.of(RuleInput.DELIVERY, RuleInput.DESTINATION, RuleInput.TIME);
    }

    /** The estimated arrival from {@code location}. */
    public Instant estimatedArrival(SourcingContext context, int location) {
        Location l = context.location(location);
        Instant release = release(l, context.now());
        Instant ready = release.plus(l.processingLeadTime());
        if (location == context.pickupStore()) {
            return ready;
        }
        double hours = baseHours + Costs.legKm(context, location) / kmPerHour;
        return ready.plus(Duration.ofSeconds((long) Math.ceil(hours * 3600)));
    }

    private static Instant release(Location l, Instant now) {
        LocalDateTime local = LocalDateTime.ofInstant(now, l.zone());
        LocalDate day = local.toLocalDate();
        for (int d = 0; d <= SEARCH_DAYS; d++, day = day.plusDays(1)) {
            if (l.holidays().isClosure(day)) {
                continue;
            }
            List<TimeRange> hours = l.openingHours().on(day.getDayOfWeek());
            if (hours.isEmpty()) {
                continue;
            }
            LocalDateTime opening = day.atTime(hours.get(0).from());
            if (d == 0) {
                if (!local.toLocalTime().isBefore(l.orderCutOff())) {
                    continue;
                }
                return (local.isAfter(opening) ? local : opening).atZone(l.zone()).toInstant();
            }
            return opening.atZone(l.zone()).toInstant();
        }
        return now.plus(Duration.ofDays(SEARCH_DAYS));
    }

    private double hoursLate(SourcingContext context, int location) {
        DeliveryWindow promised = context.delivery().promised();
        if (promised == null) {
            return 0;
        }
        long seconds = Duration.between(promised.latest(), estimatedArrival(context, location)).getSeconds();
        return seconds <= 0 ? 0 : seconds / 3600.0;
    }

    @Override
    public void price(SourcingContext context, int location, CostSink sink) {
        if (perHour > 0) {
            sink.perShipment(perHour * hoursLate(context, location));
        }
    }

    @Override
    public Justification justify(SourcingContext context, int location) {
        DeliveryWindow promised = context.delivery().promised();
        return new Lateness(context.location(location).id(), estimatedArrival(context, location),
                promised == null ? null : promised.latest(), hoursLate(context, location), perHour);
    }
}

package io.omskit.orchestration.rules;

import io.omskit.core.network.LocationId;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.orchestration.spi.FilterRule;
import io.omskit.orchestration.spi.Justification;
import io.omskit.orchestration.spi.RuleInput;
import io.omskit.orchestration.spi.SourcingContext;
import java.util.Set;

/**
 * A location farther than a limit from the destination (the customer, or the pickup store) may not fulfil the
 * order. When the destination has no position the rule cannot judge and allows every location. Named {@value #NAME}.
 */
public final class MaxDistanceFilter implements FilterRule {

    /** The rule's name. */
    public static final String NAME = "max-distance";

    /** The location is too far. */
    public record TooFar(LocationId location, double distanceKm, double maxKm) implements Justification {
        @Override
        public String summary() {
            return location + " is " + Costs.wholeKm(distanceKm) + " km from the destination, limit " + Costs.wholeKm(maxKm) + " km";
        }
    }

    private final double maxKm;

    /** Excludes locations more than {@code maxKm} km away; must be finite and positive. */
    public MaxDistanceFilter(double maxKm) {
        if (!(maxKm > 0) || Double.isInfinite(maxKm)) {
            throw new IllegalArgumentException("maxKm must be finite and > 0, was " + maxKm);
        }
        this.maxKm = maxKm;
    }

    /** The limit in km. */
    public double maxKm() {
        return maxKm;
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
        return RuleInput.PER_DESTINATION;
    }

    @Override
    public Justification excludeOrder(SourcingContext context, int location) {
        double d = context.distanceKm(location);
        return d > maxKm ? new TooFar(context.location(location).id(), d, maxKm) : null;
    }

    @Override
    public boolean excludesOrder(SourcingContext context, int location) {
        return context.distanceKm(location) > maxKm;
    }
}

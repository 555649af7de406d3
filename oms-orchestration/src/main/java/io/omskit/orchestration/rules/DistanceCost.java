package io.omskit.orchestration.rules;

import io.omskit.core.network.LocationId;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.orchestration.spi.CostRule;
import io.omskit.orchestration.spi.CostSink;
import io.omskit.orchestration.spi.Justification;
import io.omskit.orchestration.spi.RuleInput;
import io.omskit.orchestration.spi.SourcingContext;
import java.util.Set;

/**
 * Prefers near locations: a cost per km from the location to the destination, per shipment. Named {@value #NAME}.
 */
public final class DistanceCost implements CostRule {

    /** The rule's name. */
    public static final String NAME = "distance";

    /** The distance charged. */
    public record DistanceCharge(LocationId location, double distanceKm, double perKm) implements Justification {
        @Override
        public String summary() {
            return String.format(java.util.Locale.ROOT, "%s is %.0f km away at %.4f per km", location, distanceKm, perKm);
        }
    }

    private final double perKm;

    /** Charges {@code perKm} per km per shipment; finite and at least 0. */
    public DistanceCost(double perKm) {
        this.perKm = Costs.nonNegative(perKm, "perKm");
    }

    /** The cost per km. */
    public double perKm() {
        return perKm;
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
    public void price(SourcingContext context, int location, CostSink sink) {
        sink.perShipment(perKm * Costs.legKm(context, location));
    }

    @Override
    public Justification justify(SourcingContext context, int location) {
        return new DistanceCharge(context.location(location).id(), Costs.legKm(context, location), perKm);
    }
}

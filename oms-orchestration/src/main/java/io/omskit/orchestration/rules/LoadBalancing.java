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
 * Spreads work over the network: a location costs {@code weight} times the share of its daily capacity already
 * used, per shipment, so that busy locations are used less. Named {@value #NAME}.
 */
public final class LoadBalancing implements CostRule {

    /** The rule's name. */
    public static final String NAME = "load-balancing";

    /** How busy the location is today. */
    public record Load(LocationId location, int dailyCapacity, int remaining, double cost) implements Justification {
        @Override
        public String summary() {
            return String.format(java.util.Locale.ROOT, "%s has %d of %d fulfilment(s) left today: %.2f", location, remaining,
                    dailyCapacity, cost);
        }
    }

    private final double weight;

    /** Charges up to {@code weight} (finite, at least 0) for a fully loaded location. */
    public LoadBalancing(double weight) {
        this.weight = Costs.nonNegative(weight, "weight");
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
        return Set.of(RuleInput.DELIVERY, RuleInput.CAPACITY);
    }

    private double cost(SourcingContext context, int location) {
        int capacity = context.location(location).dailyCapacity();
        if (capacity == 0) {
            return weight;
        }
        double usedShare = 1.0 - (double) Math.min(capacity, context.remainingCapacity(location)) / capacity;
        return weight * usedShare;
    }

    @Override
    public void price(SourcingContext context, int location, CostSink sink) {
        sink.perShipment(cost(context, location));
    }

    @Override
    public Justification justify(SourcingContext context, int location) {
        return new Load(context.location(location).id(), context.location(location).dailyCapacity(),
                context.remainingCapacity(location), cost(context, location));
    }
}

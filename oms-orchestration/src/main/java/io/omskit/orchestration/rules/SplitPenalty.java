package io.omskit.orchestration.rules;

import io.omskit.core.order.DeliveryMethod;
import io.omskit.orchestration.spi.CostRule;
import io.omskit.orchestration.spi.CostSink;
import io.omskit.orchestration.spi.Justification;
import io.omskit.orchestration.spi.RuleInput;
import io.omskit.orchestration.spi.SourcingContext;
import java.util.Set;

/**
 * A penalty for each shipment beyond the first, so that an order splits only when splitting saves more than the
 * penalty (customers dislike parcels arriving in pieces). Named {@value #NAME}.
 */
public final class SplitPenalty implements CostRule {

    /** The rule's name. */
    public static final String NAME = "split-penalty";

    /** The penalty charged per extra shipment. */
    public record SplitCharge(double perExtraShipment) implements Justification {
        @Override
        public String summary() {
            return String.format(java.util.Locale.ROOT, "%.2f per shipment beyond the first", perExtraShipment);
        }
    }

    private final double perExtraShipment;

    /** Charges {@code perExtraShipment} per shipment beyond the first; finite and at least 0. */
    public SplitPenalty(double perExtraShipment) {
        this.perExtraShipment = Costs.nonNegative(perExtraShipment, "perExtraShipment");
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
        return RuleInput.DELIVERY_ONLY;
    }

    @Override
    public void price(SourcingContext context, int location, CostSink sink) {
        // the penalty depends on the number of shipments, not on the location: see perExtraShipment
    }

    @Override
    public double perExtraShipment(SourcingContext context) {
        return perExtraShipment;
    }

    @Override
    public Justification justify(SourcingContext context, int location) {
        return new SplitCharge(perExtraShipment);
    }
}

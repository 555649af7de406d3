package io.omskit.orchestration.rules;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.orchestration.spi.CostRule;
import io.omskit.orchestration.spi.CostSink;
import io.omskit.orchestration.spi.Justification;
import io.omskit.orchestration.spi.OpportunityCosts;
import io.omskit.orchestration.spi.RuleInput;
import io.omskit.orchestration.spi.SourcingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Keeps scarce stock where other demand will need it: each unit taken costs what the host's
 * {@link OpportunityCosts} says keeping it there is worth (a demand forecast, an LP's shadow prices). Named {@value #NAME}.
 */
public final class OpportunityCost implements CostRule {

    /** The rule's name. */
    public static final String NAME = "opportunity-cost";

    /** The value of one unit of a SKU at the location. */
    public record SkuValue(Sku sku, double perUnit) {
    }

    /** The values of the order's SKUs at the location. */
    public record KeptValue(LocationId location, List<SkuValue> values) implements Justification {
        public KeptValue {
            values = List.copyOf(values);
        }

        @Override
        public String summary() {
            return location + " values its units of " + values;
        }
    }

    private final OpportunityCosts costs;

    /** Prices units with {@code costs}. */
    public OpportunityCost(OpportunityCosts costs) {
        this.costs = Checks.notNull(costs, "costs");
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
        return Set.of(RuleInput.DELIVERY, RuleInput.ITEMS);
    }

    @Override
    public void price(SourcingContext context, int location, CostSink sink) {
        Location l = context.location(location);
        for (int i = 0, n = context.itemCount(); i < n; i++) {
            double c = costs.perUnit(context.item(i).sku(), l);
            if (c != 0) {
                sink.perUnit(i, c);
            }
        }
    }

    @Override
    public Justification justify(SourcingContext context, int location) {
        Location l = context.location(location);
        List<SkuValue> values = new ArrayList<>();
        for (int i = 0; i < context.itemCount(); i++) {
            values.add(new SkuValue(context.item(i).sku(), costs.perUnit(context.item(i).sku(), l)));
        }
        return new KeptValue(l.id(), values);
    }
}

package io.omskit.orchestration.rules;

import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.orchestration.spi.CostRule;
import io.omskit.orchestration.spi.CostSink;
import io.omskit.orchestration.spi.Justification;
import io.omskit.orchestration.spi.RuleInput;
import io.omskit.orchestration.spi.SourcingContext;
import java.util.Set;

/**
 * Keeps the last units on a store's shelf for walk-in customers: each unit taken from the last {@code lastUnits}
 * units of a SKU at a store costs {@code perUnit}. Named {@value #NAME}.
 */
public final class ProtectStoreStock implements CostRule {

    /** The rule's name. */
    public static final String NAME = "protect-store-stock";

    /** The protection at the location. */
    public record ShelfProtection(LocationId location, LocationType locationType, int lastUnits, double perUnit) implements Justification {
        @Override
        public String summary() {
            return locationType == LocationType.STORE
                    ? String.format(java.util.Locale.ROOT, "each of the last %d unit(s) of a SKU at store %s costs %.2f", lastUnits, location, perUnit)
                    : location + " is not a store: no shelf protection";
        }
    }

    private final int lastUnits;
    private final double perUnit;

    /** Protects the last {@code lastUnits} (at least 1) units of each SKU at each store at {@code perUnit} each. */
    public ProtectStoreStock(int lastUnits, double perUnit) {
        this.lastUnits = Checks.positive(lastUnits, "lastUnits");
        this.perUnit = Costs.nonNegative(perUnit, "perUnit");
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
        if (context.locationType(location) != LocationType.STORE) {
            return;
        }
        for (int i = 0, n = context.itemCount(); i < n; i++) {
            sink.lastUnits(i, lastUnits, perUnit);
        }
    }

    @Override
    public Justification justify(SourcingContext context, int location) {
        return new ShelfProtection(context.location(location).id(), context.location(location).type(), lastUnits, perUnit);
    }
}

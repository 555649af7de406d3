package io.omskit.orchestration.rules;

import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.orchestration.spi.FilterRule;
import io.omskit.orchestration.spi.Justification;
import io.omskit.orchestration.spi.RuleInput;
import io.omskit.orchestration.spi.SourcingContext;
import java.util.Set;

/**
 * Locations the retailer took out of sourcing (a store under refit, a warehouse during stock-take). Exclusions of
 * a single request (after a rejection) are applied by the engine itself, see {@link ExcludedByRequestFilter}.
 * Named {@value #NAME}.
 */
public final class ExcludedLocationsFilter implements FilterRule {

    /** The rule's name. */
    public static final String NAME = "excluded-locations";

    /** The location is excluded by configuration. */
    public record ExcludedByConfiguration(LocationId location) implements Justification {
        @Override
        public String summary() {
            return location + " is excluded from sourcing by configuration";
        }
    }

    private final Set<LocationId> excluded;

    /** Excludes {@code excluded}. */
    public ExcludedLocationsFilter(Set<LocationId> excluded) {
        this.excluded = Checks.set(excluded, "excluded");
    }

    /** The excluded locations. */
    public Set<LocationId> excluded() {
        return excluded;
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

    /** True: the answer depends only on the location, the channel, the delivery method and the pickup store. */

    @Override
    public Set<RuleInput> inputs() {
        return RuleInput.DELIVERY_ONLY;
    }

    @Override
    public Justification excludeOrder(SourcingContext context, int location) {
        LocationId id = context.location(location).id();
        return excluded.contains(id) ? new ExcludedByConfiguration(id) : null;
    }
}

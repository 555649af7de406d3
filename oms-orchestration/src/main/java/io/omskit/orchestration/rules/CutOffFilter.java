package io.omskit.orchestration.rules;

import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.orchestration.spi.FilterRule;
import io.omskit.orchestration.spi.Justification;
import io.omskit.orchestration.spi.RuleInput;
import io.omskit.orchestration.spi.SourcingContext;
import java.time.LocalTime;
import java.util.Set;

/**
 * A location past its order cut-off (local time) cannot release the order today; for methods promising same-day
 * handling the location is excluded. Named {@value #NAME}.
 */
public final class CutOffFilter implements FilterRule {

    /** The rule's name. */
    public static final String NAME = "cut-off";

    /** The location's cut-off has passed. */
    public record PastCutOff(LocationId location, LocalTime localTime, LocalTime cutOff) implements Justification {
        @Override
        public String summary() {
            return location + " is past its " + cutOff + " cut-off (local time " + localTime + ")";
        }
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
    public boolean excludesOrder(SourcingContext context, int location) {
        Location l = context.location(location);
        return !LocalTime.ofInstant(context.now(), l.zone()).isBefore(l.orderCutOff());
    }

    @Override
    public Set<RuleInput> inputs() {
        return Set.of(RuleInput.DELIVERY, RuleInput.TIME);
    }

    @Override
    public Justification excludeOrder(SourcingContext context, int location) {
        Location l = context.location(location);
        LocalTime local = LocalTime.ofInstant(context.now(), l.zone());
        return local.isBefore(l.orderCutOff()) ? null : new PastCutOff(l.id(), local, l.orderCutOff());
    }
}

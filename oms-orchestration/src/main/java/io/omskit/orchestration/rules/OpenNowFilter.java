package io.omskit.orchestration.rules;

import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.orchestration.spi.FilterRule;
import io.omskit.orchestration.spi.Justification;
import io.omskit.orchestration.spi.RuleInput;
import io.omskit.orchestration.spi.SourcingContext;
import java.time.LocalDateTime;
import java.util.Set;

/**
 * A location must be open now, in its own time zone: not on one of its closure days and within its opening
 * hours. For methods that promise within hours (express click and collect, express delivery). Named {@value #NAME}.
 */
public final class OpenNowFilter implements FilterRule {

    /** The rule's name. */
    public static final String NAME = "open-now";

    /** The location is closed at the local time. */
    public record Closed(LocationId location, LocalDateTime localTime, String reason) implements Justification {
        @Override
        public String summary() {
            return location + " is closed at " + localTime + " local time (" + reason + ")";
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
    public Set<RuleInput> inputs() {
        return Set.of(RuleInput.DELIVERY, RuleInput.TIME);
    }

    @Override
    public Justification excludeOrder(SourcingContext context, int location) {
        Location l = context.location(location);
        LocalDateTime local = LocalDateTime.ofInstant(context.now(), l.zone());
        if (l.holidays().isClosure(local.toLocalDate())) {
            return new Closed(l.id(), local, "closure day");
        }
        if (!l.openingHours().isOpen(local.getDayOfWeek(), local.toLocalTime())) {
            return new Closed(l.id(), local, "outside opening hours");
        }
        return null;
    }
}

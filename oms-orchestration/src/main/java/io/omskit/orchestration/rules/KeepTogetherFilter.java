package io.omskit.orchestration.rules;

import io.omskit.core.network.LocationId;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.LineId;
import io.omskit.orchestration.spi.FilterRule;
import io.omskit.orchestration.spi.Justification;
import io.omskit.orchestration.spi.RuleInput;
import io.omskit.orchestration.spi.SourcingContext;
import io.omskit.orchestration.spi.SourcingItem;
import java.util.Set;

/**
 * Items of a group (the components of a bundle, or lines the request grouped) ship together, complete, from one
 * location: a location that cannot supply the whole group is excluded for its items, and the optimiser never
 * splits a group. Named {@value #NAME}.
 */
public final class KeepTogetherFilter implements FilterRule {

    /** The rule's name. */
    public static final String NAME = "keep-together";

    /** The location cannot supply the whole group. */
    public record GroupIncomplete(LocationId location, String group, LineId line) implements Justification {
        @Override
        public String summary() {
            return location + " cannot supply the whole group " + group + " that line " + line + " belongs to";
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
        return Set.of(RuleInput.DELIVERY, RuleInput.ITEMS, RuleInput.STOCK);
    }

    @Override
    public boolean keepsGroupsTogether() {
        return true;
    }

    @Override
    public Justification excludeItem(SourcingContext context, int item, int location) {
        SourcingItem it = context.item(item);
        if (it.group() == null) {
            return null;
        }
        for (int x = 0; x < context.itemCount(); x++) {
            SourcingItem other = context.item(x);
            if (!it.group().equals(other.group())) {
                continue;
            }
            int need = 0;
            for (int y = 0; y < context.itemCount(); y++) {
                SourcingItem same = context.item(y);
                if (it.group().equals(same.group()) && same.sku().equals(other.sku())) {
                    need += same.quantity();
                }
            }
            if (context.available(x, location) < need) {
                return new GroupIncomplete(context.location(location).id(), it.group(), it.line());
            }
        }
        return null;
    }
}

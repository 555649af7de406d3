package io.omskit.orchestration.rules;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.LineId;
import io.omskit.orchestration.spi.FilterRule;
import io.omskit.orchestration.spi.Justification;
import io.omskit.orchestration.spi.RuleInput;
import io.omskit.orchestration.spi.SourcingContext;
import java.util.Set;

/**
 * A location may fulfil an item only with enough available stock after safety stock: at least a minimum number of
 * units, or the whole item (so that a line is never split across locations). Locations holding no unit at all are
 * never candidates for the item whatever the rule set. Named {@value #NAME}.
 */
public final class EnoughStockFilter implements FilterRule {

    /** The rule's name. */
    public static final String NAME = "enough-stock";

    /** The location holds fewer units than required. */
    public record NotEnoughStock(LocationId location, LineId line, Sku sku, int available, int required) implements Justification {
        @Override
        public String summary() {
            return location + " has " + available + " unit(s) of " + sku + " available, " + required + " required";
        }
    }

    private final int minimumUnits;
    private final boolean wholeItem;

    private EnoughStockFilter(int minimumUnits, boolean wholeItem) {
        this.minimumUnits = minimumUnits;
        this.wholeItem = wholeItem;
    }

    /** Requires at least {@code units} available units (at least 1). */
    public static EnoughStockFilter atLeast(int units) {
        return new EnoughStockFilter(Checks.positive(units, "units"), false);
    }

    /** Requires the item's whole quantity: a line is never split across locations. */
    public static EnoughStockFilter wholeLine() {
        return new EnoughStockFilter(1, true);
    }

    /** Whether the whole item is required. */
    public boolean wholeItem() {
        return wholeItem;
    }

    /** The minimum units required when not the whole item. */
    public int minimumUnits() {
        return minimumUnits;
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
    public boolean keepsItemsWhole() {
        return wholeItem;
    }

    @Override
    public boolean excludesItem(SourcingContext context, int item, int location) {
        return context.available(item, location) < required(context, item);
    }

    private int required(SourcingContext context, int item) {
        return wholeItem ? context.item(item).quantity() : Math.min(minimumUnits, context.item(item).quantity());
    }

    @Override
    public Justification excludeItem(SourcingContext context, int item, int location) {
        int required = required(context, item);
        int available = context.available(item, location);
        if (available >= required) {
            return null;
        }
        return new NotEnoughStock(context.location(location).id(), context.item(item).line(), context.item(item).sku(),
                available, required);
    }
}

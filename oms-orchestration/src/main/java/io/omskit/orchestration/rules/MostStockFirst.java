package io.omskit.orchestration.rules;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.orchestration.spi.CostRule;
import io.omskit.orchestration.spi.CostSink;
import io.omskit.orchestration.spi.Justification;
import io.omskit.orchestration.spi.RuleInput;
import io.omskit.orchestration.spi.SourcingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Prefers the locations holding the most stock: each unit of an item taken at a location costs
 * {@code weight / (1 + available)}, where {@code available} is what the location holds of the item's SKU for this
 * demand (after safety stock, through the channel's exposure). A location holding more is strictly cheaper per unit,
 * so the plan drains the fullest location first and leaves thin stock where it is. Named {@value #NAME}.
 *
 * <p>The cost is read from the location's own stock, not from a ranking against the others, so a rule author can
 * check it location by location. The differences shrink as stock grows (between 40 and 25 units they are about
 * 1.4% of {@code weight}): a weight well above the other costs of the set makes the preference decide, a small one
 * makes it break ties.
 */
public final class MostStockFirst implements CostRule {

    /** The rule's name. */
    public static final String NAME = "most-stock-first";

    /**
     * What the location holds of one item's SKU and what a unit of it costs there.
     *
     * @param sku       the item's SKU
     * @param available units there after safety stock
     * @param perUnit   the cost of each unit taken there
     */
    public record Held(Sku sku, int available, double perUnit) {
    }

    /**
     * The stock the location holds of each item, most first wins.
     *
     * @param location the location
     * @param held     per item of the demand, in item order
     */
    public record StockHeld(LocationId location, List<Held> held) implements Justification {
        public StockHeld {
            held = List.copyOf(held);
        }

        @Override
        public String summary() {
            StringBuilder s = new StringBuilder(location.toString()).append(" holds");
            for (int k = 0; k < held.size(); k++) {
                Held h = held.get(k);
                s.append(k == 0 ? " " : ", ").append(String.format(Locale.ROOT, "%d of %s (%.2f per unit)",
                        h.available(), h.sku(), h.perUnit()));
            }
            return s.append("; the more a location holds, the less a unit there costs").toString();
        }
    }

    private final double weight;

    /** Charges {@code weight} (finite, at least 0; 0 prefers nothing) divided by one more than the units held, per unit. */
    public MostStockFirst(double weight) {
        this.weight = Costs.nonNegative(weight, "weight");
    }

    /** The weight. */
    public double weight() {
        return weight;
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

    private double cost(SourcingContext context, int item, int location) {
        return weight / (1.0 + context.available(item, location));
    }

    @Override
    public void price(SourcingContext context, int location, CostSink sink) {
        for (int i = 0, n = context.itemCount(); i < n; i++) {
            sink.perUnit(i, cost(context, i, location));
        }
    }

    @Override
    public Justification justify(SourcingContext context, int location) {
        List<Held> held = new ArrayList<>(context.itemCount());
        for (int i = 0, n = context.itemCount(); i < n; i++) {
            held.add(new Held(context.item(i).sku(), context.available(i, location), cost(context, i, location)));
        }
        return new StockHeld(context.location(location).id(), held);
    }
}

package io.omskit.orchestration;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.orchestration.demand.ItemQuestion;
import io.omskit.orchestration.internal.ItemPlanner;
import io.omskit.orchestration.result.ItemPlan;
import io.omskit.orchestration.stock.SkuStock;
import java.time.Instant;

/**
 * {@link SourcingEngine#planItem} for one channel and delivery, prepared once: what depends only on the rule set,
 * the channel and the delivery is settled when it is built, so that each question about a SKU asks only the rules
 * that read stock, capacity or time. A product page keeps one per channel, delivery method, destination and pickup
 * store. Obtain with {@link SourcingEngine#itemPlanning}; immutable and thread-safe.
 */
public final class ItemPlanning {

    private final ItemPlanner planner;
    private final ItemPlanner.Prepared prepared;
    private final Channel channel;
    private final DeliveryChoice delivery;

    ItemPlanning(ItemPlanner planner, ItemPlanner.Prepared prepared, Channel channel, DeliveryChoice delivery) {
        this.planner = planner;
        this.prepared = prepared;
        this.channel = channel;
        this.delivery = delivery;
    }

    /** The channel the questions come from. */
    public Channel channel() {
        return channel;
    }

    /** How the customer receives the units. */
    public DeliveryChoice delivery() {
        return delivery;
    }

    /**
     * The plan {@link SourcingEngine#planItem} gives for the {@link ItemQuestion} of this channel and delivery about
     * {@code quantity} units of {@code sku}, against {@code stock} (the SKU's stock as the channel sees it, with its
     * network limit), at {@code now}.
     *
     * @return the plan; null when the question needs the full engine (see {@link SourcingEngine#planItem})
     * @throws IllegalArgumentException when {@code quantity} is not positive
     */
    public ItemPlan plan(Sku sku, int quantity, SkuStock stock, Instant now) {
        Checks.notNull(sku, "sku");
        Checks.positive(quantity, "quantity");
        Checks.notNull(stock, "stock");
        Checks.notNull(now, "now");
        // an engine routed by another has no one-SKU fast path: the full plan answers
        if (planner == null) {
            return null;
        }
        return planner.plan(prepared, delivery, sku, quantity, stock, now);
    }
}

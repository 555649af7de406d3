package io.omskit.orchestration.demand;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.DeliveryChoice;

/**
 * A what-if question about one SKU: where would the engine take {@code quantity} units of it for an order of one
 * line from {@code channel}, delivered as {@code delivery}? The product page of a shop asks it for every delivery
 * method. See {@link io.omskit.orchestration.SourcingEngine#planItem}.
 *
 * @param channel  the order's channel (its stock exposure and rule set)
 * @param delivery how the customer receives the units
 * @param sku      the SKU
 * @param quantity units wanted, at least 1
 */
public record ItemQuestion(Channel channel, DeliveryChoice delivery, Sku sku, int quantity) {

    public ItemQuestion {
        Checks.notNull(channel, "channel");
        Checks.notNull(delivery, "delivery");
        Checks.notNull(sku, "sku");
        Checks.positive(quantity, "quantity");
    }
}

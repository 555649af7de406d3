package io.omskit.reporting.funds.spi;

import io.omskit.core.catalog.Sku;
import io.omskit.core.channel.Channel;
import io.omskit.core.common.Checks;
import io.omskit.core.fulfilment.FulfilmentKind;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.order.LineId;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.SellerRef;
import org.joda.money.Money;

/**
 * Units of one order line that reached the customer through one fulfilment (shipped to them or collected), or that
 * came back and were refunded: what a {@link StakeholderPolicy} splits among the parties.
 *
 * @param order        the order
 * @param channel      the order's channel
 * @param line         the order line
 * @param sku          the line's SKU
 * @param seller       the marketplace seller of the line; null when the retailer sells it
 * @param location     the location that fulfilled the units
 * @param locationType the kind of that location
 * @param kind         how the units reached the customer
 * @param handedOverBy the store that handed the units to the customer when they were collected; null for deliveries
 * @param units        how many units, at least 1
 * @param paid         what the customer paid for them net of every discount (charges such as shipping apart), at
 *                     least zero
 */
public record HandOver(OrderId order, Channel channel, LineId line, Sku sku, SellerRef seller, LocationId location,
                       LocationType locationType, FulfilmentKind kind, LocationId handedOverBy, int units, Money paid) {

    public HandOver {
        Checks.notNull(order, "order");
        Checks.notNull(channel, "channel");
        Checks.notNull(line, "line");
        Checks.notNull(sku, "sku");
        Checks.notNull(location, "location");
        Checks.notNull(locationType, "locationType");
        Checks.notNull(kind, "kind");
        Checks.positive(units, "units");
        Checks.notNull(paid, "paid");
        if (paid.isNegative()) {
            throw new IllegalArgumentException("paid must be >= 0, was " + paid);
        }
    }
}

package io.omskit.atp;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import io.omskit.core.channel.Channel;
import java.time.Instant;

/**
 * A product page asks: how and when can a shopper get {@code quantity} of {@code sku}?
 *
 * @param sku         the product; never null
 * @param quantity    units, at least 1
 * @param channel     the channel the shopper buys through; never null
 * @param destination where home delivery would go; null when unknown (home delivery is then unavailable)
 * @param store       the shopper's chosen pickup store; null when none (click and collect is then unavailable)
 * @param now         the moment of the question, from {@link Checks#EARLIEST_MOMENT} to {@link Checks#LATEST_MOMENT};
 *                    null for the {@link Atp}'s clock
 */
public record ProductPageRequest(Sku sku, int quantity, Channel channel, Destination destination, LocationId store,
                                 Instant now) {

    public ProductPageRequest {
        Checks.notNull(sku, "sku");
        Checks.positive(quantity, "quantity");
        Checks.notNull(channel, "channel");
        Checks.moment(now, "now");
    }

    /** A request for {@code quantity} of {@code sku} on {@code channel}, without destination, store or time. */
    public static ProductPageRequest of(Sku sku, int quantity, Channel channel) {
        return new ProductPageRequest(sku, quantity, channel, null, null, null);
    }

    /** This request delivering to {@code destination}. */
    public ProductPageRequest to(Destination newDestination) {
        return new ProductPageRequest(sku, quantity, channel, newDestination, store, now);
    }

    /** This request with {@code pickupStore} as the shopper's store. */
    public ProductPageRequest collectingAt(LocationId pickupStore) {
        return new ProductPageRequest(sku, quantity, channel, destination, pickupStore, now);
    }

    /** This request asked at {@code time}. */
    public ProductPageRequest at(Instant time) {
        return new ProductPageRequest(sku, quantity, channel, destination, store, time);
    }
}

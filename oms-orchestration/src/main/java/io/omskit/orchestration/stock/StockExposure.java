package io.omskit.orchestration.stock;

import io.omskit.core.common.Checks;
import io.omskit.core.inventory.ChannelExposure;
import io.omskit.core.inventory.ExposurePolicy;
import io.omskit.core.inventory.StockPosition;
import io.omskit.core.network.Location;
import io.omskit.core.channel.Channel;

/**
 * How many units of a position a channel may source: the channel's view of stock (for instance, the marketplace
 * sees only warehouse stock minus a buffer). Thread-safe and fast.
 */
@FunctionalInterface
public interface StockExposure {

    /** Units of {@code position} at {@code location} that {@code channel} may source; at least 0. */
    int exposed(Channel channel, Location location, StockPosition position);

    /** Every channel sees the position's available to sell (on hand minus reserved, allocated and safety stock). */
    static StockExposure availableToSell() {
        return (channel, location, position) -> position.availableToSell();
    }

    /** Each channel sees what its {@link ExposurePolicy} in {@code exposure} shows: some location types, minus a buffer. */
    static StockExposure of(ChannelExposure exposure) {
        Checks.notNull(exposure, "exposure");
        return (channel, location, position) -> {
            ExposurePolicy policy = exposure.policyFor(channel);
            return policy.sees(location) ? policy.exposed(position.availableToSell()) : 0;
        };
    }
}

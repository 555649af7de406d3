package io.omskit.atp;

import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import io.omskit.core.channel.Channel;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A cart asks: how and when can the shopper get all of it, together or in parts?
 *
 * @param lines       at least one line, ids unique
 * @param channel     the channel; never null
 * @param destination where home delivery would go; null when unknown
 * @param store       the chosen pickup store; null when none
 * @param now         the moment of the question, from {@link Checks#EARLIEST_MOMENT} to {@link Checks#LATEST_MOMENT};
 *                    null for the {@link Atp}'s clock
 */
public record CartRequest(List<CartLine> lines, Channel channel, Destination destination, LocationId store, Instant now) {

    public CartRequest {
        lines = Checks.list(lines, "lines");
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("lines must not be empty");
        }
        Set<String> ids = new HashSet<>();
        for (CartLine l : lines) {
            if (!ids.add(l.id())) {
                throw new IllegalArgumentException("lines must have unique ids, " + l.id() + " appears twice");
            }
        }
        Checks.notNull(channel, "channel");
        Checks.moment(now, "now");
    }

    /** A cart of {@code lines} on {@code channel}, without destination, store or time. */
    public static CartRequest of(Channel channel, List<CartLine> lines) {
        return new CartRequest(lines, channel, null, null, null);
    }

    /** This cart delivering to {@code newDestination}. */
    public CartRequest to(Destination newDestination) {
        return new CartRequest(lines, channel, newDestination, store, now);
    }

    /** This cart with {@code pickupStore} as the shopper's store. */
    public CartRequest collectingAt(LocationId pickupStore) {
        return new CartRequest(lines, channel, destination, pickupStore, now);
    }

    /** This cart asked at {@code time}. */
    public CartRequest at(Instant time) {
        return new CartRequest(lines, channel, destination, store, time);
    }
}

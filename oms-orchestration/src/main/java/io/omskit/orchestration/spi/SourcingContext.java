package io.omskit.orchestration.spi;

import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.orchestration.demand.Demand;
import java.time.Instant;

/**
 * What a rule can read about the demand being sourced (an order's units, or a shopper's what-if). Locations are
 * addressed by their dense index in {@link #network()}, items by their index in {@link #item(int)}. Values are fixed
 * for the duration of one sourcing computation, so a rule asked twice answers the same. Not thread-safe: one context
 * serves one computation.
 */
public interface SourcingContext {

    /**
     * The demand being sourced: its lines with their unit values and groups, its order; never null. A rule reading
     * more of it than {@link #channel()}, {@link #delivery()} and the {@link #item items} depends on
     * {@link RuleInput#DEMAND}.
     */
    Demand demand();

    /** The demand's channel; never null. A rule reading only this of the demand depends on {@link RuleInput#DELIVERY}. */
    default io.omskit.core.channel.Channel channel() {
        return demand().channel();
    }

    /**
     * How the customer receives it: the demand's delivery, or an alternative the engine plans besides (ship-to-store
     * for an express collection the store cannot complete); never null.
     */
    DeliveryChoice delivery();

    /** The fulfilment network; never null. */
    Network network();

    /** The location at dense index {@code location}; never null. */
    default Location location(int location) {
        return network().at(location);
    }

    /**
     * The type of the location at dense index {@code location}, as {@link #location(int)} gives it; never null.
     * Rules that read only the type should ask this: the engine answers it without reading the location.
     */
    default LocationType locationType(int location) {
        return location(location).type();
    }

    /** The time of the computation, from the engine's clock; never null. */
    Instant now();

    /** The number of items to source. */
    int itemCount();

    /** The item at {@code item}, from 0 to {@link #itemCount()} - 1; never null. */
    SourcingItem item(int item);

    /**
     * Units of the item's SKU available for this demand at {@code location}: after safety stock, through the
     * channel's exposure, in the stock snapshot the computation runs on. At least 0.
     */
    int available(int item, int location);

    /**
     * Where the goods go: the delivery address's position for home delivery, the pickup store's position for
     * click and collect; null when unknown (an address without a geocoded position).
     */
    GeoPoint destination();

    /** Great-circle distance from {@code location} to {@link #destination()} in km; NaN when the destination is unknown. */
    double distanceKm(int location);

    /** The dense index of the pickup store for click and collect; -1 for home delivery or an unknown store. */
    int pickupStore();

    /**
     * Fulfilments {@code location} can still take on its current local day: its daily capacity minus those
     * already counted by the capacity tracker; never below 0.
     */
    int remainingCapacity(int location);

    /** Whether the request excluded {@code location} for item {@code item} (for instance after a rejection there). */
    boolean isExcluded(int item, int location);
}

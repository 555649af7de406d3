package io.omskit.core.fulfilment;

import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.order.DeliveryChoice;

/** How a fulfilment's goods reach the customer; decides which steps it takes. */
public enum FulfilmentKind {
    /** Picked, packed and shipped to the customer's address by a warehouse or a store. */
    SHIP_TO_CUSTOMER,
    /** A transfer leg: packed and shipped to the pickup store, which receives it and hands it over against its code. */
    SHIP_TO_STORE,
    /** Picked from the pickup store's own shelf and collected there against its code. */
    COLLECT_IN_STORE,
    /** Shipped to the customer by a drop-shipper from its own stock. */
    DROP_SHIP;

    /** The kind of a fulfilment at {@code location} (of type {@code type}) for an order delivered as {@code delivery}. */
    public static FulfilmentKind of(DeliveryChoice delivery, LocationId location, LocationType type) {
        if (delivery.method().isPickup()) {
            return location.equals(delivery.pickupStore()) ? COLLECT_IN_STORE : SHIP_TO_STORE;
        }
        return type == LocationType.DROP_SHIPPER ? DROP_SHIP : SHIP_TO_CUSTOMER;
    }

    /** Whether the customer collects it in a store against a pickup code. */
    public boolean isCollected() {
        return this == SHIP_TO_STORE || this == COLLECT_IN_STORE;
    }
}

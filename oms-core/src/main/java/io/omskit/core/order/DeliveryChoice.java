package io.omskit.core.order;

import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;

/**
 * How and where the customer gets the order, and the window promised at checkout.
 *
 * @param method      the delivery method
 * @param address     the delivery address for home delivery; null for pickup
 * @param pickupStore the store of collection for click and collect; null for home delivery
 * @param promised    the window promised at checkout; null when none was shown
 */
public record DeliveryChoice(DeliveryMethod method, Address address, LocationId pickupStore, DeliveryWindow promised) {

    public DeliveryChoice {
        Checks.notNull(method, "method");
    }

    /** Home delivery to {@code address}. */
    public static DeliveryChoice home(DeliveryMethod method, Address address, DeliveryWindow promised) {
        return new DeliveryChoice(method, address, null, promised);
    }

    /** Collection at {@code store}. */
    public static DeliveryChoice pickup(DeliveryMethod method, LocationId store, DeliveryWindow promised) {
        return new DeliveryChoice(method, null, store, promised);
    }
}

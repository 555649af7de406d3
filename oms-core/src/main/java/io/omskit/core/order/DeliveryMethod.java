package io.omskit.core.order;

/** How the customer chose to receive an order. */
public enum DeliveryMethod {
    /** Home delivery at the standard service level. */
    STANDARD_DELIVERY(true),
    /** Home delivery at an express service level. */
    EXPRESS_DELIVERY(true),
    /** Collect in store within hours, from the store's own stock. */
    EXPRESS_CLICK_AND_COLLECT(false),
    /** Collect in store after a transfer from a warehouse. */
    SHIP_TO_STORE(false);

    private final boolean home;

    DeliveryMethod(boolean home) {
        this.home = home;
    }

    /** Whether the order goes to an address (as opposed to being collected in a store). */
    public boolean isHomeDelivery() {
        return home;
    }

    /** Whether the customer collects the order in a store. */
    public boolean isPickup() {
        return !home;
    }
}

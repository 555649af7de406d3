package io.omskit.core.network;

/** The kind of a location of the fulfilment network. */
public enum LocationType {
    /** A distribution centre: ships, receives transfers, usually no customers on site. */
    WAREHOUSE,
    /** A shop: can offer click and collect, ship from store and accept returns. */
    STORE,
    /** A supplier that ships to customers from its own stock feed. */
    DROP_SHIPPER
}

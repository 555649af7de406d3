package io.omskit.core.order;

/** Where an order was taken. */
public enum Channel {
    WEB, APP, MARKETPLACE, STORE, CONTACT_CENTRE
}

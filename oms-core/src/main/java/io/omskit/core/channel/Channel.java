package io.omskit.core.channel;

/** Where an order was taken. */
public enum Channel {
    WEB, APP, MARKETPLACE, STORE, CONTACT_CENTRE
}

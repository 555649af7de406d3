package io.omskit.reporting.measure;

/** What a measure is broken down by. Each measure says which it supports. */
public enum Dimension {
    /** Not broken down: one row per bucket, group {@code "all"}. */
    TOTAL,
    /** The channel the order was taken in. */
    CHANNEL,
    /** The location a fulfilment was offered to, or the stock position's location. */
    LOCATION,
    /** The merchandising category of the SKU, from the host's catalog. */
    CATEGORY,
    /** The SKU. */
    SKU
}

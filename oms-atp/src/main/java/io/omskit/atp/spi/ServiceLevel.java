package io.omskit.atp.spi;

/** The carrier service a leg travels with. */
public enum ServiceLevel {
    /** Home delivery at the standard service level. */
    STANDARD,
    /** Home delivery at an express service level. */
    EXPRESS,
    /** A transfer between locations, for instance from a warehouse to the pickup store of a ship-to-store order. */
    TRANSFER
}

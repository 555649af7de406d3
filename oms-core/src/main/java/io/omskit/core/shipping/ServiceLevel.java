package io.omskit.core.shipping;

/** How fast a carrier service is meant to be, as the carrier sells it. */
public enum ServiceLevel {
    /** Slowest and cheapest (deferred, ground). */
    ECONOMY,
    /** The carrier's normal parcel service. */
    STANDARD,
    /** Faster than standard (express, priority). */
    EXPRESS,
    /** Delivered the next working day. */
    NEXT_DAY,
    /** Delivered the day it is collected. */
    SAME_DAY
}

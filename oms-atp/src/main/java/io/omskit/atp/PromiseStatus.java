package io.omskit.atp;

/** Whether a delivery method can be promised. */
public enum PromiseStatus {
    /** Available now, from stock on hand, within the promised window. */
    AVAILABLE,
    /** Not from stock on hand, but from inbound supply: a later window ("back in stock"). */
    LATER,
    /** Cannot be promised; the promise says why. */
    UNAVAILABLE
}

package io.omskit.core.backorder;

/** What the waiting units of a {@link Backorder} are sold against. */
public enum SupplyKind {
    /** Announced inbound supply: promised for the expected date of the inbound that covers the units. */
    PREORDER,
    /** Nothing announced yet (the backorder limit): no date until supply is announced. */
    BACKORDER
}

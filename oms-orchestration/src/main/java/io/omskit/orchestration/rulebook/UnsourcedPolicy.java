package io.omskit.orchestration.rulebook;

/** What becomes of units a plan leaves unsourced on purpose: it names the cost an {@link UnsourcedCost} prices. */
public enum UnsourcedPolicy {
    /** The customer does not get the units and the sale is lost (a marketplace offer, a one-off promotion). */
    LOST_SALE,
    /** The units wait for stock to come in and ship later, at the cost of a second shipment and a later date. */
    BACKORDER,
    /** The units are cancelled and refunded, with the goodwill that costs. */
    CANCELLATION
}

package io.omskit.orchestration.plan;

/** What a planned fulfilment does with the units it takes. */
public enum LegKind {
    /** Ships them to the customer's address: from a warehouse, from a store (ship from store), or from a drop-shipper. */
    DELIVER,
    /** The customer collects them at this store, from its own stock. */
    COLLECT,
    /** Ships them to the pickup store, where the customer collects them (ship-to-store). */
    TRANSFER
}

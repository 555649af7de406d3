package io.omskit.orchestration.rulebook;

/** Whether an order may ship in several parts. */
public enum SplitPolicy {
    /** Units may come from several locations (up to the rule set's maximum number of shipments); what cannot be sourced is backordered. */
    SHIP_PARTIAL,
    /** The whole order ships from one location, or nothing is sourced. */
    SHIP_COMPLETE
}

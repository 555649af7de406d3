package io.omskit.orchestration.plan;

/** Why units could not be sourced. */
public enum UnsourcedReason {
    /** No location of the network holds enough of the SKU for this channel. */
    NO_STOCK,
    /** There is stock, but the rule set's filters (or the request's exclusions) exclude the locations holding it. */
    EXCLUDED_BY_RULES,
    /** Eligible stock exists, but taking it would need more shipments than the rule set allows. */
    SHIPMENT_LIMIT,
    /** The rule set ships complete and no single eligible location holds the whole order. */
    NOT_SHIPPABLE_COMPLETE,
    /** The items of a group (a bundle) must ship together and no single eligible location holds the whole group. */
    GROUP_NOT_TOGETHER,
    /**
     * Eligible stock exists, but shipping the units would cost more than the rule set's cost of leaving them
     * unsourced ({@link io.omskit.orchestration.rulebook.RuleSet#unsourcedCost()}).
     */
    NOT_WORTH_SHIPPING
}

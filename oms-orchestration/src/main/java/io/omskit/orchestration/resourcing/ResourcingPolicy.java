package io.omskit.orchestration.resourcing;

import io.omskit.core.common.Checks;

/**
 * How many times units refused by locations are sourced again, and what becomes of them after that.
 *
 * @param maxAttempts  re-sourcing attempts per order before giving up; at least 1
 * @param whenGivingUp backorder or cancel the units
 */
public record ResourcingPolicy(int maxAttempts, Action whenGivingUp) {

    /** What to do with units that could not be re-sourced. */
    public enum Action {
        /** Keep them open, to be sourced when stock arrives. */
        BACKORDER,
        /** Cancel them (and refund the customer). */
        CANCEL
    }

    public ResourcingPolicy {
        Checks.positive(maxAttempts, "maxAttempts");
        Checks.notNull(whenGivingUp, "whenGivingUp");
    }

    /** Three attempts, then backorder. */
    public static ResourcingPolicy standard() {
        return new ResourcingPolicy(3, Action.BACKORDER);
    }
}

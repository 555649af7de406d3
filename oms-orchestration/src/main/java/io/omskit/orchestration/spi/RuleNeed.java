package io.omskit.orchestration.spi;

import java.util.Set;

/**
 * What a rule needs the engine to do for it besides asking it. A rule states its needs by implementing
 * {@link DeclaresNeeds}; a rule set needs what any of its rules needs ({@code RuleSet#needs()}).
 */
public enum RuleNeed {

    /**
     * Fulfilments held to each location's daily capacity when plans are applied. The engine always counts one
     * fulfilment per location of a plan it allocates ({@link CapacityTracker}); under a rule set with this need it
     * also refuses a location whose count has reached its daily capacity and plans again, so that concurrent
     * sourcing never takes more, and promises made under the rule set hold only while their locations have capacity
     * left.
     */
    DAILY_CAPACITY,

    /**
     * The locations the request excluded ({@link SourcingContext#isExcluded}), and nothing else: the rule excludes
     * only locations the request excluded, so the engine does not ask it about a request that excludes none.
     */
    REQUEST_EXCLUSIONS;

    /** What {@code rule} needs: what it declares ({@link DeclaresNeeds}), else nothing. Never null. */
    public static Set<RuleNeed> of(SourcingRule rule) {
        return rule instanceof DeclaresNeeds d ? d.needs() : Set.of();
    }
}

package io.omskit.orchestration.spi;

import java.util.Set;

/**
 * Optional for a {@link SourcingRule}: what the rule needs the engine to do besides asking it ({@link RuleNeed}). A
 * rule that does not implement it needs nothing.
 */
public interface DeclaresNeeds {

    /** What the rule needs; never null, empty for nothing. */
    Set<RuleNeed> needs();
}

package io.omskit.orchestration.rulebook;

import io.omskit.orchestration.spi.SourcingRule;

/**
 * Makes a rule from its parameters in a rule-book document; registered by name on {@link RuleBookJson}.
 * A factory reads every parameter it accepts through {@link RuleParameters} (which reports missing, mistyped and
 * unknown ones) and may throw {@link IllegalArgumentException} for values the rule refuses.
 */
@FunctionalInterface
public interface RuleFactory {

    /**
     * The rule; a {@link io.omskit.orchestration.spi.FilterRule} where the document lists filters, a
     * {@link io.omskit.orchestration.spi.CostRule} where it lists costs.
     */
    SourcingRule create(RuleParameters parameters);
}

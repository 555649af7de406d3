package io.omskit.orchestration.explain;

import io.omskit.core.common.Checks;
import io.omskit.orchestration.spi.Justification;

/**
 * What one cost rule charges at one location, for the units the location takes (or could take).
 *
 * @param rule   the cost rule's name
 * @param amount the cost
 * @param why    the rule's justification
 */
public record RuleCost(String rule, double amount, Justification why) {

    public RuleCost {
        Checks.notBlank(rule, "rule");
        Checks.notNull(why, "why");
    }
}

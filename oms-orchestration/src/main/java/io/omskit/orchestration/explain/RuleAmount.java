package io.omskit.orchestration.explain;

import io.omskit.core.common.Checks;

/** The part of a total cost one rule contributed. */
public record RuleAmount(String rule, double amount) {

    public RuleAmount {
        Checks.notBlank(rule, "rule");
    }
}

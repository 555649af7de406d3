package io.omskit.core.permission;

import io.omskit.core.common.Checks;

/**
 * What an {@link ActionPolicy} decided: allowed, or refused by a named rule for a reason.
 *
 * @param allowed whether the actor may go ahead
 * @param rule    the name of the rule that refused, such as {@value DefaultActionPolicy#CUSTOMER_CANCELS_BEFORE_PREPARATION};
 *                empty when allowed
 * @param reason  why, in words an agent can read out; empty when allowed
 */
public record Verdict(boolean allowed, String rule, String reason) {

    private static final Verdict ALLOWED = new Verdict(true, "", "");

    public Verdict {
        Checks.notNull(rule, "rule");
        Checks.notNull(reason, "reason");
        if (!allowed) {
            Checks.notBlank(rule, "rule");
            Checks.notBlank(reason, "reason");
        }
    }

    /** The actor may go ahead. */
    public static Verdict allow() {
        return ALLOWED;
    }

    /** The rule {@code rule} refuses, because {@code reason}. */
    public static Verdict refuse(String rule, String reason) {
        return new Verdict(false, rule, reason);
    }

    /** Whether the rule refused. */
    public boolean refused() {
        return !allowed;
    }

    @Override
    public String toString() {
        return allowed ? "allowed" : "refused by " + rule + ": " + reason;
    }
}

package io.omskit.orchestration.result;

import io.omskit.core.common.Checks;
import io.omskit.orchestration.plan.UnsourcedReason;

/**
 * The answer of {@link io.omskit.orchestration.SourcingEngine#planIfComplete}: the engine's plan when a plan sourcing every unit may exist,
 * or, when none can, why not (without the search for the cheapest partial plan).
 *
 * @param plan   the engine's plan, the same as {@link io.omskit.orchestration.SourcingEngine#plan(SourcingRequest, StockSnapshot,
 *               java.time.Instant)} computes; null when no plan can source every unit
 * @param reason why no plan can source every unit; null when {@code plan} is given
 * @param detail the figures behind the reason, for people; empty when {@code plan} is given
 */
public record Completion(SourcingPlan plan, UnsourcedReason reason, String detail) {

    public Completion {
        if ((plan == null) == (reason == null)) {
            throw new IllegalArgumentException("a completion needs either a plan or a reason, had " + plan + " and " + reason);
        }
        detail = detail == null ? "" : detail;
    }

    /** The engine computed {@code plan}. */
    public static Completion of(SourcingPlan plan) {
        return new Completion(Checks.notNull(plan, "plan"), null, "");
    }

    /** No plan can source every unit, because of {@code reason}. */
    public static Completion impossible(UnsourcedReason reason, String detail) {
        return new Completion(null, Checks.notNull(reason, "reason"), detail);
    }

    /** Whether the engine computed a plan (which may still leave units unsourced when it is not proven optimal). */
    public boolean planned() {
        return plan != null;
    }
}

package io.omskit.orchestration.engine;

import io.omskit.core.common.Checks;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.resourcing.ResourcingPolicy;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.result.UnsourcedDisposition;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An engine's answer for one demand: the plan (its fulfilments, unsourced units and explanation), who decided, and
 * what the caller should do with the units it leaves unsourced.
 *
 * @param plan          the plan; never null. When the engine waits, the units it waits for are unsourced (the plan
 *                      ships what earlier steps that ship what they find planned, usually nothing)
 * @param decidedBy     the engine, or the engine's step, that decided (such as {@code optimiser} or
 *                      {@code stage 2 'warehouses by priority'}); never blank
 * @param waitUntil     when the engine asks to be asked again: a stage that offers the order to stores for two hours
 *                      answers "wait until" two hours after the demand first reached it; null when the plan is final
 * @param whenUnsourced what becomes of units the plan leaves unsourced: backordered (left open) or cancelled
 * @param steps         the steps that led to the decision, in order (a staged engine's stages, each with why it
 *                      found nothing or what it decided); empty for an engine without steps
 * @param waitingSince  when waiting, when the demand first reached the waiting step: the caller keeps it and passes
 *                      it back with {@link SourcingRequest#withStepReached} so that the wait is not restarted; null
 *                      when not waiting
 */
public record EngineDecision(SourcingPlan plan, String decidedBy, Instant waitUntil,
                             ResourcingPolicy.Action whenUnsourced, List<DecisionStep> steps, Instant waitingSince) {

    public EngineDecision {
        Checks.notNull(plan, "plan");
        Checks.notBlank(decidedBy, "decidedBy");
        Checks.notNull(whenUnsourced, "whenUnsourced");
        steps = List.copyOf(Checks.notNull(steps, "steps"));
        if ((waitUntil == null) != (waitingSince == null) || waitUntil != null && !waitUntil.isAfter(waitingSince)) {
            throw new IllegalArgumentException("waitingSince must be set, and before waitUntil, exactly when waiting: was "
                    + waitingSince + " with waitUntil " + waitUntil);
        }
        if (waitUntil != null && plan.isComplete()) {
            throw new IllegalArgumentException("plan must leave units unsourced when waiting until " + waitUntil
                    + ", plans all " + plan.plannedUnits() + " unit(s)");
        }
    }

    /** {@code plan} as decided by {@code engine}, final, units it leaves unsourced to backorder. */
    public static EngineDecision of(SourcingPlan plan, String engine) {
        return new EngineDecision(plan, engine, null, ResourcingPolicy.Action.BACKORDER, List.of(), null);
    }

    /** Whether the engine asks to be asked again later rather than deciding now. */
    public boolean isWaiting() {
        return waitUntil != null;
    }

    /** When to ask again, when the engine waits. */
    public Optional<Instant> retryAt() {
        return Optional.ofNullable(waitUntil);
    }

    /** The last step reached (the one that decided, waited, backordered or cancelled), if the engine has steps. */
    public Optional<DecisionStep> lastStepReached() {
        for (int k = steps.size() - 1; k >= 0; k--) {
            if (steps.get(k).outcome() != StepOutcome.NOT_REACHED) {
                return Optional.of(steps.get(k));
            }
        }
        return Optional.empty();
    }

    /** The step that decided, if the engine has steps. */
    public Optional<DecisionStep> decidingStep() {
        for (DecisionStep s : steps) {
            if (s.outcome() != StepOutcome.FOUND_NOTHING && s.outcome() != StepOutcome.NOT_REACHED) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** What this decision decided for the units it leaves unsourced. */
    public UnsourcedDisposition disposition() {
        String step = lastStepReached().map(DecisionStep::name).orElse(decidedBy());
        if (isWaiting()) {
            return new UnsourcedDisposition(UnsourcedDisposition.Action.WAIT, decidedBy(), step, waitingSince(), waitUntil());
        }
        return new UnsourcedDisposition(whenUnsourced() == ResourcingPolicy.Action.CANCEL ? UnsourcedDisposition.Action.CANCEL
                : UnsourcedDisposition.Action.BACKORDER, decidedBy(), step, null, null);
    }
}

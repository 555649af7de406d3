package io.omskit.orchestration.engine;

import io.omskit.core.common.Checks;

/**
 * One step of an engine's decision, for explanations: the stage of a staged engine, say, and what it came to.
 *
 * @param index   the step's position, from 0
 * @param name    the step's name (a stage's name)
 * @param outcome what it came to
 * @param why     why, for people: the stage's plan, or why it found nothing; never null
 */
public record DecisionStep(int index, String name, StepOutcome outcome, String why) {

    public DecisionStep {
        Checks.notNegative(index, "index");
        Checks.notBlank(name, "name");
        Checks.notNull(outcome, "outcome");
        why = why == null ? "" : why;
    }

    @Override
    public String toString() {
        return "stage " + (index + 1) + " '" + name + "': " + outcome + (why.isEmpty() ? "" : " (" + why + ")");
    }
}

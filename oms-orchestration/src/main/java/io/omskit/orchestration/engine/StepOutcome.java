package io.omskit.orchestration.engine;

/** What one step of an engine's decision (a stage of staged routing) came to. */
public enum StepOutcome {
    /** The step found a plan, and it is the decision. */
    DECIDED,
    /** The step found nothing and handed the demand to the next one. */
    FOUND_NOTHING,
    /**
     * The step planned some of the units and ships them; the rest went on as its configuration says (to the next step,
     * or waiting, backordered or cancelled).
     */
    SHIPPED_PART,
    /** The step found nothing and asks the caller to try again later. */
    WAITING,
    /** The step found nothing and gives the units up to backorder. */
    BACKORDERED,
    /** The step found nothing and gives the units up to cancellation. */
    CANCELLED,
    /** The step was not reached: an earlier one decided. */
    NOT_REACHED
}

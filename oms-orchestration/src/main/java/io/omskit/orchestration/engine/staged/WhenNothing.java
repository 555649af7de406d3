package io.omskit.orchestration.engine.staged;

import java.time.Duration;

/**
 * What a stage does when it finds no plan sourcing every unit.
 *
 * @param action what to do
 * @param waitFor for {@link Action#WAIT}, how long after the demand first reached the stage it keeps waiting
 *               (positive, at most 30 days); null otherwise
 */
public record WhenNothing(Action action, Duration waitFor) {

    /** The actions. */
    public enum Action {
        /** Hand the demand to the next stage (after the last stage: backorder). */
        NEXT_STAGE,
        /**
         * Until {@code waitFor} after the demand first reached the stage, answer "wait until then" (a store is offered
         * the order for two hours, say); after that, hand it to the next stage.
         */
        WAIT,
        /** Give every unit up to backorder: no later stage is tried. */
        BACKORDER,
        /** Give every unit up to cancellation: no later stage is tried. */
        CANCEL
    }

    /** The longest wait: 30 days. */
    public static final Duration MAX_WAIT = Duration.ofDays(30);

    public WhenNothing {
        if (action == null) {
            throw new NullPointerException("action must not be null");
        }
        if (action == Action.WAIT) {
            if (waitFor == null || waitFor.isNegative() || waitFor.isZero() || waitFor.compareTo(MAX_WAIT) > 0) {
                throw new IllegalArgumentException("waitFor must be positive and at most " + MAX_WAIT + " for WAIT, was "
                        + waitFor);
            }
        } else if (waitFor != null) {
            throw new IllegalArgumentException("waitFor must be null for " + action + ", was " + waitFor);
        }
    }

    /** Try the next stage. */
    public static WhenNothing nextStage() {
        return new WhenNothing(Action.NEXT_STAGE, null);
    }

    /** Wait until {@code duration} after the demand first reached the stage, then try the next stage. */
    public static WhenNothing waitFor(Duration duration) {
        return new WhenNothing(Action.WAIT, duration);
    }

    /** Backorder everything. */
    public static WhenNothing backorder() {
        return new WhenNothing(Action.BACKORDER, null);
    }

    /** Cancel everything. */
    public static WhenNothing cancel() {
        return new WhenNothing(Action.CANCEL, null);
    }

    /** Whether a later stage can be reached after this one found nothing. */
    public boolean fallsThrough() {
        return action == Action.NEXT_STAGE || action == Action.WAIT;
    }

    @Override
    public String toString() {
        return action == Action.WAIT ? "WAIT " + waitFor : action.name();
    }
}

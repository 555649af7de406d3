package io.omskit.orchestration.result;

import io.omskit.core.common.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * What the engine decided for the units a sourcing leaves unsourced: leave them open to be sourced when stock comes
 * (backorder), source them again at a given moment (a stage offering the order to stores waits), or cancel them (the
 * routing rules say so). A host's scheduler reads {@link #retryAt()} and asks again then.
 *
 * @param action       backorder, wait or cancel
 * @param decidedBy    the engine, or its step, that decided (such as {@code stage 2 'warehouses'}); never blank
 * @param step         the name of the last step reached (the stage that waits, backorders or cancels) for an engine
 *                      with steps, else who decided
 * @param waitingSince for {@link Action#WAIT}: when the demand first reached the waiting step; null otherwise
 * @param retryAt      for {@link Action#WAIT}: when to source again, after {@code waitingSince}; null otherwise
 */
public record UnsourcedDisposition(Action action, String decidedBy, String step, Instant waitingSince, Instant retryAt) {

    /** What becomes of the unsourced units. */
    public enum Action {
        /** Left open, sourced again when stock comes. */
        BACKORDER,
        /** Left open, sourced again at {@link #retryAt()}. */
        WAIT,
        /** Cancelled: the routing rules give them up. */
        CANCEL
    }

    public UnsourcedDisposition {
        Checks.notNull(action, "action");
        Checks.notBlank(decidedBy, "decidedBy");
        Checks.notBlank(step, "step");
        if (action == Action.WAIT) {
            Checks.notNull(waitingSince, "waitingSince");
            Checks.notNull(retryAt, "retryAt");
            if (!retryAt.isAfter(waitingSince)) {
                throw new IllegalArgumentException("retryAt must be after waitingSince " + waitingSince + ", was "
                        + retryAt);
            }
        } else if (waitingSince != null || retryAt != null) {
            throw new IllegalArgumentException("waitingSince and retryAt must be null for " + action + ", were "
                    + waitingSince + " and " + retryAt);
        }
    }

    /** Units left unsourced by {@code engine} are backordered. */
    public static UnsourcedDisposition backorder(String engine) {
        return new UnsourcedDisposition(Action.BACKORDER, engine, engine, null, null);
    }

    /** When to source the unsourced units again, when the engine waits. */
    public Optional<Instant> retryTime() {
        return Optional.ofNullable(retryAt);
    }

    /** Whether the engine waits. */
    public boolean isWaiting() {
        return action == Action.WAIT;
    }

    /** Whether the routing rules cancel the unsourced units. */
    public boolean cancels() {
        return action == Action.CANCEL;
    }
}

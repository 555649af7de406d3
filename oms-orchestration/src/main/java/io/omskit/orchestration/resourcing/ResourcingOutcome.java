package io.omskit.orchestration.resourcing;

import io.omskit.core.common.Checks;
import io.omskit.core.order.LineQuantity;
import io.omskit.orchestration.result.SourcingResult;
import io.omskit.orchestration.result.UnsourcedDisposition;
import java.time.Instant;
import java.util.Optional;
import java.util.List;
import java.util.function.Function;

/** What re-sourcing refused units did. In both cases the refused units were first released at the refusing location. */
public sealed interface ResourcingOutcome {

    /** The history to keep for the next rejection of the order. */
    ResourcingHistory history();

    /** Folds the outcomes into one value. */
    <T> T fold(Function<Resourced, T> onResourced, Function<GaveUp, T> onGaveUp);

    /**
     * The units were sourced again elsewhere (the refusing location excluded for them). The result's plan may
     * still leave some unsourced, to backorder.
     */
    record Resourced(SourcingResult result, ResourcingHistory history) implements ResourcingOutcome {
        public Resourced {
            Checks.notNull(result, "result");
            Checks.notNull(history, "history");
        }

        @Override
        public <T> T fold(Function<Resourced, T> a, Function<GaveUp, T> b) {
            return a.apply(this);
        }
    }

    /**
     * The units are given up for now: the attempts are exhausted, no other location can take them, or the routing
     * rules wait or cancel. {@code action} says whether they are backordered (left open) or cancelled; when the
     * engine waits they are left open and {@code retryAt} says when to source the order again.
     *
     * @param units   the units given up
     * @param action  backorder or cancel
     * @param reason  why, for people
     * @param retryAt when the engine asks to be asked again (a waiting stage's end); null when it does not wait
     */
    record GaveUp(List<LineQuantity> units, ResourcingPolicy.Action action, String reason, ResourcingHistory history,
                  Instant retryAt) implements ResourcingOutcome {
        public GaveUp {
            units = List.copyOf(units);
            Checks.notNull(action, "action");
            Checks.notBlank(reason, "reason");
            Checks.notNull(history, "history");
            if (retryAt != null && action != ResourcingPolicy.Action.BACKORDER) {
                throw new IllegalArgumentException("retryAt must be null for " + action + ", was " + retryAt);
            }
        }

        /** Given up without waiting. */
        public GaveUp(List<LineQuantity> units, ResourcingPolicy.Action action, String reason, ResourcingHistory history) {
            this(units, action, reason, history, null);
        }

        /**
         * The units no location took: the routing rules' disposition when they wait or cancel, else the policy's
         * action.
         */
        public static GaveUp nothingAllocated(List<LineQuantity> units, SourcingResult.NothingAllocated nothing,
                                              ResourcingPolicy policy, ResourcingHistory history) {
            UnsourcedDisposition d = nothing.unsourced();
            switch (d.action()) {
                case WAIT:
                    return new GaveUp(units, ResourcingPolicy.Action.BACKORDER, d.decidedBy() + " waits until "
                            + d.retryAt() + ": source the order again then", history, d.retryAt());
                case CANCEL:
                    return new GaveUp(units, ResourcingPolicy.Action.CANCEL, d.decidedBy() + " cancels them: "
                            + nothing.plan().unsourced(), history);
                default:
                    return new GaveUp(units, policy.whenGivingUp(), "no other location can take them: "
                            + nothing.plan().unsourced(), history);
            }
        }

        /** When to source the order again, when the engine waits. */
        public Optional<Instant> retryTime() {
            return Optional.ofNullable(retryAt);
        }

        @Override
        public <T> T fold(Function<Resourced, T> a, Function<GaveUp, T> b) {
            return b.apply(this);
        }
    }
}

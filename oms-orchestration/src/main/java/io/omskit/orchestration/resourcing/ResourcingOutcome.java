package io.omskit.orchestration.resourcing;

import io.omskit.core.common.Checks;
import io.omskit.core.order.LineQuantity;
import io.omskit.orchestration.result.SourcingResult;
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
     * The units are given up: the attempts are exhausted or no other location can take them. The policy says
     * whether to backorder or cancel them.
     *
     * @param units  the units given up
     * @param action backorder or cancel
     * @param reason why, for people
     */
    record GaveUp(List<LineQuantity> units, ResourcingPolicy.Action action, String reason, ResourcingHistory history)
            implements ResourcingOutcome {
        public GaveUp {
            units = List.copyOf(units);
            Checks.notNull(action, "action");
            Checks.notBlank(reason, "reason");
            Checks.notNull(history, "history");
        }

        @Override
        public <T> T fold(Function<Resourced, T> a, Function<GaveUp, T> b) {
            return b.apply(this);
        }
    }
}

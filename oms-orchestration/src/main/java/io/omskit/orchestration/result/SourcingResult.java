package io.omskit.orchestration.result;

import io.omskit.core.common.Checks;
import io.omskit.core.inventory.Allocation;
import io.omskit.core.inventory.Shortage;
import java.util.List;
import java.util.function.Function;

/** What {@link io.omskit.orchestration.SourcingEngine#source} did: allocated a plan, found nothing to allocate, or gave up on moving stock. */
public sealed interface SourcingResult {

    /** Whether stock was allocated (now or by the first call with the same key). */
    boolean isAllocated();

    /** Folds the outcomes into one value. */
    <T> T fold(Function<Allocated, T> onAllocated, Function<NothingAllocated, T> onNothing, Function<Contended, T> onContended);

    /**
     * The plan is allocated: every fulfilment's units in one all-or-nothing allocation. Units the plan left
     * unsourced are to be backordered.
     *
     * @param plan       the plan allocated; null when {@code replayed} (the first call's plan is not kept)
     * @param allocation the allocation
     * @param attempts   how many plans were computed (more than 1 when stock moved meanwhile); 0 when replayed
     * @param replayed   whether a previous call with the same key had allocated it
     */
    record Allocated(SourcingPlan plan, Allocation allocation, int attempts, boolean replayed) implements SourcingResult {
        public Allocated {
            Checks.notNull(allocation, "allocation");
        }

        @Override
        public boolean isAllocated() {
            return true;
        }

        @Override
        public <T> T fold(Function<Allocated, T> a, Function<NothingAllocated, T> b, Function<Contended, T> c) {
            return a.apply(this);
        }
    }

    /** The plan sources nothing (every unit is unsourced, with reasons); nothing was allocated. */
    record NothingAllocated(SourcingPlan plan) implements SourcingResult {
        public NothingAllocated {
            Checks.notNull(plan, "plan");
        }

        @Override
        public boolean isAllocated() {
            return false;
        }

        @Override
        public <T> T fold(Function<Allocated, T> a, Function<NothingAllocated, T> b, Function<Contended, T> c) {
            return b.apply(this);
        }
    }

    /**
     * Stock (or capacity) kept moving between planning and allocating, and every attempt failed; nothing is
     * allocated and no capacity is held.
     *
     * @param lastPlan  the last plan computed
     * @param shortages what the last allocation attempt lacked; empty when capacity, not stock, ran out
     * @param attempts  the attempts made
     */
    record Contended(SourcingPlan lastPlan, List<Shortage> shortages, int attempts) implements SourcingResult {
        public Contended {
            Checks.notNull(lastPlan, "lastPlan");
            shortages = List.copyOf(shortages);
        }

        @Override
        public boolean isAllocated() {
            return false;
        }

        @Override
        public <T> T fold(Function<Allocated, T> a, Function<NothingAllocated, T> b, Function<Contended, T> c) {
            return c.apply(this);
        }
    }
}

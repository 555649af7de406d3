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

    /**
     * What the engine decided for the units this sourcing leaves unsourced: backorder them, source them again at a
     * given moment (wait), or cancel them. Backorder for a replayed allocation and for contended stock.
     */
    UnsourcedDisposition unsourced();

    /** When the engine asks to be asked again for the unsourced units: a waiting stage's end. */
    default java.util.Optional<java.time.Instant> retryAt() {
        return unsourced().retryTime();
    }

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
     * @param unsourced  what becomes of the units the plan leaves unsourced
     */
    record Allocated(SourcingPlan plan, Allocation allocation, int attempts, boolean replayed,
                     UnsourcedDisposition unsourced) implements SourcingResult {
        public Allocated {
            Checks.notNull(allocation, "allocation");
            Checks.notNull(unsourced, "unsourced");
        }

        /** Allocated by the optimiser, units it leaves unsourced to backorder. */
        public Allocated(SourcingPlan plan, Allocation allocation, int attempts, boolean replayed) {
            this(plan, allocation, attempts, replayed, UnsourcedDisposition.backorder("optimiser"));
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

    /**
     * The plan sources nothing (every unit is unsourced, with reasons); nothing was allocated. {@code unsourced} says
     * whether the engine backorders the units, waits (and until when), or cancels them.
     */
    record NothingAllocated(SourcingPlan plan, UnsourcedDisposition unsourced) implements SourcingResult {
        public NothingAllocated {
            Checks.notNull(plan, "plan");
            Checks.notNull(unsourced, "unsourced");
        }

        /** Nothing sourced by the optimiser: the units are backordered. */
        public NothingAllocated(SourcingPlan plan) {
            this(plan, UnsourcedDisposition.backorder("optimiser"));
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
        public UnsourcedDisposition unsourced() {
            return UnsourcedDisposition.backorder("optimiser");
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

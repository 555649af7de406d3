package io.omskit.orchestration.engine;

import io.omskit.core.common.Checks;
import io.omskit.core.network.Network;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.stock.StockSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which locations fulfil a demand: given a {@link SourcingRequest} and the stock it may draw on, the plan and
 * why. Order sourcing, re-sourcing, batch waves and delivery promises all ask the engine a
 * {@link io.omskit.orchestration.SourcingEngine} is {@linkplain io.omskit.orchestration.SourcingEngine#routedBy routed
 * by}, so what a product page promises is what the OMS then does.
 *
 * <p>An implementation must be thread-safe and a pure function of its arguments (and its own configuration): it
 * allocates nothing, plans no more of a SKU at a location than {@code snapshot} shows there, plans nothing at a
 * location the request excludes for the line, and accounts for every requested unit, planned or
 * {@linkplain io.omskit.orchestration.plan.Unsourced unsourced with a reason}. {@code SourcingEngineContract} in
 * {@code oms-testkit} checks these clauses for an engine.
 */
public interface OrchestrationEngine {

    /** The engine's name, shown in shadow reports and explanations (such as {@code optimiser}); never blank. */
    String name();

    /** The network the engine plans over: its dense location indexes are those of the snapshots it is given. */
    Network network();

    /**
     * The plan for {@code request} against {@code snapshot} at {@code now}, allocating nothing.
     *
     * @return the decision: the plan, which engine (or stage) decided, and, when the engine prefers to wait, until when
     */
    EngineDecision decide(SourcingRequest request, StockSnapshot snapshot, Instant now);

    /**
     * The plans for a wave of requests against {@code snapshot}: by default one by one in the wave's order, each
     * against what the earlier ones left. An engine that plans waves together (the optimiser) overrides it.
     *
     * @return one decision per request, in the order of {@code wave}
     */
    default List<EngineDecision> decideWave(List<SourcingRequest> wave, StockSnapshot snapshot, Instant now) {
        Checks.list(wave, "wave");
        Checks.notNull(snapshot, "snapshot");
        Checks.notNull(now, "now");
        RemainingStock left = new RemainingStock(snapshot, network());
        List<EngineDecision> out = new ArrayList<>(wave.size());
        for (SourcingRequest request : wave) {
            EngineDecision d = decide(request, left, now);
            left.take(d.plan());
            out.add(d);
        }
        return out;
    }
}

package io.omskit.testkit.contract;

import io.omskit.orchestration.SourcingEngine;
import io.omskit.orchestration.engine.OrchestrationEngine;

/** A host's own small engine ({@link NearestFirstEngine}) passes the engine TCK. */
class NearestFirstEngineContractTest extends SourcingEngineContract {

    @Override
    protected OrchestrationEngine newEngine(SourcingEngine optimiser) {
        return new NearestFirstEngine(optimiser.network());
    }
}

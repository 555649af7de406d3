package io.omskit.testkit.contract;

import io.omskit.orchestration.SourcingEngine;
import io.omskit.orchestration.engine.OrchestrationEngine;

/** The optimiser passes the engine TCK. */
class OptimiserEngineContractTest extends SourcingEngineContract {

    @Override
    protected OrchestrationEngine newEngine(SourcingEngine optimiser) {
        return optimiser;
    }
}

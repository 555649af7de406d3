package io.omskit.testkit.contract;

import io.omskit.core.network.LocationType;
import io.omskit.orchestration.SourcingEngine;
import io.omskit.orchestration.engine.OrchestrationEngine;
import io.omskit.orchestration.engine.staged.Stage;
import io.omskit.orchestration.engine.staged.StageSort;
import io.omskit.orchestration.engine.staged.StageSplit;
import io.omskit.orchestration.engine.staged.StagedEngine;
import java.util.List;

/** A staged engine of four stages (every sort and split, falling through to a backorder) passes the engine TCK. */
class StagedEngineContractTest extends SourcingEngineContract {

    @Override
    protected OrchestrationEngine newEngine(SourcingEngine optimiser) {
        return StagedEngine.builder("contract-stages", optimiser)
                .stage(Stage.named("stores-nearby").locationTypes(LocationType.STORE).maxKm(150)
                        .sort(StageSort.distance()).split(StageSplit.none()).build())
                .stage(Stage.named("ranked").sort(StageSort.priority(List.of(optimiser.network().at(0).id())))
                        .split(StageSplit.byLine()).build())
                .stage(Stage.named("most-stock").wholeLinesInStock().sort(StageSort.stockOnHand())
                        .split(StageSplit.upTo(2)).build())
                .stage(Stage.named("anything").sort(StageSort.cost()).split(StageSplit.any()).build())
                .build();
    }
}

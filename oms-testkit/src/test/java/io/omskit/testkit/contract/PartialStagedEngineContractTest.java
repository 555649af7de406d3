package io.omskit.testkit.contract;

import io.omskit.core.network.LocationType;
import io.omskit.orchestration.SourcingEngine;
import io.omskit.orchestration.engine.OrchestrationEngine;
import io.omskit.orchestration.engine.staged.Stage;
import io.omskit.orchestration.engine.staged.StageSort;
import io.omskit.orchestration.engine.staged.StageSplit;
import io.omskit.orchestration.engine.staged.StagedEngine;
import io.omskit.orchestration.engine.staged.WhenNothing;

/**
 * Stages that ship what they find, the rest going on (to a split stage, then to a backorder) pass the engine TCK: what
 * they ship together never exceeds the stock, and every unit is planned or explained.
 */
class PartialStagedEngineContractTest extends SourcingEngineContract {

    @Override
    protected OrchestrationEngine newEngine(SourcingEngine optimiser) {
        return StagedEngine.builder("contract-partial-stages", optimiser)
                .stage(Stage.named("stores-any-of-it").locationTypes(LocationType.STORE).maxKm(300)
                        .sort(StageSort.distance()).split(StageSplit.none()).shipWhatItFinds().build())
                .stage(Stage.named("by-line-any-of-it").sort(StageSort.stockOnHand()).split(StageSplit.byLine())
                        .shipWhatItFinds().build())
                .stage(Stage.named("two-parcels-for-the-rest").split(StageSplit.upTo(2)).shipWhatItFinds()
                        .whenNothing(WhenNothing.backorder()).build())
                .build();
    }
}

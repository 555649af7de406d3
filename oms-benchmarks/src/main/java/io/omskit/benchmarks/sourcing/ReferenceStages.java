package io.omskit.benchmarks.sourcing;

import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.orchestration.engine.staged.Stage;
import io.omskit.orchestration.engine.staged.StageSort;
import io.omskit.orchestration.engine.staged.StageSplit;
import io.omskit.orchestration.engine.staged.StagedEngine;
import io.omskit.orchestration.engine.staged.WhenNothing;
import java.util.ArrayList;
import java.util.List;

/**
 * The staged rules the staged-engine benchmarks run on the {@link ReferenceInstance}: stores within 30 km holding
 * everything, nearest first; else the five main warehouses by priority, up to two parcels; else the cheapest plan of
 * any split, else backorder.
 */
final class ReferenceStages {

    private ReferenceStages() {
    }

    static StagedEngine of(ReferenceInstance instance) {
        List<LocationId> main = new ArrayList<>();
        for (int w = 0; w < 5; w++) {
            main.add(LocationId.of(String.format("W%03d", w)));
        }
        return StagedEngine.builder("reference-stages", instance.engine)
                .stage(Stage.named("stores-nearby").locationTypes(LocationType.STORE).maxKm(30)
                        .sort(StageSort.distance()).split(StageSplit.none()).build())
                .stage(Stage.named("main-warehouses").locationTypes(LocationType.WAREHOUSE)
                        .sort(StageSort.priority(main)).split(StageSplit.upTo(2)).build())
                .stage(Stage.named("anything").sort(StageSort.cost()).split(StageSplit.any())
                        .whenNothing(WhenNothing.backorder()).build())
                .build();
    }
}

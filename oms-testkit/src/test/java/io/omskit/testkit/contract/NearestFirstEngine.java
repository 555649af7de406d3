package io.omskit.testkit.contract;

import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.Network;
import io.omskit.orchestration.demand.DemandLine;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.engine.EngineDecision;
import io.omskit.orchestration.engine.OrchestrationEngine;
import io.omskit.orchestration.explain.Explanation;
import io.omskit.orchestration.plan.LegKind;
import io.omskit.orchestration.plan.PlannedFulfilment;
import io.omskit.orchestration.plan.PlannedLine;
import io.omskit.orchestration.plan.Unsourced;
import io.omskit.orchestration.plan.UnsourcedReason;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.stock.SkuStock;
import io.omskit.orchestration.stock.StockSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A host's own engine, as one writes it in an afternoon: each line from the nearest locations holding its SKU, as
 * many as it takes, one parcel per location, at 1 per parcel. Home delivery only.
 */
final class NearestFirstEngine implements OrchestrationEngine {

    private final Network network;

    NearestFirstEngine(Network network) {
        this.network = network;
    }

    @Override
    public String name() {
        return "nearest-first";
    }

    @Override
    public Network network() {
        return network;
    }

    @Override
    public EngineDecision decide(SourcingRequest request, StockSnapshot snapshot, Instant now) {
        GeoPoint to = request.demand().delivery().address().position();
        Map<Integer, List<PlannedLine>> byLocation = new LinkedHashMap<>();
        Map<String, Integer> taken = new HashMap<>();
        List<Unsourced> unsourced = new ArrayList<>();
        for (DemandLine line : request.demand().lines()) {
            SkuStock stock = snapshot.stock(line.sku());
            List<Integer> holders = new ArrayList<>();
            for (int k = 0; k < stock.size(); k++) {
                if (!request.isExcluded(line.line(), network.at(stock.location(k)).id())) {
                    holders.add(k);
                }
            }
            holders.sort(Comparator.comparingDouble(k -> network.at(stock.location(k)).position().distanceKm(to)));
            int left = line.quantity();
            for (int k : holders) {
                int location = stock.location(k);
                String key = line.sku() + "@" + location;
                int free = stock.units(k) - taken.getOrDefault(key, 0);
                int take = Math.min(left, free);
                if (take > 0) {
                    byLocation.computeIfAbsent(location, l -> new ArrayList<>()).add(new PlannedLine(line.line(), line.sku(), take));
                    taken.merge(key, take, Integer::sum);
                    left -= take;
                }
            }
            if (left > 0) {
                unsourced.add(new Unsourced(line.line(), line.sku(), left, UnsourcedReason.NO_STOCK,
                        left + " unit(s) more than the locations hold"));
            }
        }
        List<PlannedFulfilment> fulfilments = new ArrayList<>();
        byLocation.forEach((index, lines) -> {
            Location l = network.at(index);
            fulfilments.add(new PlannedFulfilment(l.id(), l.type(), LegKind.DELIVER, null, lines, 1));
        });
        SourcingPlan plan = SourcingPlan.of(request.demand().order(), "nearest-first", fulfilments, unsourced,
                fulfilments.size(), List.of(), false, () -> new Explanation(request.demand().order(), "nearest-first",
                        now, fulfilments, List.of(), network.size(), unsourced, List.of(), fulfilments.size(), false));
        return EngineDecision.of(plan, name());
    }
}

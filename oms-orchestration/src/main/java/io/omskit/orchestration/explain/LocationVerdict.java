package io.omskit.orchestration.explain;

import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import io.omskit.orchestration.plan.PlannedLine;
import java.util.List;

/**
 * Why a location that holds stock of the order was chosen, passed over, or excluded.
 *
 * @param location   the location
 * @param verdict    chosen, considered or excluded
 * @param exclusions every exclusion filters made there (for the order or for single items)
 * @param supply     the units it takes (chosen) or could take (considered); empty when excluded
 * @param costs      what each cost rule charges for {@code supply}; empty when excluded
 * @param cost       the sum of {@code costs}
 */
public record LocationVerdict(LocationId location, Verdict verdict, List<Exclusion> exclusions, List<PlannedLine> supply,
                              List<RuleCost> costs, double cost) {

    public LocationVerdict {
        Checks.notNull(location, "location");
        Checks.notNull(verdict, "verdict");
        exclusions = List.copyOf(exclusions);
        supply = List.copyOf(supply);
        costs = List.copyOf(costs);
    }
}

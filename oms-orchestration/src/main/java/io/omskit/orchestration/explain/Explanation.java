package io.omskit.orchestration.explain;

import io.omskit.core.common.Checks;
import io.omskit.core.order.OrderId;
import io.omskit.orchestration.demand.Demand;
import io.omskit.orchestration.plan.PlannedFulfilment;
import io.omskit.orchestration.plan.Unsourced;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Why a plan is what it is: a verdict for every location that holds stock of the order, what was left unsourced
 * and why, and the cost breakdown. A value: serialise it with {@link SourcingJson}.
 *
 * @param order                 the order; null when the demand was no order's ({@link Demand#whatIf})
 * @param ruleSet               the rule set's name
 * @param computedAt            the time the plan was computed at
 * @param fulfilments           the plan's fulfilments
 * @param locations             a verdict per location holding stock of some item, in network index order
 * @param locationsWithoutStock how many other locations hold none of the order's SKUs
 * @param unsourced             units left unsourced, with reasons
 * @param costBreakdown         the plan's cost per rule
 * @param totalCost             the plan's total cost
 * @param optimal               whether the optimiser proved the plan optimal (false when a heuristic or a search limit applied)
 */
public record Explanation(OrderId order, String ruleSet, Instant computedAt, List<PlannedFulfilment> fulfilments,
                          List<LocationVerdict> locations,
                          int locationsWithoutStock, List<Unsourced> unsourced, List<RuleAmount> costBreakdown,
                          double totalCost, boolean optimal) {

    public Explanation {
        Checks.notNull(ruleSet, "ruleSet");
        Checks.notNull(computedAt, "computedAt");
        fulfilments = List.copyOf(fulfilments);
        locations = List.copyOf(locations);
        unsourced = List.copyOf(unsourced);
        costBreakdown = List.copyOf(costBreakdown);
    }

    /** The verdict on {@code location}, if it held stock of the order. */
    public Optional<LocationVerdict> verdictOn(io.omskit.core.network.LocationId location) {
        for (LocationVerdict v : locations) {
            if (v.location().equals(location)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}

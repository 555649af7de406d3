package io.omskit.orchestration.result;

import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import io.omskit.orchestration.demand.ItemQuestion;
import io.omskit.orchestration.plan.LegKind;

/**
 * The engine's plan for an {@link ItemQuestion} when one location supplies every unit: the same location, units and
 * cost as the single fulfilment of the full plan {@link io.omskit.orchestration.SourcingEngine#plan(SourcingRequest, StockSnapshot,
 * java.time.Instant)} computes for the one-line order.
 *
 * @param location      the fulfilling location
 * @param locationIndex its dense index in the engine's network
 * @param kind          deliver to the customer, collect at the pickup store, or transfer to it
 * @param quantity      the units taken, all of the question's
 * @param cost          the plan's total cost under the rule set
 */
public record ItemPlan(LocationId location, int locationIndex, LegKind kind, int quantity, double cost) {

    public ItemPlan {
        Checks.notNull(location, "location");
        Checks.notNegative(locationIndex, "locationIndex");
        Checks.notNull(kind, "kind");
        Checks.positive(quantity, "quantity");
    }
}

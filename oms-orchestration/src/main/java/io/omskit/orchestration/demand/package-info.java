/**
 * What the sourcing engine is asked: a {@link io.omskit.orchestration.demand.Demand} (lines, channel, delivery),
 * read off an order by {@link io.omskit.orchestration.demand.OrderDemands} or made up for a what-if, in a
 * {@link io.omskit.orchestration.demand.SourcingRequest} with the exclusions and reservation of the request; and
 * the one-SKU {@link io.omskit.orchestration.demand.ItemQuestion} of a product page.
 */
package io.omskit.orchestration.demand;

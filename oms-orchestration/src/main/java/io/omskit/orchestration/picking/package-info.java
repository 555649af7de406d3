/**
 * Pick lists in walking order. A {@link io.omskit.orchestration.picking.WarehouseLayout} describes a location's
 * aisles, bays, cross aisles and depot; a {@link io.omskit.orchestration.picking.Slotting} says in which bins each
 * SKU sits. A {@link io.omskit.orchestration.picking.PickRouter} turns a
 * {@link io.omskit.orchestration.picking.PickList} into a {@link io.omskit.orchestration.picking.PickRoute}: the stops
 * a picker walks (provably shortest on layouts of one or two blocks), the bins chosen for SKUs held in several bins,
 * and the distance of every routing method tried, so a caller sees how far each heuristic is from the route chosen. A
 * {@link io.omskit.orchestration.picking.PickWavePlanner} groups several pick lists into trolley-sized batches and
 * routes each batch. Pure algorithms: nothing here reads or writes storage.
 */
package io.omskit.orchestration.picking;

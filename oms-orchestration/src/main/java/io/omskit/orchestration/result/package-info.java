/**
 * What the sourcing engine answers: a {@link io.omskit.orchestration.result.SourcingPlan} per demand (with its
 * explanation), a {@link io.omskit.orchestration.result.BatchPlan} per wave, an
 * {@link io.omskit.orchestration.result.ItemPlan} per one-SKU question, a
 * {@link io.omskit.orchestration.result.Completion} when only a plan sourcing every unit is of use, and a
 * {@link io.omskit.orchestration.result.SourcingResult} when it allocates.
 */
package io.omskit.orchestration.result;

/**
 * What a sourcing plan is made of: a {@link io.omskit.orchestration.plan.PlannedFulfilment} per location, with its
 * {@link io.omskit.orchestration.plan.PlannedLine}s and {@link io.omskit.orchestration.plan.LegKind}, and the
 * {@link io.omskit.orchestration.plan.Unsourced} units with their
 * {@link io.omskit.orchestration.plan.UnsourcedReason}. The plan itself,
 * {@link io.omskit.orchestration.result.SourcingPlan}, is in {@code result}: it carries its explanation, which is
 * made of these pieces too.
 */
package io.omskit.orchestration.plan;

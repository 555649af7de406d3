/**
 * Staged routing: order routing written as merchants write it, ordered {@link
 * io.omskit.orchestration.engine.staged.Stage stages} ("stores within 30 km that hold everything, nearest first; else
 * warehouses by priority; else at most two parcels; else backorder"), each with filters from the rule library, a
 * sort, a split policy and what happens when it finds nothing. Built with {@link
 * io.omskit.orchestration.engine.staged.StagedEngine#builder} or read from JSON by {@link
 * io.omskit.orchestration.engine.staged.StagedRoutingJson}.
 */
package io.omskit.orchestration.engine.staged;

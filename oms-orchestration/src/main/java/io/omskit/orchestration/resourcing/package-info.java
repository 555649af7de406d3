/**
 * When a location refuses units it was allocated: the {@link io.omskit.orchestration.resourcing.Rejection}, what
 * earlier rejections taught ({@link io.omskit.orchestration.resourcing.ResourcingHistory}), how often to try again
 * and what then ({@link io.omskit.orchestration.resourcing.ResourcingPolicy}), and what re-sourcing did
 * ({@link io.omskit.orchestration.resourcing.ResourcingOutcome}).
 */
package io.omskit.orchestration.resourcing;

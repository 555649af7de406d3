/**
 * Why a sourcing plan is what it is: the {@link io.omskit.orchestration.explain.Explanation}, with a
 * {@link io.omskit.orchestration.explain.LocationVerdict} per location holding stock of the order (its
 * {@link io.omskit.orchestration.explain.Exclusion}s and {@link io.omskit.orchestration.explain.RuleCost}s), and the
 * cost per rule ({@link io.omskit.orchestration.explain.RuleAmount}). Explanations are values:
 * {@link io.omskit.orchestration.explain.SourcingJson} writes and reads them.
 */
package io.omskit.orchestration.explain;

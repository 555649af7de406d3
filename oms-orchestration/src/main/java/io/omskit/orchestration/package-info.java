/**
 * Sourcing: decides which locations fulfil which units of an order, optimally under the retailer's rules, and
 * explains the decision.
 *
 * <p>Start with {@link io.omskit.orchestration.SourcingEngine#builder()}: give it the network, a
 * {@link io.omskit.orchestration.RuleBook} (rule sets per channel and delivery method, built in Java or loaded
 * from JSON with {@link io.omskit.orchestration.RuleBookJson}), the inventory store and a clock. Then
 * {@code plan} computes a {@link io.omskit.orchestration.SourcingPlan} without touching stock (what-if, ATP),
 * {@code source} computes and allocates it atomically, {@code resource} re-sources units a location rejected,
 * and {@code planBatch} sources a wave of orders together.
 */
package io.omskit.orchestration;

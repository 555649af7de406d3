/**
 * Sourcing: decides which locations fulfil which units of an order, optimally under the retailer's rules, and
 * explains the decision.
 *
 * <p>Start with {@link io.omskit.orchestration.SourcingEngine#builder()}: give it the network, a
 * {@link io.omskit.orchestration.rulebook.RuleBook} (rule sets per channel and delivery method, built in Java or loaded
 * from JSON with {@link io.omskit.orchestration.rulebook.RuleBookJson}), the inventory store and a clock. Then
 * {@code plan} computes a {@link io.omskit.orchestration.result.SourcingPlan} without touching stock (what-if, ATP),
 * {@code source} computes and allocates it atomically, {@code resource} re-sources units a location rejected,
 * and {@code planBatch} sources a wave of orders together. {@link io.omskit.orchestration.OrderSourcing} does the
 * same for the orders of an {@link io.omskit.core.Oms}.
 *
 * <p>This package holds the entry points; what they are asked and what they answer sit in a package per topic:
 * {@code demand} (what is asked), {@code stock} (what the engine sees), {@code plan} (what a plan is made of),
 * {@code explain} (why), {@code result} (the engine's answers), {@code rulebook}, {@code resourcing}, the built-in
 * {@code rules} and the {@code spi} a rule author implements. No package of the module depends on this one.
 */
package io.omskit.orchestration;

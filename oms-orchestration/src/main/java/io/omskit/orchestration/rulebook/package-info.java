/**
 * Which rules source which orders: a {@link io.omskit.orchestration.rulebook.RuleSet} (filters, cost terms, split
 * policy, most shipments) per channel and delivery method in a {@link io.omskit.orchestration.rulebook.RuleBook},
 * built in Java or read from JSON by {@link io.omskit.orchestration.rulebook.RuleBookJson}, to which a
 * {@link io.omskit.orchestration.rulebook.RuleFactory} adds a retailer's own rules.
 */
package io.omskit.orchestration.rulebook;

/**
 * The built-in sourcing rules: filters (capability, location type, enough stock, maximum distance, open now,
 * daily capacity, cut-off, excluded locations, keep groups together) and cost terms (shipping, distance, split
 * penalty, protect store stock, load balancing, location priority, lateness, opportunity cost, fill in priority,
 * most stock first, pickup store first). Each rule's
 * justifications are records nested in the rule class.
 */
package io.omskit.orchestration.rules;

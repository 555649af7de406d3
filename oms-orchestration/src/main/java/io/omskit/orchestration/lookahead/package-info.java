/**
 * Look-ahead sourcing: the engine sources each order as cheaply as it can, but stock spent on one order is missing
 * for the next. A {@link io.omskit.orchestration.lookahead.LookAhead} solves the fluid linear program over the host's
 * {@link io.omskit.orchestration.lookahead.DemandForecast} (off the order path, on the host's schedule) and turns its
 * solution into per-lane targets that guide every order through one cost rule.
 */
package io.omskit.orchestration.lookahead;

/**
 * Look-ahead sourcing: the engine sources each order as cheaply as it can, but stock spent on one order is missing
 * for the next. A {@link io.omskit.orchestration.lookahead.LookAhead} solves a linear program over the host's
 * {@link io.omskit.orchestration.lookahead.DemandForecast} (off the order path, on the host's schedule) and turns its
 * solution into targets that guide every order through one cost rule: per lane (the fluid LP of Jasin and Sinha), or
 * per region, basket and fulfilment pattern (the order-based LP, {@link io.omskit.orchestration.lookahead.LookAhead.Mode#ORDER_PATTERNS}).
 */
package io.omskit.orchestration.lookahead;

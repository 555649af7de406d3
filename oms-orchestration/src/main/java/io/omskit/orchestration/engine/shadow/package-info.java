/**
 * Shadow mode: two engines on the same orders, live (the shadow plans but never allocates) or replaying history, and
 * what separates them per order and in total: cost, parcels, distance, promise kept. "Your rules cost 4.1% more than
 * the optimiser, mostly in stage 2."
 */
package io.omskit.orchestration.engine.shadow;

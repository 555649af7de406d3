/**
 * Checks for cartonisation that do not trust the cartoniser: {@link io.omskit.testkit.packing.PackingVerifier}
 * checks every placement (inside the carton, no overlap, turned size matches the SKU), weights, that every unit is
 * packed exactly once, and finds the cheapest packing of small grid-sized instances by trying every grouping and every
 * position.
 */
package io.omskit.testkit.packing;

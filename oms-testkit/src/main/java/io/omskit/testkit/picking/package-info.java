/**
 * Checks for pick routes that do not trust the router: {@link io.omskit.testkit.picking.RouteVerifier} rebuilds the
 * aisle grid of a layout from its documented geometry, recomputes walking distances by Dijkstra on it, checks a
 * route picks every line once from a bin its SKU sits in, and finds the shortest route of a small instance by trying
 * every visiting order.
 */
package io.omskit.testkit.picking;

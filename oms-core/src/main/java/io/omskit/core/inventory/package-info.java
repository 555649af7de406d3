/**
 * Unified stock: positions per SKU and location, reservations (network-wide or at a location, with expiry),
 * allocations, the movement ledger, alert thresholds and channel exposure.
 */
package io.omskit.core.inventory;

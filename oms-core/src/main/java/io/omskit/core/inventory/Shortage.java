package io.omskit.core.inventory;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.LocationId;

/**
 * Not enough stock: of {@code sku} at {@code location} (null: network-wide), {@code requested} units were
 * asked for and {@code available} could be had.
 */
public record Shortage(Sku sku, LocationId location, int requested, int available) {
}
